import { useId, useState, type ReactNode } from 'react';
import { runGraphQl } from '../../api/graphql';
import type { CommitteeRole, IndicatorMetric, IndicatorUnit, PdcaPhase, PlanForEditingQuery, TargetComparator, UpdatePlanInput } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../../ui/components';
import { problemsAt, problemsUnder, relativeTo, type Problem } from '../problems';
import { UpdatePlan } from '../queries';
import { CheckboxGroup, FieldProblems, SaveBar, StaffPicker, TextField, useSave } from './parts';

export type Draft = NonNullable<NonNullable<PlanForEditingQuery['plan']>['draft']>;
export type Content = Draft['content'];

const METRICS: IndicatorMetric[] = ['STAFF_DEVELOPED_SHARE', 'HOURS_PER_PERSON', 'COURSE_COMPLETION_SHARE', 'COURSES_RUN_SHARE', 'BUDGET_SPENT_SHARE', 'OTHER'];
const UNITS: IndicatorUnit[] = ['PERCENT', 'HOURS', 'PERSONS', 'COURSES', 'BAHT', 'SCORE', 'OTHER'];
const COMPARATORS: TargetComparator[] = ['AT_LEAST', 'AT_MOST', 'EQUAL'];
const PHASES: PdcaPhase[] = ['PLAN', 'DO', 'CHECK', 'ACT'];
const ROLES: CommitteeRole[] = ['CHAIR', 'MEMBER', 'SECRETARY', 'ASSISTANT_SECRETARY'];
export const MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Saves part of the plan with updatePlan; the problems come back relative to the input. */
export async function savePlan(input: UpdatePlanInput): Promise<Problem[]> {
  const { updatePlan } = await runGraphQl(UpdatePlan, { input });
  return relativeTo(updatePlan.userErrors, 'input');
}

/** One section of the editor: a heading the gaps checklist links to, the section's gaps, the form. */
export function Section({ id, title, gaps, children }: { id: string; title: string; gaps: readonly Problem[]; children: ReactNode }) {
  return (
    <section className="card plan-section" id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <FieldProblems problems={gaps} />
      {children}
    </section>
  );
}

export function GeneralSection({ planId, title: initialTitle, rationale: initialRationale, gaps, onSaved }: {
  planId: string;
  title: string;
  rationale: string | null;
  gaps: readonly Problem[];
  onSaved: () => void;
}) {
  const { m } = useI18n();
  const p = m.plans;
  const [title, setTitle] = useState(initialTitle);
  const [rationale, setRationale] = useState(initialRationale ?? '');
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  return (
    <>
      <Section id="section-general" title={p.sections.general} gaps={[]}>
        <TextField label={p.planTitle} value={title} onChange={(v) => (setTitle(v), setDirty(true))} problems={problemsAt(save.problems, 'title')} required />
      </Section>
      <Section id="section-rationale" title={p.sections.rationale} gaps={problemsAt(gaps, 'rationale')}>
        <TextField label={p.sections.rationale} value={rationale} onChange={(v) => (setRationale(v), setDirty(true))} problems={problemsAt(save.problems, 'rationale')} multiline />
        <SaveBar
          working={save.working}
          dirty={dirty}
          status={save.status}
          onSave={() => save.run(() => savePlan({ planId, title: title.trim(), rationale: rationale.trim() || null })).then((ok) => ok && (setDirty(false), onSaved()))}
        />
      </Section>
    </>
  );
}

interface GoalForm {
  key: string | null;
  title: string;
  description: string;
  indicators: Array<{ key: string | null; description: string; metric: IndicatorMetric; unit: IndicatorUnit; comparator: TargetComparator; targets: Record<number, string> }>;
}

export function GoalsSection({ planId, years, goals: stored, gaps, onSaved }: {
  planId: string;
  years: readonly number[];
  goals: Content['goals'];
  gaps: readonly Problem[];
  onSaved: () => void;
}) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [goals, setGoals] = useState<GoalForm[]>(() =>
    stored.map((goal) => ({
      key: goal.key,
      title: goal.title,
      description: goal.description ?? '',
      indicators: goal.indicators.map((indicator) => ({
        key: indicator.key,
        description: indicator.description,
        metric: indicator.metric,
        unit: indicator.unit,
        comparator: indicator.comparator,
        targets: Object.fromEntries(indicator.targets.map((target) => [target.fiscalYear, String(target.value)])),
      })),
    })),
  );
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  const change = (update: (goals: GoalForm[]) => GoalForm[]) => {
    setGoals((old) => update(structuredClone(old)));
    setDirty(true);
  };
  const submit = () =>
    save
      .run(() =>
        savePlan({
          planId,
          goals: goals.map((goal) => ({
            key: goal.key,
            title: goal.title.trim(),
            description: goal.description.trim() || null,
            indicators: goal.indicators.map((indicator) => ({
              key: indicator.key,
              description: indicator.description.trim(),
              metric: indicator.metric,
              unit: indicator.unit,
              comparator: indicator.comparator,
              targets: years.filter((year) => (indicator.targets[year] ?? '').trim() !== '').map((year) => ({ fiscalYear: year, value: Number(indicator.targets[year]) })),
            })),
          })),
        }),
      )
      .then((ok) => ok && (setDirty(false), onSaved()));

  return (
    <Section id="section-goals" title={p.sections.goals} gaps={problemsAt(gaps, 'goals')}>
      {goals.map((goal, g) => {
        // the draft's gaps name goals by key, a refused save by their place in the list
        const goalProblems = [...problemsUnder(gaps, 'goals', goal.key ?? '-'), ...problemsUnder(save.problems, 'goals', String(g))];
        return (
          <fieldset key={g} className="subsection" id={goal.key ? `goal-${goal.key}` : undefined}>
            <legend>
              {p.goal} {f.integer(g + 1)}
            </legend>
            <TextField label={p.goalTitle} value={goal.title} onChange={(v) => change((all) => ((all[g].title = v), all))} problems={problemsAt(save.problems, 'goals', String(g), 'title')} required />
            <TextField label={p.description} value={goal.description} onChange={(v) => change((all) => ((all[g].description = v), all))} multiline />
            <FieldProblems problems={goalProblems.filter((problem) => !(problem.field[2] === 'title'))} />
            {goal.indicators.map((indicator, i) => (
              <div key={i} className="indicator-form">
                <TextField
                  label={`${p.indicatorDescription} ${f.integer(i + 1)}`}
                  value={indicator.description}
                  onChange={(v) => change((all) => ((all[g].indicators[i].description = v), all))}
                />
                <div className="form-row">
                  <Select label={p.metric} value={indicator.metric} options={METRICS} text={(v) => p.vocab.metric[v]} onChange={(v) => change((all) => ((all[g].indicators[i].metric = v), all))} />
                  <Select label={p.comparator} value={indicator.comparator} options={COMPARATORS} text={(v) => m.enums.comparator[v]} onChange={(v) => change((all) => ((all[g].indicators[i].comparator = v), all))} />
                  <Select label={p.unit} value={indicator.unit} options={UNITS} text={(v) => m.enums.indicatorUnit[v] || v} onChange={(v) => change((all) => ((all[g].indicators[i].unit = v), all))} />
                </div>
                <div className="form-row">
                  {years.map((year) => (
                    <TextField
                      key={year}
                      label={p.target(f.year(year))}
                      value={indicator.targets[year] ?? ''}
                      inputMode="decimal"
                      onChange={(v) => change((all) => ((all[g].indicators[i].targets[year] = v), all))}
                      problems={indicator.key ? problemsAt(gaps, 'goals', goal.key ?? '-', 'indicators', indicator.key, 'targets', String(year)) : []}
                    />
                  ))}
                </div>
                <button type="button" className="button button-quiet" onClick={() => change((all) => (all[g].indicators.splice(i, 1), all))}>
                  {p.remove} {p.indicator} {f.integer(i + 1)}
                </button>
              </div>
            ))}
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => change((all) => (all[g].indicators.push({ key: null, description: '', metric: 'STAFF_DEVELOPED_SHARE', unit: 'PERCENT', comparator: 'AT_LEAST', targets: {} }), all))}
              >
                {p.addIndicator}
              </button>
              <button type="button" className="button button-quiet" onClick={() => change((all) => (all.splice(g, 1), all))}>
                {p.remove} {p.goal} {f.integer(g + 1)}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="button" onClick={() => change((all) => [...all, { key: null, title: '', description: '', indicators: [] }])}>
          {p.addGoal}
        </button>
      </div>
      <SaveBar working={save.working} dirty={dirty} status={save.status} onSave={submit} />
    </Section>
  );
}

export function Select<T extends string>({ label, value, options, text, onChange, problems = [] }: {
  label: string;
  value: T | '';
  options: readonly T[];
  text: (value: T) => string;
  onChange: (value: T) => void;
  problems?: readonly Problem[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)} aria-invalid={problems.length > 0 ? true : undefined}>
        {value === '' && <option value="">—</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
      <FieldProblems problems={problems} />
    </div>
  );
}

export function MethodsSection({ planId, content, gaps, onSaved }: { planId: string; content: Content['methodsAndDuration']; gaps: readonly Problem[]; onSaved: () => void }) {
  const { m } = useI18n();
  const p = m.plans;
  const [description, setDescription] = useState(content.description ?? '');
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  return (
    <Section id="section-methods" title={p.sections.methods} gaps={problemsAt(gaps, 'methodsAndDuration')}>
      <TextField label={p.methodsDescription} value={description} onChange={(v) => (setDescription(v), setDirty(true))} multiline problems={problemsUnder(save.problems, 'methodsAndDuration')} />
      <p className="hint">
        {p.methodsUsed}: {content.methodsUsed.map((method) => p.vocab.method[method]).join(', ') || m.app.none}
      </p>
      <SaveBar
        working={save.working}
        dirty={dirty}
        status={save.status}
        onSave={() => save.run(() => savePlan({ planId, methodsAndDuration: { description: description.trim() || null } })).then((ok) => ok && (setDirty(false), onSaved()))}
      />
    </Section>
  );
}

export function BudgetSection({ planId, content, gaps, onSaved }: { planId: string; content: Content['budget']; gaps: readonly Problem[]; onSaved: () => void }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [description, setDescription] = useState(content.description ?? '');
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  return (
    <Section id="section-budget" title={p.sections.budget} gaps={problemsAt(gaps, 'budget')}>
      <TextField label={p.budgetDescription} value={description} onChange={(v) => (setDescription(v), setDirty(true))} multiline problems={problemsUnder(save.problems, 'budget')} />
      <TableScroll label={p.budgetByYear}>
        <table className="table" data-testid="plan-budget">
          <caption>{p.budgetByYear}</caption>
          <thead>
            <tr>
              <th scope="col">{p.budgetYear}</th>
              <th scope="col">{p.budgetCourses}</th>
              <th scope="col">{p.budgetParticipants}</th>
              <th scope="col">{p.budgetAmount}</th>
            </tr>
          </thead>
          <tbody>
            {content.byFiscalYear.map((year) => (
              <tr key={year.fiscalYear}>
                <th scope="row">{f.year(year.fiscalYear)}</th>
                <td className="num">{f.integer(year.courseCount)}</td>
                <td className="num">{f.integer(year.plannedParticipants)}</td>
                <td className="num">{f.integer(year.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{p.budgetTotal}</th>
              <td />
              <td />
              <td className="num">{f.integer(content.total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <SaveBar
        working={save.working}
        dirty={dirty}
        status={save.status}
        onSave={() => save.run(() => savePlan({ planId, budget: { description: description.trim() || null } })).then((ok) => ok && (setDirty(false), onSaved()))}
      />
    </Section>
  );
}

export function MonitoringSection({ planId, content, gaps, onSaved }: { planId: string; content: Content['monitoring']; gaps: readonly Problem[]; onSaved: () => void }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [description, setDescription] = useState(content.description ?? '');
  const [checkpoints, setCheckpoints] = useState(() =>
    content.checkpoints.map((c) => ({ phase: c.phase, description: c.description, months: [...c.months], responsible: c.responsible ?? '' })),
  );
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  const change = (update: (all: typeof checkpoints) => typeof checkpoints) => (setCheckpoints((old) => update(structuredClone(old))), setDirty(true));
  return (
    <Section id="section-monitoring" title={p.sections.monitoring} gaps={problemsUnder(gaps, 'monitoring')}>
      <TextField label={p.description} value={description} onChange={(v) => (setDescription(v), setDirty(true))} multiline problems={problemsAt(save.problems, 'monitoring', 'description')} />
      <h3>{p.checkpoints}</h3>
      {checkpoints.map((checkpoint, i) => (
        <fieldset key={i} className="subsection">
          <legend>
            {p.checkpointDescription} {f.integer(i + 1)}
          </legend>
          <div className="form-row">
            <Select label={`${p.phase} ${i + 1}`} value={checkpoint.phase} options={PHASES} text={(v) => p.vocab.phase[v]} onChange={(v) => change((all) => ((all[i].phase = v), all))} />
            <TextField label={p.responsible} value={checkpoint.responsible} onChange={(v) => change((all) => ((all[i].responsible = v), all))} />
          </div>
          <TextField
            label={p.checkpointDescription}
            value={checkpoint.description}
            onChange={(v) => change((all) => ((all[i].description = v), all))}
            problems={problemsUnder(save.problems, 'monitoring', 'checkpoints', String(i))}
          />
          <CheckboxGroup className="checkbox-group months" legend={p.months} options={MONTHS} chosen={checkpoint.months} label={(month) => p.vocab.month[month - 1]} onChange={(v) => change((all) => ((all[i].months = v), all))} />
          <button type="button" className="button button-quiet" onClick={() => change((all) => (all.splice(i, 1), all))}>
            {p.remove} {p.checkpointDescription} {f.integer(i + 1)}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={() => change((all) => [...all, { phase: 'CHECK', description: '', months: [], responsible: '' }])}>
          {p.addCheckpoint}
        </button>
      </div>
      <SaveBar
        working={save.working}
        dirty={dirty}
        status={save.status}
        onSave={() =>
          save
            .run(() =>
              savePlan({
                planId,
                monitoring: {
                  description: description.trim() || null,
                  checkpoints: checkpoints.map((c) => ({ phase: c.phase, description: c.description.trim(), months: [...c.months].sort((a, b) => a - b), responsible: c.responsible.trim() || null })),
                },
              }),
            )
            .then((ok) => ok && (setDirty(false), onSaved()))
        }
      />
    </Section>
  );
}

export function CommitteeSection({ planId, content, gaps, onSaved }: { planId: string; content: Content['committee']; gaps: readonly Problem[]; onSaved: () => void }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const [order, setOrder] = useState(content.appointmentOrderNumber ?? '');
  const [date, setDate] = useState(content.appointmentDate ?? '');
  const [members, setMembers] = useState(() =>
    content.members.map((member) => ({ key: member.key as string | null, role: member.role, staffId: member.staffId ?? null, name: member.name ?? '', position: member.position ?? '' })),
  );
  const [dirty, setDirty] = useState(false);
  const save = useSave();
  const change = (update: (all: typeof members) => typeof members) => (setMembers((old) => update(structuredClone(old))), setDirty(true));
  return (
    <Section id="section-committee" title={p.sections.committee} gaps={problemsUnder(gaps, 'committee')}>
      <div className="form-row">
        <TextField label={p.orderNumber} value={order} onChange={(v) => (setOrder(v), setDirty(true))} problems={problemsAt(save.problems, 'committee', 'appointmentOrderNumber')} />
        <TextField label={p.orderDate} type="date" value={date} onChange={(v) => (setDate(v), setDirty(true))} problems={problemsAt(save.problems, 'committee', 'appointmentDate')} />
      </div>
      <TableScroll label={p.sections.committee}>
        <table className="table" data-testid="committee-members">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{p.role}</th>
              <th scope="col">{p.memberName}</th>
              <th scope="col">{p.memberPosition}</th>
              <th scope="col">
                <span className="visually-hidden">{p.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member, i) => (
              <tr key={i}>
                <td>{f.integer(i + 1)}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`member-role-${i}`}>
                    {p.role} {i + 1}
                  </label>
                  <select id={`member-role-${i}`} value={member.role} onChange={(event) => change((all) => ((all[i].role = event.target.value as CommitteeRole), all))}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {p.vocab.committeeRole[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`member-name-${i}`}>
                    {p.memberName} {i + 1}
                  </label>
                  <input id={`member-name-${i}`} type="text" value={member.name} onChange={(event) => change((all) => ((all[i].name = event.target.value), (all[i].staffId = null), all))} />
                  <FieldProblems problems={problemsUnder(save.problems, 'committee', 'members', String(i))} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`member-position-${i}`}>
                    {p.memberPosition} {i + 1}
                  </label>
                  <input id={`member-position-${i}`} type="text" value={member.position} onChange={(event) => change((all) => ((all[i].position = event.target.value), all))} />
                </td>
                <td>
                  <button type="button" className="button button-quiet" onClick={() => change((all) => (all.splice(i, 1), all))}>
                    {p.remove}
                    <span className="visually-hidden"> {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <StaffPicker
        label={`${p.addMember}: ${p.pickStaff}`}
        onPick={(staff) => change((all) => [...all, { key: null, role: 'MEMBER', staffId: staff.id, name: staff.name, position: staff.position ?? '' }])}
      />
      <div className="actions">
        <button type="button" className="button" onClick={() => change((all) => [...all, { key: null, role: 'MEMBER', staffId: null, name: '', position: '' }])}>
          {p.addMember}
        </button>
      </div>
      <SaveBar
        working={save.working}
        dirty={dirty}
        status={save.status}
        onSave={() =>
          save
            .run(() =>
              savePlan({
                planId,
                committee: {
                  appointmentOrderNumber: order.trim() || null,
                  appointmentDate: date || null,
                  members: members.map((member) => ({
                    key: member.key,
                    role: member.role,
                    staffId: member.staffId,
                    name: member.name.trim() || null,
                    position: member.position.trim() || null,
                  })),
                },
              }),
            )
            .then((ok) => ok && (setDirty(false), onSaved()))
        }
      />
    </Section>
  );
}
