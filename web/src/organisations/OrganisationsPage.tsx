import { useId, useState } from 'react';
import { Link } from 'react-router';
import { runGraphQl } from '../api/graphql';
import type { OrganisationKind, OrganisationStatus, OrganisationsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { CreateOrganisationForm, InviteAdministratorForm, RegisterImportForm } from './OrganisationForms';
import { OrganisationsQuery as OrganisationsDocument, ReinstateOrganisation, SuspendOrganisation } from './queries';
import { KindFilter } from '../ui/KindFilter';
import { nodes } from '../ui/connections';

type Organisation = NonNullable<NonNullable<OrganisationsQuery['organisations']['edges']>[number]>['node'];
type Panel = { kind: 'create' } | { kind: 'import' } | { kind: 'invite'; organisation: Organisation } | { kind: 'suspend'; organisation: Organisation } | null;

/** NATIONAL: the organisations (tenants), with search, filters, create, register import, invitations and suspension. */
export function OrganisationsPage() {
  const { m, f } = useI18n();
  const o = m.organisations;
  const [search, setSearch] = useState('');
  const [province, setProvince] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const settledSearch = useDebounced(search.trim());
  const settledProvince = useDebounced(province.trim());
  const filter = {
    search: settledSearch || null,
    province: settledProvince || null,
    kind: (kind || null) as OrganisationKind | null,
    status: (status || null) as OrganisationStatus | null,
  };
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const list = useAsync(() => runGraphQl(OrganisationsDocument, { filter, after }), [JSON.stringify(filter), after]);
  const ids = { search: useId(), province: useId(), status: useId() };
  const restart = () => setCursors([]);

  const changeStatus = async (organisation: Organisation, reason: string, suspend: boolean) => {
    try {
      const input = { id: organisation.id, reason: reason || null };
      const payload = suspend
        ? (await runGraphQl(SuspendOrganisation, { input })).suspendOrganisation
        : (await runGraphQl(ReinstateOrganisation, { input })).reinstateOrganisation;
      if (payload.userErrors.length > 0) {
        setMessage({ kind: 'error', text: payload.userErrors.map((e) => e.message).join('; ') });
      } else {
        setMessage({ kind: 'success', text: suspend ? o.suspended(organisation.nameTh) : o.reinstated(organisation.nameTh) });
        setPanel(null);
        list.reload();
      }
    } catch (error) {
      setMessage({ kind: 'error', text: m.app.errorMessage(errorText(error)) });
    }
  };

  return (
    <section>
      <div className="page-head">
        <PageTitle title={o.title}>{o.title}</PageTitle>
        <div className="actions">
          <button type="button" className="button button-primary" aria-expanded={panel?.kind === 'create'} onClick={() => setPanel(panel?.kind === 'create' ? null : { kind: 'create' })}>
            {o.create}
          </button>
          <button type="button" className="button" aria-expanded={panel?.kind === 'import'} onClick={() => setPanel(panel?.kind === 'import' ? null : { kind: 'import' })}>
            {o.importRegister}
          </button>
        </div>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {panel?.kind === 'create' && (
        <CreateOrganisationForm
          onCreated={(created) => {
            setMessage({ kind: 'success', text: o.created(created.nameTh) });
            setSearch(created.nameTh);
            restart();
            setPanel(null);
          }}
        />
      )}
      {panel?.kind === 'import' && <RegisterImportForm onImported={list.reload} />}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>{o.search}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => { setSearch(e.target.value); restart(); }} />
        </div>
        <div className="field">
          <label htmlFor={ids.province}>{o.province}</label>
          <input id={ids.province} type="text" value={province} onChange={(e) => { setProvince(e.target.value); restart(); }} />
        </div>
        <KindFilter value={kind} onChange={(next) => { setKind(next); restart(); }} />
        <div className="field">
          <label htmlFor={ids.status}>{o.status}</label>
          <select id={ids.status} value={status} onChange={(e) => { setStatus(e.target.value); restart(); }}>
            <option value="">{m.app.all}</option>
            <option value="ACTIVE">{m.enums.organisationStatus.ACTIVE}</option>
            <option value="SUSPENDED">{m.enums.organisationStatus.SUSPENDED}</option>
          </select>
        </div>
      </form>

      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p role="status" className="muted">{o.count(f.integer(list.data.organisations.totalCount))}</p>
          {nodes(list.data.organisations).length === 0 ? (
            <p>{o.none}</p>
          ) : (
            <TableScroll label={o.title}>
              <table data-testid="organisations">
                <thead>
                  <tr>
                    <th scope="col">{o.code}</th>
                    <th scope="col">{o.name}</th>
                    <th scope="col">{o.kind}</th>
                    <th scope="col">{o.province}</th>
                    <th scope="col">{o.district}</th>
                    <th scope="col">{o.status}</th>
                    <th scope="col">{o.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {nodes(list.data.organisations).map((node) => (
                    <OrganisationRow key={node.id} organisation={node} panel={panel} setPanel={setPanel} onStatus={changeStatus} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <div className="actions" style={{ marginTop: '0.75rem' }}>
            {cursors.length > 0 && (
              <button type="button" className="button" onClick={restart}>{m.app.firstPage}</button>
            )}
            {list.data.organisations.pageInfo.hasNextPage && (
              <button type="button" className="button" onClick={() => setCursors((old) => [...old, list.data!.organisations.pageInfo.endCursor!])}>
                {m.app.nextPage}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function OrganisationRow({
  organisation,
  panel,
  setPanel,
  onStatus,
}: {
  organisation: Organisation;
  panel: Panel;
  setPanel: (panel: Panel) => void;
  onStatus: (organisation: Organisation, reason: string, suspend: boolean) => void;
}) {
  const { m } = useI18n();
  const o = m.organisations;
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const inviting = panel?.kind === 'invite' && panel.organisation.id === organisation.id;
  const suspending = panel?.kind === 'suspend' && panel.organisation.id === organisation.id;
  const active = organisation.status === 'ACTIVE';
  return (
    <>
      <tr data-organisation={organisation.code}>
        <td>{organisation.code}</td>
        <th scope="row">{organisation.nameTh}</th>
        <td>{organisation.municipalClass ? m.enums.municipalClass[organisation.municipalClass] : m.enums.organisationKind[organisation.kind]}</td>
        <td>{organisation.province}</td>
        <td>{organisation.district}</td>
        <td>
          <Badge tone={active ? 'good' : 'bad'}>{m.enums.organisationStatus[organisation.status]}</Badge>
        </td>
        <td>
          <div className="actions">
            <button type="button" className="button" aria-expanded={inviting} onClick={() => setPanel(inviting ? null : { kind: 'invite', organisation })}>
              {o.invite}
            </button>
            {active ? (
              <button type="button" className="button button-danger" aria-expanded={suspending} onClick={() => setPanel(suspending ? null : { kind: 'suspend', organisation })}>
                {o.suspend}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => onStatus(organisation, '', false)}>
                {o.reinstate}
              </button>
            )}
            <Link to={`/oversight/${organisation.id}`}>{o.viewDashboard}</Link>
          </div>
        </td>
      </tr>
      {(inviting || suspending) && (
        <tr>
          <td colSpan={7}>
            {inviting && <InviteAdministratorForm organisation={organisation} />}
            {suspending && (
              <form
                className="panel"
                onSubmit={(event) => {
                  event.preventDefault();
                  onStatus(organisation, reason.trim(), true);
                }}
              >
                <p>{o.confirmSuspend(organisation.nameTh)}</p>
                <div className="field">
                  <label htmlFor={reasonId}>{o.reason}</label>
                  <input id={reasonId} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
                </div>
                <div className="actions">
                  <button type="submit" className="button button-danger">{o.suspend}</button>
                  <button type="button" className="button" onClick={() => setPanel(null)}>{m.app.cancel}</button>
                </div>
              </form>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
