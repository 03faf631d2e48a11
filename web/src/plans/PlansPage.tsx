import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import type { PlansOverviewQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, errorText, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { nodes } from '../ui/connections';
import { useAsync } from '../ui/useAsync';
import { planStatusTone } from '../ui/vocabulary';
import { CreateBlankPlan, CreatePlanFromMasterPlan, PlansOverview } from './queries';

export const planPath = (id: string) => `/plans/plan?id=${encodeURIComponent(id)}`;
export const editorPath = (id: string) => `/plans/edit?id=${encodeURIComponent(id)}`;

/** The organisation's plans, its planning calendar (what is due next, what is overdue) and starting a new plan. */
export function PlansPage() {
  const { m } = useI18n();
  const user = useUser();
  const overview = useAsync(() => runGraphQl(PlansOverview), []);
  const canWrite = hasRole(user, ...STAFF_WRITERS);

  return (
    <section>
      <PageTitle title={m.plans.title}>{m.plans.title}</PageTitle>
      {overview.loading && !overview.data && <Loading />}
      {overview.error && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      {overview.data && (
        <>
          <PlanningCalendar calendar={overview.data.planningCalendar} />
          <PlanList plans={nodes(overview.data.plans)} />
          {canWrite && <CreatePlanForm nextStart={overview.data.planningCalendar.nextPlanFiscalYearStart} current={overview.data.planningCalendar.currentFiscalYear} />}
        </>
      )}
    </section>
  );
}

function PlanningCalendar({ calendar }: { calendar: PlansOverviewQuery['planningCalendar'] }) {
  const { m, f } = useI18n();
  const p = m.plans;
  return (
    <section className="card" aria-labelledby="calendar-title" data-testid="planning-calendar">
      <h2 id="calendar-title" style={{ marginTop: 0 }}>
        {p.calendarTitle}
      </h2>
      <p className="hint">
        {p.calendarToday(f.date(calendar.today), f.year(calendar.currentFiscalYear))} ·{' '}
        {p.calendarNextPlan(f.year(calendar.nextPlanFiscalYearStart), f.year(calendar.nextPlanFiscalYearStart + 2))}
      </p>
      {calendar.overdue && <Notice kind="error">{p.calendarOverdue}</Notice>}
      <ol className="milestones">
        {calendar.milestones.map((milestone) => (
          <li key={milestone.kind} className={milestone.overdue ? 'milestone overdue' : 'milestone'}>
            <strong>{p.milestone[milestone.kind]}</strong> — {p.due(f.date(milestone.dueDate))}{' '}
            {milestone.done ? (
              <Badge tone="good">{p.milestoneDone}</Badge>
            ) : milestone.overdue ? (
              <Badge tone="bad">{p.milestoneOverdue}</Badge>
            ) : (
              <Badge tone="neutral">{p.milestoneDue}</Badge>
            )}
            <div className="hint">{milestone.description}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

type PlanRow = NonNullable<NonNullable<PlansOverviewQuery['plans']['edges']>[number]>['node'];

function PlanList({ plans }: { plans: PlanRow[] }) {
  const { m, f } = useI18n();
  const p = m.plans;
  return (
    <section aria-labelledby="plan-list-title">
      <h2 id="plan-list-title">{p.listTitle}</h2>
      {plans.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <TableScroll label={p.listTitle}>
          <table className="table" data-testid="plan-list">
            <thead>
              <tr>
                <th scope="col">{p.columns.title}</th>
                <th scope="col">{p.columns.years}</th>
                <th scope="col">{p.columns.status}</th>
                <th scope="col">{p.columns.version}</th>
                <th scope="col">{p.columns.draft}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id}>
                  <th scope="row">
                    <Link to={planPath(plan.id)}>{plan.title}</Link>
                  </th>
                  <td>{p.years(f.year(plan.fiscalYearStart), f.year(plan.fiscalYearEnd))}</td>
                  <td>
                    <Badge tone={planStatusTone(plan.status)}>{m.enums.planStatus[plan.status]}</Badge>
                  </td>
                  <td>{plan.currentVersion ? plan.currentVersion.label : p.noVersion}</td>
                  <td>{plan.draft ? `${plan.draft.label} (${m.enums.planStatus[plan.draft.status]})` : m.app.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function CreatePlanForm({ nextStart, current }: { nextStart: number; current: number }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const navigate = useNavigate();
  const [firstYear, setFirstYear] = useState(nextStart);
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<'master' | 'blank'>('master');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { year: useId(), title: useId(), source: useId() };
  const years = [...new Set([current, nextStart, nextStart + 1, nextStart + 3])].sort();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const input = { fiscalYearStart: firstYear, title: title.trim() || null };
      const payload =
        source === 'master'
          ? (await runGraphQl(CreatePlanFromMasterPlan, { input })).createPlanFromMasterPlan
          : (await runGraphQl(CreateBlankPlan, { input })).createPlan;
      if (payload.plan) {
        navigate(editorPath(payload.plan.id));
      } else {
        setProblem(payload.userErrors.map((error) => error.message).join(' '));
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-plan-title">
      <h2 id="create-plan-title" style={{ marginTop: 0 }}>
        {p.createTitle}
      </h2>
      {problem && (
        <div role="alert">
          <Notice kind="error">{problem}</Notice>
        </div>
      )}
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.year}>{p.createFirstYear}</label>
          <select id={ids.year} value={firstYear} onChange={(event) => setFirstYear(Number(event.target.value))}>
            {years.map((year) => (
              <option key={year} value={year}>
                {p.years(f.year(year), f.year(year + 2))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.title}>{p.createTitleField}</label>
          <input id={ids.title} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>{p.createSource}</legend>
        <label className="choice">
          <input type="radio" name="plan-source" checked={source === 'master'} onChange={() => setSource('master')} /> {p.createFromMaster}
        </label>
        <label className="choice">
          <input type="radio" name="plan-source" checked={source === 'blank'} onChange={() => setSource('blank')} /> {p.createBlank}
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={working}>
          {working ? p.creating : p.create}
        </button>
      </div>
    </form>
  );
}
