import { useId, useState } from 'react';
import { Link } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, useUser } from '../auth/session';
import type { OrganisationKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { OrganisationsQuery } from '../organisations/queries';
import { ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { KindFilter } from '../ui/KindFilter';
import { nodes } from '../ui/connections';

/** PROVINCIAL_COMMITTEE and NATIONAL: pick an organisation (by name, code, province) to see its progress read-only. */
export function OversightPage() {
  const { m, f } = useI18n();
  const user = useUser();
  const national = hasRole(user, 'NATIONAL');
  const [search, setSearch] = useState('');
  const [province, setProvince] = useState('');
  const [kind, setKind] = useState('');
  const settledSearch = useDebounced(search.trim());
  const settledProvince = useDebounced(province.trim());
  const filter = {
    search: settledSearch || null,
    province: national ? settledProvince || null : null,
    kind: national ? ((kind || null) as OrganisationKind | null) : null,
  };
  const list = useAsync(() => runGraphQl(OrganisationsQuery, { filter, after: null }), [JSON.stringify(filter)]);
  const ids = { search: useId(), province: useId() };
  return (
    <section>
      <PageTitle title={m.oversight.title}>{m.oversight.title}</PageTitle>
      <p>{m.oversight.intro}</p>
      {!national && user.committeeKind && user.province && (
        <p className="muted">{m.oversight.committeeScope(m.enums.organisationKind[user.committeeKind], user.province)}</p>
      )}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>{m.organisations.search}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {national && (
          <>
            <div className="field">
              <label htmlFor={ids.province}>{m.organisations.province}</label>
              <input id={ids.province} type="text" value={province} onChange={(e) => setProvince(e.target.value)} />
            </div>
            <KindFilter value={kind} onChange={setKind} />
          </>
        )}
      </form>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="muted" role="status">{m.organisations.count(f.integer(list.data.organisations.totalCount))}</p>
          <TableScroll label={m.oversight.title}>
            <table data-testid="oversight-organisations">
              <thead>
                <tr>
                  <th scope="col">{m.organisations.code}</th>
                  <th scope="col">{m.organisations.name}</th>
                  <th scope="col">{m.organisations.province}</th>
                  <th scope="col">{m.organisations.district}</th>
                  <th scope="col">{m.organisations.status}</th>
                </tr>
              </thead>
              <tbody>
                {nodes(list.data.organisations).map((node) => (
                  <tr key={node.id}>
                    <td>{node.code}</td>
                    <th scope="row">
                      <Link to={`/oversight/${node.id}`}>{node.nameTh}</Link>
                    </th>
                    <td>{node.province}</td>
                    <td>{node.district}</td>
                    <td>{m.enums.organisationStatus[node.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
