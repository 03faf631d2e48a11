import { useId, useState } from 'react';
import { Link } from 'react-router';
import { download } from '../api/files';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import type { EmploymentStatus, StaffFilter, TargetGroup } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { StaffListQuery } from './queries';
import { nodes } from '../ui/connections';

const TARGET_GROUPS: TargetGroup[] = ['NEWLY_APPOINTED', 'EXPERIENCED', 'DIRECTOR_LEVEL', 'EXECUTIVE'];
const STATUSES: EmploymentStatus[] = ['ACTIVE', 'ON_LEAVE', 'SUSPENDED', 'TRANSFERRED_OUT', 'RETIRED', 'LEFT'];
const CURRENT = 'CURRENT';

export interface StaffFilterChoice {
  name: string;
  targetGroup: string;
  divisionId: string;
  status: string;
}

/** The GraphQL filter for the choices on screen ('' means any). */
export function staffFilterOf(choice: StaffFilterChoice): StaffFilter {
  const status: EmploymentStatus[] | null =
    choice.status === CURRENT ? ['ACTIVE', 'ON_LEAVE', 'SUSPENDED'] : choice.status ? [choice.status as EmploymentStatus] : null;
  return {
    nameSearch: choice.name.trim() || null,
    targetGroup: (choice.targetGroup || null) as TargetGroup | null,
    divisionId: choice.divisionId || null,
    status,
  };
}

export function StaffListPage() {
  const { m, f } = useI18n();
  const user = useUser();
  const [choice, setChoice] = useState<StaffFilterChoice>({ name: '', targetGroup: '', divisionId: '', status: CURRENT });
  const [cursors, setCursors] = useState<string[]>([]);
  const name = useDebounced(choice.name);
  const filter = staffFilterOf({ ...choice, name });
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const list = useAsync(() => runGraphQl(StaffListQuery, { filter, after }), [JSON.stringify(filter), after]);
  const ids = { name: useId(), group: useId(), division: useId(), status: useId() };
  const change = (patch: Partial<StaffFilterChoice>) => {
    setChoice((old) => ({ ...old, ...patch }));
    setCursors([]);
  };
  const targetGroups = m.enums.targetGroup as Record<string, string>;
  const statuses = m.enums.employmentStatus as Record<string, string>;
  const writer = hasRole(user, ...STAFF_WRITERS);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const template = (format: 'xlsx' | 'csv') =>
    download(`/api/staff/import/template?format=${format}`, `staff-roster-template.${format}`).catch(setTemplateError);

  return (
    <section>
      <div className="page-head">
        <PageTitle title={m.staff.title}>{m.staff.title}</PageTitle>
        {writer && (
          <div className="actions">
            <Link className="button button-primary" to="/staff/import">
              {m.staff.import}
            </Link>
            <Link className="button" to="/learning-records/import">
              {m.learningRecords.openFromStaff}
            </Link>
            <button type="button" className="button" onClick={() => template('xlsx')}>
              {m.staff.templateXlsx}
            </button>
            <button type="button" className="button" onClick={() => template('csv')}>
              {m.staff.templateCsv}
            </button>
          </div>
        )}
      </div>
      {templateError != null && <ErrorNotice error={templateError} />}
      <form className="filters" role="search" aria-label={m.staff.filters} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.name}>{m.staff.nameSearch}</label>
          <input id={ids.name} type="search" value={choice.name} onChange={(e) => change({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.group}>{m.staff.targetGroup}</label>
          <select id={ids.group} value={choice.targetGroup} onChange={(e) => change({ targetGroup: e.target.value })}>
            <option value="">{m.app.all}</option>
            {TARGET_GROUPS.map((g) => (
              <option key={g} value={g}>{targetGroups[g]}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.division}>{m.staff.division}</label>
          <select id={ids.division} value={choice.divisionId} onChange={(e) => change({ divisionId: e.target.value })}>
            <option value="">{m.app.all}</option>
            {list.data?.organisation?.divisions.map((d) => (
              <option key={d.id} value={d.id}>{d.nameTh}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{m.staff.status}</label>
          <select id={ids.status} value={choice.status} onChange={(e) => change({ status: e.target.value })}>
            <option value={CURRENT}>{m.staff.currentStaff}</option>
            <option value="">{m.app.all}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{statuses[s]}</option>
            ))}
          </select>
        </div>
      </form>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p role="status" className="muted">{m.staff.count(f.integer(list.data.staffMembers.totalCount))}</p>
          {nodes(list.data.staffMembers).length === 0 ? (
            <p>{m.staff.none}</p>
          ) : (
            <TableScroll label={m.staff.title}>
              <table data-testid="staff-table">
                <thead>
                  <tr>
                    <th scope="col">{m.staff.staffNumber}</th>
                    <th scope="col">{m.staff.name}</th>
                    <th scope="col">{m.staff.position}</th>
                    <th scope="col">{m.staff.division}</th>
                    <th scope="col">{m.staff.targetGroup}</th>
                    <th scope="col">{m.staff.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {nodes(list.data.staffMembers).map((node) => (
                    <tr key={node.id}>
                      <td>{node.staffNumber}</td>
                      <th scope="row">
                        <Link to={`/staff/person?id=${encodeURIComponent(node.id)}`}>{node.fullNameTh}</Link>
                      </th>
                      <td>{node.positionTitle}</td>
                      <td>{node.division?.nameTh ?? m.app.none}</td>
                      <td>{node.targetGroup ? targetGroups[node.targetGroup] : m.app.none}</td>
                      <td>{statuses[node.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <div className="actions" style={{ marginTop: '0.75rem' }}>
            {cursors.length > 0 && (
              <button type="button" className="button" onClick={() => setCursors([])}>
                {m.app.firstPage}
              </button>
            )}
            {list.data.staffMembers.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button"
                onClick={() => setCursors((old) => [...old, list.data!.staffMembers.pageInfo.endCursor!])}
              >
                {m.app.nextPage}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
