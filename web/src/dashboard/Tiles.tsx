import { useI18n } from '../i18n/i18n';
import { Badge } from '../ui/components';
import { courseDelivery, withUnit, type Figures } from './figures';

export function HeadlineTiles({ figures }: { figures: Figures }) {
  const { m, f } = useI18n();
  const delivery = courseDelivery(figures);
  return (
    <div className="grid tiles" role="group" aria-label={m.dashboard.figures} data-testid="headline-figures">
      <div className="tile">
        <p className="tile-label">{m.dashboard.staffDeveloped}</p>
        <p className="tile-value" data-figure="staffDevelopedShare">{f.percent(figures.staffDevelopedShare)}</p>
        <p className="tile-detail" data-figure="staffDeveloped">
          {m.dashboard.staffDevelopedDetail(f.integer(figures.staffDeveloped), f.integer(figures.staffCount))}
        </p>
      </div>
      <div className="tile">
        <p className="tile-label">{m.idp.tileLabel}</p>
        <p className="tile-value" data-figure="individualPlanAgreedShare">{f.percent(figures.individualPlanAgreedShare)}</p>
        <p className="tile-detail" data-figure="individualPlansAgreed">
          {m.idp.tileDetail(f.integer(figures.individualPlansAgreed), f.integer(figures.staffCount))}
        </p>
      </div>
      <div className="tile">
        <p className="tile-label">{m.dashboard.hoursPerPerson}</p>
        <p className="tile-value" data-figure="hoursPerPerson">{f.number(figures.hoursPerPerson)}</p>
        <p className="tile-detail" data-figure="totalHours">{m.dashboard.totalHours(f.number(figures.totalHours))}</p>
      </div>
      <div className="tile">
        <p className="tile-label">{m.dashboard.coursesDelivered}</p>
        <p className="tile-value" data-figure="coursesDelivered">
          {f.integer(delivery.delivered)}/{f.integer(delivery.planned)}
        </p>
        <p className="tile-detail">{m.dashboard.coursesDeliveredDetail(f.integer(delivery.delivered), f.integer(delivery.planned))}</p>
      </div>
      <div className="tile">
        <p className="tile-label">{m.dashboard.budgetSpent}</p>
        <p className="tile-value" data-figure="budgetSpentShare">{f.percent(figures.budget.spentShare)}</p>
        <p className="tile-detail">{m.dashboard.budgetSpentDetail(f.baht(figures.budget.spent), f.baht(figures.budget.planned))}</p>
      </div>
    </div>
  );
}

export function IndicatorTiles({ figures }: { figures: Figures }) {
  const { m, f } = useI18n();
  if (figures.indicators.length === 0) {
    return <p>{m.dashboard.noIndicators}</p>;
  }
  const units = m.enums.indicatorUnit as Record<string, string>;
  const comparators = m.enums.comparator as Record<string, string>;
  return (
    <ul className="grid tiles" style={{ listStyle: 'none', padding: 0 }} data-testid="indicators">
      {figures.indicators.map((indicator, index) => {
        const state = indicator.met === true ? 'met' : indicator.met === false ? 'not-met' : 'unmeasured';
        return (
          <li key={`${indicator.goalKey}-${indicator.indicatorKey}-${index}`} className={`tile indicator ${state}`} data-indicator={indicator.indicatorKey ?? ''}>
            <p className="tile-label">{indicator.description ?? indicator.goalTitle ?? indicator.metric}</p>
            <p className="tile-value">{indicator.value == null ? m.app.none : withUnit(f.number(indicator.value), indicator.unit, units)}</p>
            <p className="tile-detail">
              {indicator.target != null &&
                m.dashboard.indicatorTarget(`${comparators[indicator.comparator] ?? ''} ${withUnit(f.number(indicator.target), indicator.unit, units)}`.trim())}
            </p>
            <p>
              {state === 'met' && <Badge tone="good">{m.dashboard.met}</Badge>}
              {state === 'not-met' && <Badge tone="bad">{m.dashboard.notMet}</Badge>}
              {state === 'unmeasured' && <Badge tone="neutral">{m.dashboard.notMeasured}</Badge>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
