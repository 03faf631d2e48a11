import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { download, upload } from '../api/files';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice, PageTitle, TableScroll } from '../ui/components';
import { rowProblemText, type RowProblem } from './rowProblems';

type Outcome =
  | { kind: 'imported'; created: number; updated: number }
  | { kind: 'refused'; rows: RowProblem[] }
  | { kind: 'failed'; message: string };

/** Roster import by upload (POST /api/staff/import), with the refused file's problems row by row. */
export function RosterImportPage() {
  const { m, f } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: 'failed', message: m.rosterImport.chooseFile });
      return;
    }
    setWorking(true);
    setOutcome(null);
    try {
      const answer = await upload<{ created: number; updated: number }>('/api/staff/import', file);
      setOutcome({ kind: 'imported', ...answer });
    } catch (error) {
      const rows = error instanceof ApiError ? (error.body as { rows?: RowProblem[] } | null)?.rows : undefined;
      setOutcome(rows ? { kind: 'refused', rows } : { kind: 'failed', message: errorText(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <section>
      <p>
        <Link to="/staff">← {m.staffPage.back}</Link>
      </p>
      <PageTitle title={m.rosterImport.title}>{m.rosterImport.title}</PageTitle>
      <p>{m.rosterImport.intro}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => download('/api/staff/import/template?format=xlsx', 'staff-roster-template.xlsx')}>
          {m.staff.templateXlsx}
        </button>
        <button type="button" className="button" onClick={() => download('/api/staff/import/template?format=csv', 'staff-roster-template.csv')}>
          {m.staff.templateCsv}
        </button>
      </div>
      <form className="card form" onSubmit={submit} style={{ marginTop: '1rem' }}>
        <div className="field">
          <label htmlFor={fileId}>{m.rosterImport.file}</label>
          <input id={fileId} ref={fileInput} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <button type="submit" className="button button-primary" disabled={working}>
          {working ? m.rosterImport.working : m.rosterImport.submit}
        </button>
      </form>
      {outcome?.kind === 'imported' && (
        <Notice kind="success">{m.rosterImport.imported(f.integer(outcome.created), f.integer(outcome.updated))}</Notice>
      )}
      {outcome?.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(outcome.message)}</Notice>}
      {outcome?.kind === 'refused' && <RowProblems rows={outcome.rows} />}
    </section>
  );
}

export function RowProblems({ rows }: { rows: RowProblem[] }) {
  const { m, f } = useI18n();
  return (
    <>
      <Notice kind="error">{m.rosterImport.refused(f.integer(rows.length))}</Notice>
      <TableScroll label={m.rosterImport.problem}>
        <table data-testid="row-problems">
          <thead>
            <tr>
              <th scope="col" className="num">{m.rosterImport.row}</th>
              <th scope="col">{m.rosterImport.column}</th>
              <th scope="col">{m.rosterImport.problem}</th>
              <th scope="col">{m.rosterImport.detail}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((problem, index) => (
              <tr key={index}>
                <td className="num">{f.integer(problem.row)}</td>
                <td>{problem.column || m.rosterImport.wholeFile}</td>
                <th scope="row">{rowProblemText(problem, m)}</th>
                <td lang="en" className="muted">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
