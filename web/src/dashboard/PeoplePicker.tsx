import { useId, useState } from 'react';
import { Link } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { PeopleQuery } from './queries';
import { nodes } from '../ui/connections';

/** Current staff of the organisation, searchable by name and division, each a link to their progress. */
export function PeoplePicker({
  organisationId,
  divisions,
  division,
  onDivision,
  linkTo,
}: {
  organisationId: string;
  divisions: Array<{ id: string; nameTh: string }>;
  division: string | null;
  onDivision: (division: string | null) => void;
  linkTo: (staffId: string) => string;
}) {
  const { m, f } = useI18n();
  const [name, setName] = useState('');
  const nameId = useId();
  const divisionId = useId();
  const search = useDebounced(name.trim());
  const people = useAsync(
    () =>
      runGraphQl(PeopleQuery, {
        organisationId,
        filter: { nameSearch: search || null, divisionId: division, status: ['ACTIVE', 'ON_LEAVE', 'SUSPENDED'] },
      }),
    [organisationId, search, division],
  );
  return (
    <>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={nameId}>{m.staff.nameSearch}</label>
          <input id={nameId} type="search" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={divisionId}>{m.dashboard.division}</label>
          <select id={divisionId} value={division ?? ''} onChange={(event) => onDivision(event.target.value || null)}>
            <option value="">{m.app.all}</option>
            {divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.nameTh}
              </option>
            ))}
          </select>
        </div>
      </div>
      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {people.loading && !people.data && <Loading />}
      {people.data && (
        <>
          <p className="muted" role="status">{m.staff.count(f.integer(people.data.staffMembers.totalCount))}</p>
          <TableScroll label={m.dashboard.people}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.staff.name}</th>
                  <th scope="col">{m.staff.position}</th>
                  <th scope="col">{m.staff.division}</th>
                </tr>
              </thead>
              <tbody>
                {nodes(people.data.staffMembers).map((node) => (
                  <tr key={node.id}>
                    <th scope="row">
                      <Link to={linkTo(node.id)}>{node.fullNameTh}</Link>
                    </th>
                    <td>{node.positionTitle}</td>
                    <td>{node.division?.nameTh ?? m.app.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
