import { useId, useState, type FormEvent } from 'react';
import { runGraphQl } from '../api/graphql';
import type { CompetencyKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, errorText, Loading, Notice, TableScroll } from '../ui/components';
import { nodes } from '../ui/connections';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { byField } from './fieldErrors';
import { AddLocalCompetency, CompetencyCatalogueQuery, RemoveLocalCompetency, UpdateCompetency } from './queries';

const KINDS: CompetencyKind[] = ['KNOWLEDGE', 'SKILL', 'CORE', 'MANAGERIAL', 'FUNCTIONAL', 'LOCAL'];

interface Item {
  code: string;
  kind: CompetencyKind;
  nameTh: string;
  nameEn?: string | null;
  description?: string | null;
  national: boolean;
  masterPlanReference?: string | null;
}

/** The catalogue, national and local items, by kind and search; TENANT_ADMIN adds, edits and removes local items. */
export function Catalogue({ editable }: { editable: boolean }) {
  const { m, f } = useI18n();
  const c = m.competencies;
  const [kind, setKind] = useState<CompetencyKind | ''>('');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [more, setMore] = useState<{ items: Item[]; after: string | null }>({ items: [], after: null });
  const [editing, setEditing] = useState<Item | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const kindId = useId();
  const searchId = useId();
  const list = useAsync(async () => {
    setMore({ items: [], after: null });
    return runGraphQl(CompetencyCatalogueQuery, { kind: kind || null, search: search || null });
  }, [kind, search]);

  const loadMore = async (after: string) => {
    try {
      const next = await runGraphQl(CompetencyCatalogueQuery, { kind: kind || null, search: search || null, after });
      setMore((old) => ({
        items: [...old.items, ...nodes(next.competencies)],
        after: next.competencies.pageInfo.hasNextPage ? (next.competencies.pageInfo.endCursor ?? null) : null,
      }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const remove = async (item: Item) => {
    if (!window.confirm(c.confirmRemove(item.code, item.nameTh))) return;
    setDone(null);
    setProblem(null);
    try {
      const { removeLocalCompetency } = await runGraphQl(RemoveLocalCompetency, { code: item.code });
      if (removeLocalCompetency.userErrors.length > 0) {
        setProblem(removeLocalCompetency.userErrors.map((e) => e.message).join('; '));
      } else {
        setDone(c.removed(item.code));
        list.reload();
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const first = list.data?.competencies;
  const items = first ? [...nodes(first), ...more.items] : [];
  const nextCursor = more.items.length > 0 ? more.after : first?.pageInfo.hasNextPage ? (first.pageInfo.endCursor ?? null) : null;

  return (
    <>
      {editable ? (
        <CompetencyForm
          key={editing?.code ?? 'new'}
          editing={editing}
          onSaved={(message) => {
            setEditing(null);
            setProblem(null);
            setDone(message);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p className="hint">{c.readOnlyNote}</p>
      )}
      {done && <Notice kind="success">{done}</Notice>}
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={kindId}>{c.kindFilter}</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as CompetencyKind | '')}>
            <option value="">{m.app.all}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>{c.kind[k]}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId}>{c.search}</label>
          <input id={searchId} type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {first && (
        <>
          <p className="muted" role="status">{c.count(f.integer(first.totalCount))}</p>
          {items.length === 0 ? (
            <p>{c.none}</p>
          ) : (
            <TableScroll label={c.tabs.catalogue}>
              <table className="competency-catalogue">
                <thead>
                  <tr>
                    <th scope="col">{c.code}</th>
                    <th scope="col">{c.nameTh}</th>
                    <th scope="col">{c.kindFilter}</th>
                    <th scope="col">{c.origin}</th>
                    {editable && <th scope="col">{c.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.code}>
                      <td>{item.code}</td>
                      <th scope="row">
                        {item.nameTh}
                        {item.nameEn && <span className="hint competency-en" lang="en">{item.nameEn}</span>}
                        {item.description && <span className="hint competency-en">{item.description}</span>}
                      </th>
                      <td>{c.kind[item.kind]}</td>
                      <td>
                        {item.national ? (
                          <Badge tone="neutral">{item.masterPlanReference ? `${c.national} ${item.masterPlanReference}` : c.national}</Badge>
                        ) : (
                          <Badge tone="good">{c.local}</Badge>
                        )}
                      </td>
                      {editable && (
                        <td>
                          {!item.national && (
                            <span className="competency-row-actions">
                              <button type="button" className="button" onClick={() => setEditing(item)} aria-label={`${c.edit} ${item.code}`}>
                                {c.edit}
                              </button>
                              <button type="button" className="button button-danger" onClick={() => remove(item)} aria-label={`${c.remove} ${item.code}`}>
                                {c.remove}
                              </button>
                            </span>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {nextCursor && (
            <button type="button" className="button" onClick={() => loadMore(nextCursor)}>
              {c.more}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** addLocalCompetency, or updateCompetency of the item being edited, with userErrors beside their fields. */
function CompetencyForm({ editing, onSaved, onCancel }: { editing: Item | null; onSaved: (message: string) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const c = m.competencies;
  const [values, setValues] = useState({
    code: editing?.code ?? '',
    nameTh: editing?.nameTh ?? '',
    nameEn: editing?.nameEn ?? '',
    description: editing?.description ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { code: useId(), nameTh: useId(), nameEn: useId(), description: useId() };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((old) => ({ ...old, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      let userErrors: ReadonlyArray<{ field: string[]; message: string }>;
      let saved: { code: string; nameTh: string } | null | undefined;
      if (editing) {
        const { updateCompetency } = await runGraphQl(UpdateCompetency, {
          input: { code: editing.code, nameTh: values.nameTh.trim(), nameEn: values.nameEn.trim(), description: values.description.trim() },
        });
        ({ userErrors, competency: saved } = updateCompetency);
      } else {
        const { addLocalCompetency } = await runGraphQl(AddLocalCompetency, {
          input: {
            code: values.code.trim() || null,
            nameTh: values.nameTh.trim(),
            nameEn: values.nameEn.trim() || null,
            description: values.description.trim() || null,
          },
        });
        ({ userErrors, competency: saved } = addLocalCompetency);
      }
      const fields = byField(userErrors);
      setErrors(fields);
      const elsewhere = Object.entries(fields).filter(([field]) => !(field in values) || (editing && field === 'code'));
      if (elsewhere.length > 0) setProblem(elsewhere.map(([, message]) => message).join('; '));
      if (saved && userErrors.length === 0) {
        onSaved(editing ? c.updated(saved.code) : c.added(saved.code, saved.nameTh));
        if (!editing) setValues({ code: '', nameTh: '', nameEn: '', description: '' });
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const field = (name: keyof typeof values, label: string, options: { required?: boolean; hint?: string; long?: boolean } = {}) => {
    const describedBy = [errors[name] ? `${ids[name]}-error` : null, options.hint ? `${ids[name]}-hint` : null].filter(Boolean).join(' ');
    const common = {
      id: ids[name],
      value: values[name],
      onChange: set(name),
      required: options.required,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
    return (
      <div className="field">
        <label htmlFor={ids[name]}>{label}</label>
        {options.long ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
        {options.hint && <span id={`${ids[name]}-hint`} className="hint">{options.hint}</span>}
        {errors[name] && <span id={`${ids[name]}-error`} className="field-error">{errors[name]}</span>}
      </div>
    );
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={editing ? c.editTitle(editing.code) : c.addTitle}>
      <h3 className="panel-title">{editing ? c.editTitle(editing.code) : c.addTitle}</h3>
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="form-row">
        {!editing && field('code', c.code, { hint: c.codeHint })}
        {field('nameTh', c.nameTh, { required: true })}
        {field('nameEn', c.nameEn)}
      </div>
      {field('description', c.description, { long: true })}
      <div className="competency-row-actions">
        <button type="submit" className="button button-primary" disabled={working}>
          {editing ? m.app.save : c.add}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onCancel}>
            {m.app.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
