import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Notice, PageTitle, TableScroll } from '../ui/components';
import { presets, sendList, verbName, type ImportAnswer, type ImportSource, type Presets } from './importApi';

const SOURCES: ImportSource[] = ['DLA_ELEARNING', 'OCSC_LEARNING_PORTAL', 'ATTENDANCE_SHEET'];

/**
 * Completion lists into the LRS (POST /api/learning-records/import): choose the source, check the
 * file (a preview: counts, and every refused row in Thai), then confirm to write the statements.
 */
export function LearningImportPage() {
  const { m, f } = useI18n();
  const t = m.learningRecords;
  const ids = { source: useId(), file: useId(), course: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<ImportSource>('DLA_ELEARNING');
  const [course, setCourse] = useState('');
  const [known, setKnown] = useState<Presets | null>(null);
  const [working, setWorking] = useState<'preview' | 'confirm' | null>(null);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [written, setWritten] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileMissing, setFileMissing] = useState(false);

  useEffect(() => {
    presets().then(setKnown, () => setKnown(null));
  }, []);

  const send = async (mode: 'preview' | 'confirm') => {
    const file = fileInput.current?.files?.[0];
    setFileMissing(!file);
    if (!file) {
      return;
    }
    setWorking(mode);
    setError(null);
    setWritten(null);
    try {
      const answer = await sendList(file, source, course, mode);
      if (mode === 'confirm' && !answer.refused) {
        setWritten(answer);
        setPreview(null);
      } else {
        setPreview(answer);
      }
    } catch (e) {
      setError(e);
    } finally {
      setWorking(null);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void send('preview');
  };

  const columns = known?.sources.find((s) => s.source === source)?.columns ?? {};

  return (
    <section>
      <p>
        <Link to="/staff">← {t.back}</Link>
      </p>
      <PageTitle title={t.title}>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <form className="card form" onSubmit={check}>
        <div className="field">
          <label htmlFor={ids.source}>{t.source}</label>
          <select
            id={ids.source}
            value={source}
            onChange={(e) => {
              setSource(e.target.value as ImportSource);
              setPreview(null);
            }}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t.sources[s]}
              </option>
            ))}
          </select>
        </div>
        {Object.keys(columns).length > 0 && (
          <details>
            <summary>{t.expectedColumns}</summary>
            <ul data-testid="expected-columns">
              {Object.entries(columns).map(([field, headers]) => (
                <li key={field}>
                  {t.fields[field] ?? field}: {headers.map((h) => `“${h}”`).join(', ')}
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="field">
          <label htmlFor={ids.file}>{t.file}</label>
          <input
            id={ids.file}
            ref={fileInput}
            type="file"
            aria-invalid={fileMissing || undefined}
            aria-describedby={fileMissing ? `${ids.file}-error` : undefined}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => {
              setPreview(null);
              setWritten(null);
              setFileMissing(false);
            }}
          />
          {fileMissing && (
            <p id={`${ids.file}-error`} className="field-error" role="alert">
              {t.chooseFile}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.course}>{t.course}</label>
          <input id={ids.course} type="text" value={course} onChange={(e) => setCourse(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={working != null}>
          {working === 'preview' ? t.checking : t.check}
        </button>
      </form>
      {error != null && <ErrorNotice error={error} />}
      {written && (
        <div role="status" data-testid="import-written">
          <Notice kind="success">{t.written(f.integer(written.written), f.integer(written.alreadyImported))}</Notice>
          <p>
            <Link to="/dashboard">{t.toDashboard}</Link>
          </p>
        </div>
      )}
      {preview && <Preview answer={preview} working={working} onConfirm={() => void send('confirm')} />}
    </section>
  );
}

function Preview({ answer, working, onConfirm }: { answer: ImportAnswer; working: string | null; onConfirm: () => void }) {
  const { m, f } = useI18n();
  const t = m.learningRecords;
  return (
    <div data-testid="import-preview">
      <h2>{t.counts}</h2>
      <dl className="facts" data-testid="import-counts">
        <dt>{t.rows}</dt>
        <dd>{f.integer(answer.rows)}</dd>
        <dt>{t.toWrite}</dt>
        <dd>{f.integer(answer.toWrite)}</dd>
        <dt>{t.alreadyImported}</dt>
        <dd>{f.integer(answer.alreadyImported)}</dd>
        <dt>{t.duplicates}</dt>
        <dd>{f.integer(answer.duplicates)}</dd>
      </dl>
      {answer.refused ? (
        <>
          <Notice kind="error">{t.refused(f.integer(answer.problems.length))}</Notice>
          <TableScroll label={t.problems}>
            <table data-testid="import-problems">
              <caption>{t.problems}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t.row}</th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.problem}</th>
                </tr>
              </thead>
              <tbody>
                {answer.problems.map((p, i) => (
                  <tr key={i}>
                    <td className="num">{p.row > 0 ? f.integer(p.row) : '–'}</td>
                    <td>{p.column || t.wholeFile}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <>
          {answer.toWrite > 0 ? (
            <div role="status">
              <Notice kind="info">{t.ready(f.integer(answer.toWrite))}</Notice>
            </div>
          ) : (
            <div role="status">
              <Notice kind="info">{t.nothingNew}</Notice>
            </div>
          )}
          {answer.toWrite > 0 && (
            <button type="button" className="button button-primary" disabled={working != null} onClick={onConfirm}>
              {working === 'confirm' ? t.confirming : t.confirm(f.integer(answer.toWrite))}
            </button>
          )}
        </>
      )}
      {answer.records.length > 0 && (
        <>
          <h2>{t.records}</h2>
          <p className="muted">{t.recordsShown(f.integer(answer.records.length), f.integer(answer.rows))}</p>
          <TableScroll label={t.records}>
            <table data-testid="import-records">
              <thead>
                <tr>
                  <th scope="col" className="num">{t.row}</th>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.fields.course}</th>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.verb}</th>
                  <th scope="col" className="num">{t.hours}</th>
                  <th scope="col" className="num">{t.score}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {answer.records.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{f.integer(r.row)}</td>
                    <td>
                      {r.name} <span className="muted">({r.staffNumber})</span>
                    </td>
                    <td>{r.course}</td>
                    <td>{f.date(r.date)}</td>
                    <td>{t.verbs[verbName(r.verb)] ?? verbName(r.verb)}</td>
                    <td className="num">{r.hours == null ? '' : f.number(r.hours)}</td>
                    <td className="num">{r.score == null ? '' : f.number(r.score)}</td>
                    <td>{t.statuses[r.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
