import { useId, useState } from 'react';
import { runGraphQl } from '../api/graphql';
import type { AuditTrailQuery as Result } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, errorText, Loading, Notice, PageTitle, TableScroll, DateInBuddhistEra } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { actionLabel } from './messages';
import { AuditFilterChoicesQuery, AuditTrailQuery } from './queries';

const PAGE = 50;

type AuditEvent = Result['auditTrail'][number];

export interface AuditFilter {
  action: string;
  actor: string;
  from: string;
  to: string;
}

const NO_FILTER: AuditFilter = { action: '', actor: '', from: '', to: '' };

/** The filter as the query's variables: empty parts left out. */
export function auditVariables(filter: AuditFilter, before: string | null) {
  return {
    first: PAGE,
    before,
    action: filter.action || null,
    actor: filter.actor || null,
    from: filter.from || null,
    to: filter.to || null,
  };
}

/** /admin/audit: the organisation's audit trail, newest first, filtered by action, user and days on the server, 50 at a time. */
export function AuditPage() {
  const { m, f } = useI18n();
  const a = m.audit;
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [more, setMore] = useState<{ events: AuditEvent[]; done: boolean }>({ events: [], done: false });
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const ids = { action: useId(), actor: useId(), from: useId(), to: useId() };
  const badRange = filter.from !== '' && filter.to !== '' && filter.from > filter.to;

  const choices = useAsync(() => runGraphQl(AuditFilterChoicesQuery), []);
  const trail = useAsync(async () => {
    setMore({ events: [], done: false });
    setMoreProblem(null);
    if (badRange) return { auditTrail: [] as AuditEvent[] };
    return runGraphQl(AuditTrailQuery, auditVariables(filter, null));
  }, [filter.action, filter.actor, filter.from, filter.to]);

  const first = trail.data?.auditTrail ?? [];
  const events = [...first, ...more.events];
  const exhausted = first.length < PAGE || more.done;

  const loadMore = async () => {
    const last = events[events.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const next = await runGraphQl(AuditTrailQuery, auditVariables(filter, last.at));
      setMore((old) => ({ events: [...old.events, ...next.auditTrail], done: next.auditTrail.length < PAGE }));
    } catch (error) {
      setMoreProblem(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const set = (field: keyof AuditFilter) => (event: { target: { value: string } }) =>
    setFilter((old) => ({ ...old, [field]: event.target.value }));
  const actions = choices.data?.auditActions ?? [];
  const users = choices.data?.users ?? [];

  return (
    <>
      <PageTitle title={a.title}>{a.title}</PageTitle>
      <p className="muted">{a.intro}</p>
      {choices.error && <ErrorNotice error={choices.error} onRetry={choices.reload} />}
      <form className="filters audit-filters" role="search" aria-label={a.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.action}>{a.action}</label>
          <select id={ids.action} value={filter.action} onChange={set('action')}>
            <option value="">{m.app.all}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(a.actions, action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.actor}>{a.user}</label>
          <select id={ids.actor} value={filter.actor} onChange={set('actor')}>
            <option value="">{m.app.all}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{a.from}</label>
          <input id={ids.from} type="date" value={filter.from} max={filter.to || undefined} onChange={set('from')}
            aria-invalid={badRange || undefined} aria-describedby={badRange ? `${ids.from}-error` : undefined} />
          <DateInBuddhistEra value={filter.from} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{a.to}</label>
          <input id={ids.to} type="date" value={filter.to} min={filter.from || undefined} onChange={set('to')}
            aria-invalid={badRange || undefined} aria-describedby={badRange ? `${ids.from}-error` : undefined} />
          <DateInBuddhistEra value={filter.to} />
        </div>
        <button type="button" className="button" onClick={() => setFilter(NO_FILTER)} disabled={filter === NO_FILTER}>
          {a.clear}
        </button>
      </form>
      {badRange && (
        <p id={`${ids.from}-error`} className="field-error" role="alert">
          {a.badRange}
        </p>
      )}
      {trail.error && <ErrorNotice error={trail.error} onRetry={trail.reload} />}
      {trail.loading && <Loading />}
      {trail.data && !trail.loading && (
        <>
          <p className="muted" role="status">
            {events.length === 0 ? a.none : a.shown(f.integer(events.length))}
          </p>
          {events.length > 0 && (
            <TableScroll label={a.table}>
              <table className="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{a.at}</th>
                    <th scope="col">{a.who}</th>
                    <th scope="col">{a.action}</th>
                    <th scope="col">{a.target}</th>
                    <th scope="col">{a.details}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <tr key={event.id}>
                      <td className="audit-time">
                        <time dateTime={event.at}>{f.dateTime(event.at)}</time>
                      </td>
                      <td>{event.actor === 'system' ? a.system : event.actorName}</td>
                      <th scope="row">
                        {actionLabel(a.actions, event.action)}
                        {actionLabel(a.actions, event.action) !== event.action && (
                          <code className="hint audit-raw" lang="en">{event.action}</code>
                        )}
                      </th>
                      <td className="audit-target">{event.target}</td>
                      <td>
                        {event.details.length > 0 && (
                          <dl className="audit-details">
                            {event.details.map((detail) => (
                              <div key={detail.name}>
                                <dt>{detail.name}</dt>
                                <dd>{detail.value}</dd>
                              </div>
                            ))}
                          </dl>
                        )}
                        {event.origin && <span className="hint">{a.origin(event.origin)}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {moreProblem && <Notice kind="error">{m.app.errorMessage(moreProblem)}</Notice>}
          {events.length > 0 &&
            (exhausted ? (
              <p className="muted">{a.end}</p>
            ) : (
              <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
                {a.more}
              </button>
            ))}
        </>
      )}
    </>
  );
}
