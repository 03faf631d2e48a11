import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download } from '../api/files';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import type { IdpPlanFragment, IndividualPlanItemInput, IndividualPlanParty } from '../gql/graphql';
import { fiscalYearOf } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Badge, errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll, DateInBuddhistEra } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { errorsAt, iriLines, itemInput, type UserErrorLike } from './items';
import { AgreeIdpMutation, CreateIdpMutation, IdpPersonQuery, IdpSupervisorChoicesQuery, SetSupervisorMutation, UpdateIdpMutation } from './queries';

function todayInBangkok(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <span id={id} className="field-error" role="alert">
      {messages.join(' ')}
    </span>
  );
}

/** One person's individual development plan of a fiscal year: gaps, development chosen, progress, agreements, the PDF form. */
export function IdpPersonPage() {
  const { m, f } = useI18n();
  const t = m.idp;
  const user = useUser();
  const canWrite = hasRole(user, ...STAFF_WRITERS);
  const [params] = useSearchParams();
  const staffId = params.get('id') ?? '';
  const year = Number(params.get('year')) || fiscalYearOf(new Date());
  const result = useAsync(() => runGraphQl(IdpPersonQuery, { staffId, fiscalYear: year }), [staffId, year]);
  const [plan, setPlan] = useState<IdpPlanFragment | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [working, setWorking] = useState(false);
  useEffect(() => {
    setPlan(result.data?.individualPlans[0] ?? null);
  }, [result.data]);

  if (result.error) {
    return <ErrorNotice error={result.error} onRetry={result.reload} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const staff = result.data.staff;
  if (!staff) {
    return <ErrorNotice error={new Error(m.app.notFound)} />;
  }

  /** Runs a mutation returning a plan: shows its userErrors, or takes the new plan and says so. */
  const save = async (
    call: () => Promise<{ individualPlan?: IdpPlanFragment | null; userErrors: UserErrorLike[] }>,
    done: string,
  ): Promise<boolean> => {
    setWorking(true);
    setNotice(undefined);
    setFailure(undefined);
    try {
      const payload = await call();
      setErrors(payload.userErrors);
      if (payload.userErrors.length === 0 && payload.individualPlan) {
        setPlan(payload.individualPlan);
        setNotice(done);
        return true;
      }
      return false;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setWorking(false);
    }
  };

  const create = () =>
    save(async () => (await runGraphQl(CreateIdpMutation, { input: { staffId, fiscalYear: year } })).createIndividualPlan, t.saved);

  const replaceItems = (items: IndividualPlanItemInput[]) =>
    plan ? save(async () => (await runGraphQl(UpdateIdpMutation, { input: { id: plan.id, items } })).updateIndividualPlan, t.saved) : Promise.resolve(false);

  const agree = (party: IndividualPlanParty, agreedOn: string) =>
    plan
      ? save(
          async () => (await runGraphQl(AgreeIdpMutation, { input: { id: plan.id, party, agreedOn: agreedOn || null } })).agreeIndividualPlan,
          t.agreedNotice(t.party[party]),
        )
      : Promise.resolve(false);

  const courses = result.data.planInForce?.content.courses ?? [];
  const topErrors = errors.filter((error) => ['input.id', 'input.staffId', 'input.items', 'input.planDate'].includes(error.field.join('.')));

  return (
    <section className="idp-page">
      <p>
        <Link to={`/idp?${new URLSearchParams({ year: String(year) })}`}>← {t.back}</Link>
      </p>
      <div className="page-head">
        <div>
          <PageTitle title={t.personTitle(staff.fullNameTh)}>{t.personTitle(staff.fullNameTh)}</PageTitle>
          <p className="subtitle">
            {staff.positionTitle}
            {staff.level ? ` ${staff.level}` : ''} · {staff.division?.nameTh ?? m.app.none} · {t.yearTitle(f.year(year))}
          </p>
        </div>
        {plan && <PdfButton planId={plan.id} />}
      </div>
      {notice && <Notice kind="success">{notice}</Notice>}
      {failure !== undefined && <Notice kind="error">{m.app.errorMessage(errorText(failure))}</Notice>}
      {topErrors.map((error, index) => (
        <Notice key={index} kind="error">
          {error.message}
        </Notice>
      ))}
      <div className="two-columns">
        <div className="card">
          <dl className="facts">
            <dt>{m.staff.staffNumber}</dt>
            <dd>{staff.staffNumber}</dd>
            <dt>{t.supervisor}</dt>
            <dd data-testid="idp-supervisor">{staff.supervisor ? `${staff.supervisor.fullNameTh} (${staff.supervisor.positionTitle})` : t.noSupervisor}</dd>
            {plan && (
              <>
                <dt>{t.planDate}</dt>
                <dd>{f.date(plan.planDate)}</dd>
                <dt>{t.columns.status}</dt>
                <dd data-testid="idp-status" data-status={plan.status}>
                  {plan.status === 'AGREED' ? <Badge tone="good">{t.status.AGREED}</Badge> : <Badge tone="warn">{t.status.DRAFT}</Badge>}
                </dd>
              </>
            )}
          </dl>
          {!staff.supervisor && canWrite && <SupervisorForm staffId={staff.id} divisionId={staff.division?.id ?? null} onSaved={result.reload} />}
        </div>
        {plan && (
          <div className="card" data-testid="idp-progress">
            <h2>{t.progressTitle}</h2>
            <p className="tile-value">{f.percent(plan.progress.share)}</p>
            <p>{t.progressDetail(f.integer(plan.progress.done), f.integer(plan.progress.items), f.percent(plan.progress.share))}</p>
            {plan.progress.overdue > 0 && <p><Badge tone="bad">{t.overdueCount(f.integer(plan.progress.overdue))}</Badge></p>}
          </div>
        )}
      </div>

      {!plan && (
        <div className="card">
          <p>{t.noPlan}</p>
          {canWrite && (
            <button type="button" className="button primary" disabled={working} onClick={() => void create()}>
              {working ? t.creating : t.create}
            </button>
          )}
        </div>
      )}

      {plan && (
        <>
          <h2>{t.gapsTitle}</h2>
          {plan.gaps.length === 0 ? (
            <p>{t.gapsNone}</p>
          ) : (
            <TableScroll label={t.gapsTitle}>
              <table data-testid="idp-gaps">
                <thead>
                  <tr>
                    <th scope="col">{t.gapColumns.code}</th>
                    <th scope="col">{t.gapColumns.name}</th>
                    <th scope="col">{t.gapColumns.required}</th>
                    <th scope="col">{t.gapColumns.assessed}</th>
                    <th scope="col">{t.gapColumns.gap}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.gaps.map((gap) => (
                    <tr key={gap.competencyCode}>
                      <td>{gap.competencyCode}</td>
                      <th scope="row">{gap.nameTh}</th>
                      <td>{f.integer(gap.requiredLevel)}</td>
                      <td>{gap.assessed ? f.integer(gap.assessedLevel) : t.notAssessed}</td>
                      <td>{gap.gap > 0 ? <Badge tone="warn">{f.integer(gap.gap)}</Badge> : f.integer(0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}

          <h2>{t.itemsTitle}</h2>
          {plan.items.length === 0 ? (
            <p>{t.itemsNone}</p>
          ) : (
            <TableScroll label={t.itemsTitle}>
              <table data-testid="idp-items">
                <thead>
                  <tr>
                    <th scope="col">{t.itemColumns.development}</th>
                    <th scope="col">{t.itemColumns.kind}</th>
                    <th scope="col">{t.itemColumns.competency}</th>
                    <th scope="col">{t.itemColumns.target}</th>
                    <th scope="col">{t.itemColumns.result}</th>
                    {canWrite && <th scope="col"><span className="visually-hidden">{t.remove}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {plan.items.map((item, index) => (
                    <tr key={item.key} data-item={item.key} data-done={item.done}>
                      <th scope="row">
                        {item.titleTh}
                        {item.note && <span className="muted"> ({item.note})</span>}
                      </th>
                      <td>{t.kind[item.kind]}</td>
                      <td>{item.competencyCode ? `${item.competencyCode} ${plan.gaps.find((g) => g.competencyCode === item.competencyCode)?.nameTh ?? ''}` : m.app.none}</td>
                      <td>{item.targetDate ? f.date(item.targetDate) : m.app.none}</td>
                      <td>
                        {item.done ? <Badge tone="good">{t.done}</Badge> : item.overdue ? <Badge tone="bad">{t.overdue}</Badge> : <Badge tone="neutral">{t.notDone}</Badge>}
                      </td>
                      {canWrite && (
                        <td>
                          <button type="button" className="button" disabled={working} aria-label={t.removeItem(item.titleTh)}
                            onClick={() => void replaceItems(plan.items.filter((_, i) => i !== index).map(itemInput))}>
                            {t.remove}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}

          <h2>{t.agreementTitle}</h2>
          {plan.status === 'AGREED' && <p data-testid="idp-fully-agreed"><Badge tone="good">{t.fullyAgreed}</Badge></p>}
          <div className="two-columns">
            {(['STAFF_MEMBER', 'SUPERVISOR'] as const).map((party) => (
              <AgreementCard key={party} party={party} plan={plan} canWrite={canWrite} working={working} errors={errors}
                onAgree={(date) => agree(party, date)} />
            ))}
          </div>
          {canWrite && (
            <AddItemForm plan={plan} courses={courses} errors={errors} working={working} year={year}
              onAdd={(item) => replaceItems([...plan.items.map(itemInput), item])} />
          )}
        </>
      )}
    </section>
  );
}

function PdfButton({ planId }: { planId: string }) {
  const { m } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const get = async () => {
    setState({ kind: 'working' });
    try {
      setState({ kind: 'done', name: await download(`/api/exports/idp?${new URLSearchParams({ id: planId })}`, 'idp.pdf') });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };
  return (
    <div>
      <button type="button" className="button" data-idp-pdf disabled={state.kind === 'working'} onClick={() => void get()}>
        {m.idp.pdf}
      </button>
      <div role="status" className="muted">
        {state.kind === 'working' && m.idp.downloading}
        {state.kind === 'done' && m.idp.downloaded(state.name)}
      </div>
      {state.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(state.message)}</Notice>}
    </div>
  );
}

function AgreementCard({ party, plan, canWrite, working, errors, onAgree }: {
  party: IndividualPlanParty;
  plan: IdpPlanFragment;
  canWrite: boolean;
  working: boolean;
  errors: UserErrorLike[];
  onAgree: (agreedOn: string) => Promise<boolean>;
}) {
  const { m, f } = useI18n();
  const t = m.idp;
  const [date, setDate] = useState(todayInBangkok());
  const agreement = party === 'STAFF_MEMBER' ? plan.staffAgreement : plan.supervisorAgreement;
  const id = `agree-${party}`;
  // a refusal names `party` or `agreedOn`; show it on the card of the party being recorded
  const [mine, setMine] = useState(false);
  const partyErrors = mine ? [...errorsAt(errors, 'party'), ...errorsAt(errors, 'id')] : [];
  const dateErrors = mine ? errorsAt(errors, 'agreedOn') : [];
  return (
    <div className="card" data-party={party} data-agreed={agreement ? 'true' : 'false'}>
      <h3>{t.party[party]}</h3>
      {agreement ? (
        <>
          <p><Badge tone="good">{t.agreedOn(f.date(agreement.agreedOn))}</Badge></p>
          <p className="muted">{t.recordedBy(agreement.recordedBy, agreement.onPaper)}</p>
        </>
      ) : (
        <>
          <p><Badge tone="neutral">{t.notAgreed}</Badge></p>
          {canWrite && (
            <form
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                setMine(true);
                void onAgree(date);
              }}
            >
              <div className="field">
                <label htmlFor={`${id}-date`}>{t.agreedOnField(t.party[party])}</label>
                <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)}
                  aria-invalid={dateErrors.length > 0} aria-describedby={dateErrors.length > 0 ? `${id}-date-error` : undefined} />
                  <DateInBuddhistEra value={date} />
                <FieldErrors id={`${id}-date-error`} messages={dateErrors} />
              </div>
              <FieldErrors id={`${id}-error`} messages={partyErrors} />
              <button type="submit" className="button primary" disabled={working}>
                {t.agree(t.party[party])}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

function AddItemForm({ plan, courses, errors, working, year, onAdd }: {
  plan: IdpPlanFragment;
  courses: { key: string; titleTh: string }[];
  errors: UserErrorLike[];
  working: boolean;
  year: number;
  onAdd: (item: IndividualPlanItemInput) => Promise<boolean>;
}) {
  const { m } = useI18n();
  const t = m.idp;
  const [kind, setKind] = useState<'COURSE' | 'ACTIVITY'>(courses.length > 0 ? 'COURSE' : 'ACTIVITY');
  const [courseKey, setCourseKey] = useState('');
  const [title, setTitle] = useState('');
  const [iris, setIris] = useState('');
  const [competency, setCompetency] = useState('');
  const [target, setTarget] = useState(`${year - 543}-09-30`);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const index = plan.items.length;
  const at = (field: string, prefix = false) => (submitted ? errorsAt(errors, `items.${index}.${field}`, prefix) : []);
  const input = (id: string, field: string, prefix = false) => {
    const messages = at(field, prefix);
    return { id, 'aria-invalid': messages.length > 0, 'aria-describedby': messages.length > 0 ? `${id}-error` : undefined };
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const item: IndividualPlanItemInput =
      kind === 'COURSE'
        ? { courseKey, competencyCode: competency || null, targetDate: target || null, note: note || null }
        : { titleTh: title, activityIds: iriLines(iris), competencyCode: competency || null, targetDate: target || null, note: note || null };
    if (await onAdd(item)) {
      setCourseKey('');
      setTitle('');
      setIris('');
      setNote('');
      setSubmitted(false);
    }
  };
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="idp-add-item">
      <h3>{t.addTitle}</h3>
      {plan.status === 'AGREED' && <Notice kind="info">{t.changeWithdraws}</Notice>}
      <fieldset>
        <legend>{t.addKind}</legend>
        <label className="field-inline">
          <input type="radio" name="idp-kind" value="COURSE" checked={kind === 'COURSE'} disabled={courses.length === 0} onChange={() => setKind('COURSE')} />
          {t.addCourse}
        </label>
        <label className="field-inline">
          <input type="radio" name="idp-kind" value="ACTIVITY" checked={kind === 'ACTIVITY'} onChange={() => setKind('ACTIVITY')} />
          {t.addActivity}
        </label>
        {courses.length === 0 && <p className="muted">{t.noPlanInForce}</p>}
      </fieldset>
      {kind === 'COURSE' ? (
        <div className="field">
          <label htmlFor="idp-course">{t.course}</label>
          <select {...input('idp-course', 'courseKey')} value={courseKey} onChange={(event) => setCourseKey(event.target.value)}>
            <option value="">{t.chooseCourse}</option>
            {courses.map((course) => (
              <option key={course.key} value={course.key}>
                {course.titleTh}
              </option>
            ))}
          </select>
          <FieldErrors id="idp-course-error" messages={at('courseKey')} />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="idp-title">{t.activityTitle}</label>
            <input {...input('idp-title', 'titleTh')} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
            <FieldErrors id="idp-title-error" messages={at('titleTh')} />
          </div>
          <div className="field">
            <label htmlFor="idp-iris">{t.activityIri}</label>
            <textarea {...input('idp-iris', 'activityIds', true)} rows={2} value={iris} onChange={(event) => setIris(event.target.value)} />
            <p className="muted">{t.activityIriHint}</p>
            <FieldErrors id="idp-iris-error" messages={at('activityIds', true)} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="idp-competency">{t.competency}</label>
        <select {...input('idp-competency', 'competencyCode')} value={competency} onChange={(event) => setCompetency(event.target.value)}>
          <option value="">{t.noCompetency}</option>
          {plan.gaps.map((gap) => (
            <option key={gap.competencyCode} value={gap.competencyCode}>
              {gap.competencyCode} {gap.nameTh}
            </option>
          ))}
        </select>
        <FieldErrors id="idp-competency-error" messages={at('competencyCode')} />
      </div>
      <div className="field">
        <label htmlFor="idp-target">{t.targetDate}</label>
        <input {...input('idp-target', 'targetDate')} type="date" value={target} onChange={(event) => setTarget(event.target.value)} />
        <DateInBuddhistEra value={target} />
        <FieldErrors id="idp-target-error" messages={at('targetDate')} />
      </div>
      <div className="field">
        <label htmlFor="idp-note">{t.note}</label>
        <input {...input('idp-note', 'note')} type="text" value={note} onChange={(event) => setNote(event.target.value)} />
        <FieldErrors id="idp-note-error" messages={at('note')} />
      </div>
      <button type="submit" className="button primary" disabled={working}>
        {working ? t.saving : t.add}
      </button>
    </form>
  );
}

/** Sets the person's supervisor on the register (one of the staff of their division, or of the organisation). */
function SupervisorForm({ staffId, divisionId, onSaved }: { staffId: string; divisionId: string | null; onSaved: () => void }) {
  const { m } = useI18n();
  const t = m.idp;
  const choices = useAsync(() => runGraphQl(IdpSupervisorChoicesQuery, { divisionId }), [divisionId]);
  const [chosen, setChosen] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [working, setWorking] = useState(false);
  const people = (choices.data?.staffMembers.edges ?? []).flatMap((edge) => (edge?.node && edge.node.id !== staffId ? [edge.node] : []));
  const messages = errors.map((error) => error.message);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setFailure(undefined);
    try {
      const payload = (await runGraphQl(SetSupervisorMutation, { input: { id: staffId, supervisorId: chosen || null } })).updateStaff;
      setErrors(payload.userErrors);
      if (payload.userErrors.length === 0) {
        onSaved();
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="form" data-testid="idp-supervisor-form">
      <div className="field">
      <label htmlFor="idp-supervisor-choice">{t.chooseSupervisor}</label>
      <select id="idp-supervisor-choice" value={chosen} onChange={(event) => setChosen(event.target.value)}
        aria-invalid={messages.length > 0} aria-describedby={messages.length > 0 ? 'idp-supervisor-choice-error' : undefined}>
        <option value="">{m.app.none}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullNameTh} ({person.positionTitle})
          </option>
        ))}
      </select>
      <FieldErrors id="idp-supervisor-choice-error" messages={messages} />
      </div>
      {failure !== undefined && <Notice kind="error">{m.app.errorMessage(errorText(failure))}</Notice>}
      <button type="submit" className="button" disabled={working || !chosen}>
        {t.saveSupervisor}
      </button>
    </form>
  );
}
