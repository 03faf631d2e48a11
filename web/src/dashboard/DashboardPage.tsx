import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { useUser } from '../auth/session';
import { fiscalYearOf } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, Loading, Notice, PageTitle } from '../ui/components';
import { FiscalYearPicker } from '../ui/FiscalYearPicker';
import { useAsync } from '../ui/useAsync';
import { planStatusTone } from '../ui/vocabulary';
import { Breakdowns } from './Breakdowns';
import { CourseChart } from './CourseChart';
import { CourseTable } from './CourseTable';
import { ExportButtons } from './ExportButtons';
import { PlanDocumentButtons } from './PlanDocumentButtons';
import { planForYear, yearsOf, type Figures } from './figures';
import { HeadlineTiles, IndicatorTiles } from './Tiles';
import { PeoplePicker } from './PeoplePicker';
import { DashboardPlansQuery, PlanProgressQuery } from './queries';
import { useLiveProgress, type LiveStatus } from './useLiveProgress';
import { nodes } from '../ui/connections';

/** The signed-in tenant user's own organisation. */
export function OwnDashboardPage() {
  const user = useUser();
  return <DashboardView organisationId={user.organisation!.id} readOnly={false} personPath="/dashboard/person" />;
}

/** An organisation seen by a provincial committee or national user: read only. */
export function OversightDashboardPage() {
  const { organisationId = '' } = useParams();
  return <DashboardView organisationId={organisationId} readOnly personPath={`/oversight/${organisationId}/person`} />;
}

/** Marks, once per page load, the moment the figures first show (read by the browser tests). */
let figuresMarked = false;
function markFiguresShown() {
  if (!figuresMarked && typeof performance !== 'undefined' && performance.mark) {
    figuresMarked = true;
    performance.mark('phatthana:dashboard-figures');
  }
}

function DashboardView({ organisationId, readOnly, personPath }: { organisationId: string; readOnly: boolean; personPath: string }) {
  const { m, f } = useI18n();
  const [params, setParams] = useSearchParams();
  const currentYear = useMemo(() => fiscalYearOf(new Date()), []);
  const year = Number(params.get('year')) || currentYear;
  const setYear = (next: number) =>
    setParams((old) => {
      const copy = new URLSearchParams(old);
      copy.set('year', String(next));
      return copy;
    });

  const head = useAsync(() => runGraphQl(DashboardPlansQuery, { organisationId }), [organisationId]);
  const plans = useMemo(() => (head.data ? nodes(head.data.plans) : []), [head.data]);
  const plan = planForYear(plans, year);
  const countable = plan && plan.currentVersion ? plan : null;

  const progress = useAsync<Figures | null>(
    () => (countable ? runGraphQl(PlanProgressQuery, { planId: countable.id, fiscalYear: year }).then((d) => d.planProgress) : Promise.resolve(null)),
    [countable?.id, year],
  );
  const [division, setDivision] = useState<string | null>(null);
  const people = useRef<HTMLElement>(null);
  const live = useLiveProgress(countable?.id ?? null, year, (figures) => progress.setData(figures));
  const figures = progress.data && progress.data.planId === countable?.id && progress.data.fiscalYear === year ? progress.data : null;

  useEffect(() => {
    if (figures) {
      markFiguresShown();
    }
  }, [figures]);

  if (head.error) {
    return <ErrorNotice error={head.error} onRetry={head.reload} />;
  }
  if (!head.data) {
    return <Loading />;
  }
  const organisation = head.data.organisation!;
  const inForce = head.data.planInForce;

  return (
    <section className="dashboard">
      <div className="page-head">
        <div>
          <PageTitle title={m.dashboard.title}>{m.dashboard.title}</PageTitle>
          <p className="subtitle">
            {organisation.nameTh} · {m.fiscalYear.short(f.year(year))}
          </p>
        </div>
        <div className="actions">
          <FiscalYearPicker years={yearsOf(plans, currentYear)} value={year} onChange={setYear} />
          <LiveBadge status={live} />
        </div>
      </div>
      {readOnly && <Notice kind="info">{m.dashboard.readOnly(organisation.nameTh)}</Notice>}

      <div className="two-columns">
        <div className="card">
          <h2>{m.dashboard.planInForce}</h2>
          {inForce ? (
            <p>
              {inForce.title} <Badge tone={planStatusTone(inForce.status)}>{m.enums.planStatus[inForce.status]}</Badge>
            </p>
          ) : (
            <p>{m.dashboard.noPlanInForce}</p>
          )}
        </div>
        <div className="card">
          <h2>{m.dashboard.planForYear}</h2>
          {plan ? (
            <>
              <p data-testid="plan-for-year">
                {plan.title} <Badge tone={planStatusTone(plan.status)}>{m.enums.planStatus[plan.status]}</Badge>
              </p>
              {plan.inForceFrom && <p className="muted">{m.dashboard.inForceFrom(f.date(plan.inForceFrom))}</p>}
              {plan.currentVersion && <p className="muted">{m.dashboard.version(plan.currentVersion.label)}</p>}
              <PlanDocumentButtons planId={plan.id} />
            </>
          ) : (
            <p>{m.dashboard.noPlanForYear(f.year(year))}</p>
          )}
        </div>
      </div>

      {plan && !plan.currentVersion && <Notice kind="info">{m.dashboard.notApproved}</Notice>}
      {progress.error && <ErrorNotice error={progress.error} onRetry={progress.reload} />}
      {countable && !figures && !progress.error && <Loading />}
      {countable && figures && (
        <>
          <HeadlineTiles figures={figures} />
          <h2>{m.dashboard.indicators}</h2>
          <IndicatorTiles figures={figures} />

          <div className="card">
            <h2>{m.dashboard.courses}</h2>
            <h3>{m.dashboard.chartTitle}</h3>
            <CourseChart figures={figures} />
            <CourseTable figures={figures} />
          </div>

          <Breakdowns
            figures={figures}
            onShowDivision={(key) => {
              setDivision(key);
              people.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              people.current?.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
            }}
          />

          <section className="card" ref={people} aria-labelledby="people-heading">
            <h2 id="people-heading">{m.dashboard.people}</h2>
            <p className="muted">{m.dashboard.peopleIntro}</p>
            <PeoplePicker
              organisationId={organisationId}
              divisions={organisation.divisions}
              division={division}
              onDivision={setDivision}
              linkTo={(staffId) =>
                `${personPath}?${new URLSearchParams({ staff: staffId, plan: countable.id, year: String(year) }).toString()}`
              }
            />
          </section>

          <section className="card" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{m.dashboard.exports}</h2>
            <ExportButtons planId={countable.id} fiscalYear={year} />
            <p className="hint">{m.dashboard.statementsThrough(f.integer(figures.statementsThrough))}</p>
          </section>
        </>
      )}
    </section>
  );
}

function LiveBadge({ status }: { status: LiveStatus }) {
  const { m, f } = useI18n();
  let text = '';
  if (status.state === 'connecting') {
    text = m.dashboard.liveConnecting;
  } else if (status.state === 'live') {
    text = m.dashboard.liveOn(f.time(status.at));
  } else if (status.state === 'lost') {
    text = m.dashboard.liveLost;
  }
  return (
    <p className={status.state === 'lost' ? 'live lost' : 'live'} data-live={status.state}>
      {text}
    </p>
  );
}
