import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, errorText, Loading, Notice, TableScroll, DateInBuddhistEra } from '../ui/components';
import { nodes } from '../ui/connections';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { byField } from './fieldErrors';
import { RecordAssessment, StaffCompetenciesQuery, StaffPickerQuery } from './queries';

/** Assessments per person: pick a staff member (?staff=id), see what is required of them, their gaps and history, record one. */
export function Assessments({ canRecord }: { canRecord: boolean }) {
  const { m, f } = useI18n();
  const c = m.competencies;
  const [params, setParams] = useSearchParams();
  const staffId = params.get('staff');
  const [name, setName] = useState('');
  const search = useDebounced(name.trim());
  const searchId = useId();
  const people = useAsync(() => runGraphQl(StaffPickerQuery, { search: search || null }), [search]);
  const pick = (id: string) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      next.set('staff', id);
      return next;
    });

  return (
    <>
      <h3>{c.pickStaff}</h3>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={searchId}>{c.staffSearch}</label>
          <input id={searchId} type="search" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
      </div>
      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {people.loading && !people.data && <Loading />}
      {people.data && (
        <>
          <p className="muted" role="status">{c.staffCount(f.integer(people.data.staffMembers.totalCount))}</p>
          <TableScroll label={c.pickStaff}>
            <table className="competency-people">
              <thead>
                <tr>
                  <th scope="col">{c.staffName}</th>
                  <th scope="col">{c.position}</th>
                  <th scope="col">{c.division}</th>
                  <th scope="col">{c.actions}</th>
                </tr>
              </thead>
              <tbody>
                {nodes(people.data.staffMembers).map((person) => (
                  <tr key={person.id} aria-current={person.id === staffId ? 'true' : undefined}>
                    <th scope="row">{person.fullNameTh}</th>
                    <td>{person.positionTitle}</td>
                    <td>{person.division?.nameTh ?? c.noDivision}</td>
                    <td>
                      {person.id === staffId ? (
                        <Badge tone="neutral">{c.showing}</Badge>
                      ) : (
                        <button type="button" className="button" onClick={() => pick(person.id)} aria-label={`${c.show}: ${person.fullNameTh}`}>
                          {c.show}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {staffId && <StaffCompetencies key={staffId} staffId={staffId} canRecord={canRecord} />}
    </>
  );
}

function StaffCompetencies({ staffId, canRecord }: { staffId: string; canRecord: boolean }) {
  const { m, f } = useI18n();
  const c = m.competencies;
  const data = useAsync(() => runGraphQl(StaffCompetenciesQuery, { staffId }), [staffId]);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = data.data !== undefined;
  useEffect(() => {
    // The person's section is below the list: bring it into view (and to screen readers) once it is there.
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const gaps = data.data.competencyGaps;
  const history = data.data.competencyAssessments;
  return (
    <section className="competency-person" aria-labelledby={`person-${staffId}`}>
      <h3 id={`person-${staffId}`} ref={heading} tabIndex={-1}>{c.requiredOf(gaps.staff.fullNameTh)}</h3>
      <p className="muted">
        {c.asOf(f.date(gaps.asOf))}
        {gaps.positionType ? ` · ${m.enums.positionType[gaps.positionType]}` : ''}
        {gaps.lineOfWork ? ` · ${gaps.lineOfWork}` : ''} · {c.totalGap(f.integer(gaps.totalGap))}
      </p>
      <TableScroll label={c.requiredOf(gaps.staff.fullNameTh)}>
        <table>
          <thead>
            <tr>
              <th scope="col">{c.competency}</th>
              <th scope="col" className="num">{c.requiredLevel}</th>
              <th scope="col" className="num">{c.assessedLevel}</th>
              <th scope="col">{c.assessedOn}</th>
              <th scope="col">{c.gap}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.required.map((row) => (
              <tr key={row.competency.code}>
                <th scope="row">{row.competency.code} {row.competency.nameTh}</th>
                <td className="num">{f.integer(row.requiredLevel)}</td>
                <td className="num">{row.assessed ? f.integer(row.assessedLevel) : c.neverAssessed}</td>
                <td>{row.assessedOn ? f.date(row.assessedOn) : m.app.none}</td>
                <td>{row.gap > 0 ? <Badge tone="bad">{`${c.gap} ${f.integer(row.gap)}`}</Badge> : <Badge tone="good">{c.met}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {done && <Notice kind="success">{done}</Notice>}
      {canRecord && (
        <RecordForm
          staffId={staffId}
          choices={gaps.required.map((row) => row.competency)}
          onRecorded={() => {
            setDone(c.recorded);
            data.reload();
          }}
        />
      )}
      <h4>{c.history}</h4>
      {history.length === 0 ? (
        <p>{c.noAssessments}</p>
      ) : (
        <TableScroll label={c.history}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.assessedOn}</th>
                <th scope="col">{c.competency}</th>
                <th scope="col" className="num">{c.assessedLevel}</th>
                <th scope="col">{c.assessor}</th>
                <th scope="col">{c.note}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((a) => (
                <tr key={a.id}>
                  <td>{f.date(a.assessedOn)}</td>
                  <th scope="row">{a.competency.code} {a.competency.nameTh}</th>
                  <td className="num">{f.integer(a.level)}</td>
                  <td>{a.assessor}</td>
                  <td>{a.note ?? m.app.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function todayInBangkok(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
}

function RecordForm({ staffId, choices, onRecorded }: { staffId: string; choices: Array<{ code: string; nameTh: string }>; onRecorded: () => void }) {
  const { m } = useI18n();
  const c = m.competencies;
  const [values, setValues] = useState({ competencyCode: '', level: '', assessedOn: todayInBangkok(), assessor: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { competencyCode: useId(), level: useId(), assessedOn: useId(), assessor: useId(), note: useId() };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const { recordAssessment } = await runGraphQl(RecordAssessment, {
        input: {
          staffId,
          competencyCode: values.competencyCode,
          level: Number(values.level),
          assessedOn: values.assessedOn || null,
          assessor: values.assessor.trim() || null,
          note: values.note.trim() || null,
        },
      });
      const fields = byField(recordAssessment.userErrors);
      setErrors(fields);
      const elsewhere = Object.entries(fields).filter(([field]) => !(field in values));
      if (elsewhere.length > 0) setProblem(elsewhere.map(([, message]) => message).join('; '));
      if (recordAssessment.assessment) {
        setValues((old) => ({ ...old, level: '', note: '' }));
        onRecorded();
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const error = (field: keyof typeof values) =>
    errors[field] ? <span id={`${ids[field]}-error`} className="field-error">{errors[field]}</span> : null;
  const aria = (field: keyof typeof values) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${ids[field]}-error` : undefined,
  });

  return (
    <form className="panel" onSubmit={submit} aria-label={c.recordTitle}>
      <h4 className="panel-title">{c.recordTitle}</h4>
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.competencyCode}>{c.competency}</label>
          <select id={ids.competencyCode} required value={values.competencyCode} onChange={set('competencyCode')} {...aria('competencyCode')}>
            <option value="">{c.chooseCompetency}</option>
            {choices.map((choice) => (
              <option key={choice.code} value={choice.code}>{choice.code} {choice.nameTh}</option>
            ))}
          </select>
          {error('competencyCode')}
        </div>
        <div className="field">
          <label htmlFor={ids.level}>{c.levelField}</label>
          <input id={ids.level} type="number" min={0} max={5} step={1} required value={values.level} onChange={set('level')} {...aria('level')} />
          {error('level')}
        </div>
        <div className="field">
          <label htmlFor={ids.assessedOn}>{c.assessedOn}</label>
          <input id={ids.assessedOn} type="date" value={values.assessedOn} onChange={set('assessedOn')} {...aria('assessedOn')} />
          <DateInBuddhistEra value={values.assessedOn} />
          {error('assessedOn')}
        </div>
        <div className="field">
          <label htmlFor={ids.assessor}>{c.assessor}</label>
          <input id={ids.assessor} type="text" value={values.assessor} onChange={set('assessor')} {...aria('assessor')} />
          {error('assessor')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.note}>{c.note}</label>
        <textarea id={ids.note} rows={2} value={values.note} onChange={set('note')} {...aria('note')} />
        {error('note')}
      </div>
      <button type="submit" className="button button-primary" disabled={working}>
        {c.record}
      </button>
    </form>
  );
}
