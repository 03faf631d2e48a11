import { Link, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import { fiscalYearOf } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { StaffSelfService } from '../me/StaffSelfService';
import { kindOf } from './identities';
import { StaffPageQuery } from './queries';
import { SupervisorEditor } from './SupervisorEditor';

/** One staff member: the record and the xAPI identities their statements are matched by. */
export function StaffPage() {
  const { m, f } = useI18n();
  const canWrite = hasRole(useUser(), ...STAFF_WRITERS);
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const result = useAsync(() => runGraphQl(StaffPageQuery, { id }), [id]);
  if (result.error) {
    return <ErrorNotice error={result.error} onRetry={result.reload} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const staff = result.data.staff;
  if (!staff) {
    return <ErrorNotice error={new Error(m.app.notFound)} />;
  }
  const e = m.enums;
  const targetGroups = e.targetGroup as Record<string, string>;
  const plan = result.data.planInForce;
  const year = fiscalYearOf(new Date());
  return (
    <section>
      <p>
        <Link to="/staff">← {m.staffPage.back}</Link>
      </p>
      <div className="page-head">
        <div>
          <PageTitle title={staff.fullNameTh}>{staff.fullNameTh}</PageTitle>
          <p className="subtitle">
            {staff.positionTitle} · {staff.division?.nameTh ?? m.app.none}
          </p>
        </div>
        {plan && (
          <Link className="button" to={`/dashboard/person?${new URLSearchParams({ staff: staff.id, plan: plan.id, year: String(year) })}`}>
            {m.staffPage.progress}
          </Link>
        )}
        <Link className="button" to={`/staff/record?${new URLSearchParams({ id: staff.id })}`}>
          {m.me.recordLink}
        </Link>
      </div>
      <div className="two-columns">
        <div className="card">
          <dl className="facts">
            <dt>{m.staff.staffNumber}</dt>
            <dd>{staff.staffNumber}</dd>
            <dt>{m.staffPage.personnelType}</dt>
            <dd>{e.personnelType[staff.personnelType]}</dd>
            <dt>{m.staffPage.positionType}</dt>
            <dd>{staff.positionType ? e.positionType[staff.positionType] : m.app.none}</dd>
            <dt>{m.staffPage.lineOfWork}</dt>
            <dd>{staff.lineOfWork ? `${staff.lineOfWork.nameTh}${staff.lineOfWork.code ? ` (${staff.lineOfWork.code})` : ''}` : m.app.none}</dd>
            <dt>{m.staffPage.level}</dt>
            <dd>{staff.level ?? m.app.none}</dd>
            <dt>{m.staffPage.appointmentDate}</dt>
            <dd>{f.date(staff.appointmentDate)}</dd>
            <dt>{m.staffPage.probationEndDate}</dt>
            <dd>{staff.probationEndDate ? f.date(staff.probationEndDate) : m.app.none}</dd>
            <dt>{m.staff.status}</dt>
            <dd>{e.employmentStatus[staff.status]}</dd>
            <dt>{m.staffPage.targetGroups}</dt>
            <dd>{staff.targetGroups.length ? staff.targetGroups.map((g) => targetGroups[g]).join(', ') : m.app.none}</dd>
            <dt>{m.staffPage.citizenId}</dt>
            <dd>{staff.hasCitizenId ? m.staffPage.citizenIdOnFile : m.staffPage.citizenIdMissing}</dd>
            <dt>{m.staffPage.supervisor}</dt>
            <dd data-testid="staff-supervisor">
              {staff.supervisor ? (
                <>
                  <Link to={`/staff/person?${new URLSearchParams({ id: staff.supervisor.id })}`}>{staff.supervisor.fullNameTh}</Link>
                  {staff.supervisor.positionTitle ? ` (${staff.supervisor.positionTitle})` : ''}
                </>
              ) : (
                m.staffPage.noSupervisor
              )}
            </dd>
          </dl>
          {canWrite && <SupervisorEditor staffId={staff.id} hasSupervisor={staff.supervisor != null} onSaved={result.reload} />}
        </div>
        <div className="card">
          <h2>{m.staffPage.identities}</h2>
          <p className="muted">{m.staffPage.identitiesIntro}</p>
          {staff.xapiIdentities.length === 0 ? (
            <p>{m.staffPage.noIdentities}</p>
          ) : (
            <TableScroll label={m.staffPage.identities}>
              <table data-testid="identities">
                <thead>
                  <tr>
                    <th scope="col">{m.staffPage.kind}</th>
                    <th scope="col">{m.staffPage.value}</th>
                  </tr>
                </thead>
                <tbody>
                  {staff.xapiIdentities.map((identity, index) => {
                    const kind = kindOf(identity);
                    return (
                      <tr key={index}>
                        <th scope="row">{m.staffPage[kind]}</th>
                        <td>
                          {kind === 'mbox' && identity.mbox}
                          {kind === 'mboxSha1sum' && identity.mboxSha1sum}
                          {kind === 'openid' && identity.openid}
                          {kind === 'account' && identity.account && m.staffPage.accountValue(identity.account.name, identity.account.homePage)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      </div>
      <StaffSelfService staffId={staff.id} />
    </section>
  );
}
