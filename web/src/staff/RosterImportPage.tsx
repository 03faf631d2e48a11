import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { download } from '../api/files';
import { useI18n } from '../i18n/i18n';
import { Notice, PageTitle } from '../ui/components';
import { importFile, type ImportOutcome } from '../ui/importFile';
import { RowProblems } from './RowProblems';

/** Roster import by upload (POST /api/staff/import), with the refused file's problems row by row. */
export function RosterImportPage() {
  const { m, f } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: 'failed', message: m.rosterImport.chooseFile });
      return;
    }
    setWorking(true);
    setOutcome(null);
    setOutcome(await importFile('/api/staff/import', file));
    setWorking(false);
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
