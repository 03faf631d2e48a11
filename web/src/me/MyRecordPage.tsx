import { Link, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, Notice, PageTitle } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { MyRecordQuery, PersonRecordQuery } from './queries';
import { IdpCard } from './IdpCard';
import { RecordView } from './RecordView';

/** A staff member's own development record; a supervisor also sees the people who report to them. */
export function MyRecordPage() {
  const { m } = useI18n();
  const user = useUser();
  const t = m.me;
  const result = useAsync(() => runGraphQl(MyRecordQuery, {}), []);
  if (result.error) {
    return <ErrorNotice error={result.error} onRetry={result.reload} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const { myRecord: record, myReports: reports } = result.data;
  return (
    <section>
      <div className="page-head">
        <div>
          <PageTitle title={t.title}>{t.title}</PageTitle>
          {record && <p className="subtitle">{record.name}</p>}
        </div>
      </div>
      {!record ? (
        <Notice kind="info">{t.notLinked}</Notice>
      ) : (
        <>
          <IdpCard record={record} signAs={hasRole(user, 'STAFF') ? 'STAFF_MEMBER' : null} onAgreed={result.reload} />
          <RecordView record={record} />
        </>
      )}
      {reports.length > 0 && (
        <div className="card">
          <h2>{t.reportsTitle}</h2>
          <ul data-testid="reports">
            {reports.map((person) => (
              <li key={person.staffId}>
                <Link to={`/me/person?${new URLSearchParams({ id: person.staffId })}`} aria-label={t.viewRecord(person.name)}>
                  {person.name}
                </Link>
                {person.positionTitle ? ` · ${person.positionTitle}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A supervisor's view of one person who reports to them (anyone else is not found). */
export function ReportRecordPage() {
  const { m } = useI18n();
  return <PersonRecordView back="/me" backLabel={m.me.back} signAs="SUPERVISOR" />;
}

/** HR's view of a staff member's development record and certificates, from the staff page. */
export function StaffRecordPage() {
  const { m } = useI18n();
  const [params] = useSearchParams();
  return <PersonRecordView back={`/staff/person?${new URLSearchParams({ id: params.get('id') ?? '' })}`} backLabel={m.me.backToStaff} />;
}

function PersonRecordView({ back, backLabel, signAs = null }: { back: string; backLabel: string; signAs?: 'SUPERVISOR' | null }) {
  const { m } = useI18n();
  const t = m.me;
  const [params] = useSearchParams();
  const staffId = params.get('id') ?? '';
  const result = useAsync(() => runGraphQl(PersonRecordQuery, { staffId }), [staffId]);
  if (result.error) {
    return <ErrorNotice error={result.error} onRetry={result.reload} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const record = result.data.personRecord;
  return (
    <section>
      <p>
        <Link to={back}>← {backLabel}</Link>
      </p>
      {!record ? (
        <ErrorNotice error={new Error(m.app.notFound)} />
      ) : (
        <>
          <PageTitle title={t.personTitle(record.name)}>{t.personTitle(record.name)}</PageTitle>
          <IdpCard record={record} signAs={signAs} onAgreed={result.reload} />
          <RecordView record={record} />
        </>
      )}
    </section>
  );
}
