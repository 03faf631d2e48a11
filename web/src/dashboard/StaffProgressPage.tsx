import { Link, useParams, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { StaffProgressQuery } from './queries';

/** Drill-down: one staff member's courses, hours and remaining competency gaps in a plan and fiscal year. */
export function StaffProgressPage() {
  const { m, f } = useI18n();
  const { organisationId } = useParams();
  const [params] = useSearchParams();
  const staffId = params.get('staff') ?? '';
  const planId = params.get('plan') ?? '';
  const year = Number(params.get('year')) || null;
  const result = useAsync(() => runGraphQl(StaffProgressQuery, { staffId, planId, fiscalYear: year }), [staffId, planId, year]);
  const back = `${organisationId ? `/oversight/${organisationId}` : '/dashboard'}${year ? `?year=${year}` : ''}`;

  if (result.error) {
    return <ErrorNotice error={result.error} onRetry={result.reload} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const { staffProgress: progress, staff, plan } = result.data;
  const targetGroups = m.enums.targetGroup as Record<string, string>;
  return (
    <section>
      <p>
        <Link to={back}>← {m.staffProgress.back}</Link>
      </p>
      <div className="page-head">
        <div>
          <PageTitle title={`${m.staffProgress.title}: ${progress.name}`}>{progress.name}</PageTitle>
          <p className="subtitle">
            {m.staffProgress.title} · {plan?.title} · {m.fiscalYear.short(f.year(progress.fiscalYear))}
          </p>
        </div>
      </div>
      {staff && (
        <div className="card">
          <h2>{m.staffProgress.staffRecord}</h2>
          <dl className="facts">
            <dt>{m.staff.staffNumber}</dt>
            <dd>{staff.staffNumber}</dd>
            <dt>{m.staff.position}</dt>
            <dd>{staff.positionTitle}</dd>
            <dt>{m.staff.division}</dt>
            <dd>{staff.division?.nameTh ?? m.app.none}</dd>
            <dt>{m.staff.targetGroup}</dt>
            <dd>{staff.targetGroup ? targetGroups[staff.targetGroup] : m.app.none}</dd>
          </dl>
          {!organisationId && (
            <p>
              <Link to={`/staff/person?id=${encodeURIComponent(staff.id)}`}>{m.staffPage.identities}</Link>
            </p>
          )}
        </div>
      )}
      <div className="grid tiles">
        <div className="tile">
          <p className="tile-label">{m.staffProgress.hours}</p>
          <p className="tile-value" data-figure="hours">{f.number(progress.hours)}</p>
        </div>
        <div className="tile">
          <p className="tile-label">{m.staffProgress.coursesCompleted}</p>
          <p className="tile-value" data-figure="coursesCompleted">{f.integer(progress.coursesCompleted)}</p>
        </div>
      </div>

      <h2>{m.staffProgress.courses}</h2>
      {progress.courses.length === 0 ? (
        <p>{m.staffProgress.noCourses}</p>
      ) : (
        <TableScroll label={m.staffProgress.courses}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.dashboard.course}</th>
                <th scope="col">{m.staffProgress.targeted}</th>
                <th scope="col">{m.staffProgress.started}</th>
                <th scope="col">{m.staffProgress.completed}</th>
                <th scope="col" className="num">{m.dashboard.hours}</th>
                <th scope="col" className="num">{m.staffProgress.statements}</th>
              </tr>
            </thead>
            <tbody>
              {progress.courses.map((course) => (
                <tr key={course.courseKey}>
                  <th scope="row">{course.titleTh ?? course.courseKey}</th>
                  <td>{course.targeted ? m.app.yes : m.app.no}</td>
                  <td>{course.started ? m.app.yes : m.app.no}</td>
                  <td>{course.completed ? m.app.yes : m.app.no}</td>
                  <td className="num">{f.number(course.hours)}</td>
                  <td className="num">{f.integer(course.statements)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>{m.staffProgress.gaps}</h2>
      <p className="muted">{m.staffProgress.gapsIntro}</p>
      {progress.remainingGaps.length === 0 ? (
        <p>{m.staffProgress.noGaps}</p>
      ) : (
        <TableScroll label={m.staffProgress.gaps}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.dashboard.competency}</th>
                <th scope="col" className="num">{m.staffProgress.requiredLevel}</th>
                <th scope="col" className="num">{m.staffProgress.assessedLevel}</th>
                <th scope="col" className="num">{m.staffProgress.gap}</th>
              </tr>
            </thead>
            <tbody>
              {progress.remainingGaps.map((gap) => (
                <tr key={gap.code}>
                  <th scope="row">{gap.nameTh ?? gap.code}</th>
                  <td className="num">{f.integer(gap.requiredLevel)}</td>
                  <td className="num">{f.integer(gap.assessedLevel)}</td>
                  <td className="num">{f.integer(gap.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
