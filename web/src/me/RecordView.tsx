import { download } from '../api/files';
import { useDownload } from '../dashboard/useDownload';
import type { PersonRecordFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, TableScroll } from '../ui/components';

/** The calendar day (YYYY-MM-DD) of an instant in Bangkok. */
export function bangkokDay(instant: string): string {
  return new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Asia/Bangkok' });
}

/** A verb in the console's language: the ADL verbs by the last part of their id, else the statement's own display. */
export function verbText(verbId: string, display: string | null | undefined, names: Record<string, string>, fallback: string): string {
  const last = verbId.slice(verbId.lastIndexOf('/') + 1);
  return names[last] ?? display ?? fallback;
}

/** One person's development record: hours per fiscal year, the plan's courses, competency gaps, the history with certificates. */
export function RecordView({ record }: { record: PersonRecordFieldsFragment }) {
  const { m, f } = useI18n();
  const t = m.me;
  const { working, run, status } = useDownload();
  const plan = record.planInForce;
  return (
    <>
      <div className="card">
        <dl className="facts">
          <dt>{t.position}</dt>
          <dd>{record.positionTitle ?? m.app.none}</dd>
          <dt>{t.organisation}</dt>
          <dd>{record.organisationName}</dd>
        </dl>
      </div>
      <div className="two-columns">
        <div className="card">
          <h2>{t.hoursTitle}</h2>
          {record.hoursByFiscalYear.length === 0 ? (
            <p>{t.noHours}</p>
          ) : (
            <TableScroll label={t.hoursTitle}>
              <table data-testid="hours">
                <thead>
                  <tr>
                    <th scope="col">{t.fiscalYear}</th>
                    <th scope="col">{t.hours}</th>
                    <th scope="col">{t.activities}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.hoursByFiscalYear.map((year) => (
                    <tr key={year.fiscalYear}>
                      <th scope="row">{f.year(year.fiscalYear)}</th>
                      <td>{f.number(year.hours)}</td>
                      <td>{f.integer(year.activities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
        <div className="card">
          <h2>{t.gapsTitle}</h2>
          {record.competencyGaps.length === 0 ? (
            <p>{t.noGaps}</p>
          ) : (
            <TableScroll label={t.gapsTitle}>
              <table data-testid="gaps">
                <thead>
                  <tr>
                    <th scope="col">{t.competency}</th>
                    <th scope="col">{t.required}</th>
                    <th scope="col">{t.assessed}</th>
                    <th scope="col">{t.gap}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.competencyGaps.map((gap) => (
                    <tr key={gap.code}>
                      <th scope="row">
                        {gap.code} {gap.nameTh}
                      </th>
                      <td>{f.integer(gap.requiredLevel)}</td>
                      <td>{f.integer(gap.assessedLevel)}</td>
                      <td>{f.integer(gap.gap)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      </div>
      <div className="card">
        <h2>{plan ? t.planTitle(plan.title) : t.planTitle('')}</h2>
        {!plan ? (
          <p>{t.noPlan}</p>
        ) : plan.progress.courses.length === 0 ? (
          <p>{t.noCourses}</p>
        ) : (
          <TableScroll label={t.planTitle(plan.title)}>
            <table data-testid="plan-courses">
              <thead>
                <tr>
                  <th scope="col">{t.course}</th>
                  <th scope="col">{t.targeted}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.hours}</th>
                </tr>
              </thead>
              <tbody>
                {plan.progress.courses.map((course) => (
                  <tr key={course.courseKey}>
                    <th scope="row">{course.titleTh ?? course.courseKey}</th>
                    <td>{course.targeted ? t.yes : t.no}</td>
                    <td>
                      {course.completed ? (
                        <Badge tone="good">{t.statusDone}</Badge>
                      ) : course.started ? (
                        <Badge tone="warn">{t.statusStarted}</Badge>
                      ) : (
                        <Badge tone="neutral">{t.statusNotStarted}</Badge>
                      )}
                    </td>
                    <td>{f.number(course.hours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
      <div className="card">
        <h2>{t.historyTitle}</h2>
        {record.history.length === 0 ? (
          <p>{t.noHistory}</p>
        ) : (
          <TableScroll label={t.historyTitle}>
            <table data-testid="history">
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.activity}</th>
                  <th scope="col">{t.result}</th>
                  <th scope="col">{t.hours}</th>
                  <th scope="col">{t.certificate}</th>
                </tr>
              </thead>
              <tbody>
                {record.history.map((entry) => (
                  <tr key={entry.statementId}>
                    <td>{f.date(bangkokDay(entry.timestamp))}</td>
                    <th scope="row">{entry.title ?? entry.activityId}</th>
                    <td>{entry.completed ? t.completed : verbText(entry.verbId, entry.verb, t.verbs, t.takingPart)}</td>
                    <td>{f.number(entry.hours)}</td>
                    <td>
                      {entry.certificates.map((certificate) => (
                        <button
                          key={certificate.id}
                          type="button"
                          className="button"
                          disabled={working}
                          aria-label={t.download(certificate.fileName ?? entry.title ?? '')}
                          onClick={() => run(() => download(certificate.downloadUrl, certificate.fileName ?? 'certificate'))}
                        >
                          {t.downloadShort}
                        </button>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {status}
      </div>
    </>
  );
}
