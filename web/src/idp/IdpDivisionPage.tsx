import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { fiscalYearOf } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { IdpRosterQuery } from './queries';

/** The individual development plans of a fiscal year, per division: everyone on the register, their plan's status and progress. */
export function IdpDivisionPage() {
  const { m, f } = useI18n();
  const t = m.idp;
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(new Date());
  const year = Number(params.get('year')) || current;
  const divisionId = params.get('division') ?? '';
  const [yearField, setYearField] = useState(String(year));
  const [divisionField, setDivisionField] = useState(divisionId);
  const result = useAsync(() => runGraphQl(IdpRosterQuery, { fiscalYear: year, divisionId: divisionId || null }), [year, divisionId]);
  const rows = result.data?.individualPlanRoster ?? [];
  const agreed = rows.filter((row) => row.plan?.status === 'AGREED').length;
  return (
    <section className="idp-page">
      <PageTitle title={t.title}>{t.title}</PageTitle>
      <p className="subtitle">{t.intro}</p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          next.set('year', yearField);
          if (divisionField) {
            next.set('division', divisionField);
          }
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="idp-year">{t.fiscalYear}</label>
          <select id="idp-year" value={yearField} onChange={(event) => setYearField(event.target.value)}>
            {[current + 1, current, current - 1, current - 2].map((y) => (
              <option key={y} value={y}>
                {f.year(y)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="idp-division">{t.division}</label>
          <select id="idp-division" value={divisionField} onChange={(event) => setDivisionField(event.target.value)}>
            <option value="">{t.allDivisions}</option>
            {(result.data?.organisation?.divisions ?? []).map((division) => (
              <option key={division.id} value={division.id}>
                {division.nameTh}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t.show}
        </button>
      </form>
      {result.error && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {!result.data && !result.error && <Loading />}
      {result.data && (
        <>
          <p role="status" data-testid="idp-summary">
            {t.yearTitle(f.year(year))} · {t.summary(f.integer(agreed), f.integer(rows.length))}
          </p>
          {rows.length === 0 ? (
            <p>{t.noStaff}</p>
          ) : (
            <TableScroll label={t.title}>
              <table data-testid="idp-roster">
                <thead>
                  <tr>
                    <th scope="col">{t.columns.staffNumber}</th>
                    <th scope="col">{t.columns.name}</th>
                    <th scope="col">{t.columns.position}</th>
                    <th scope="col">{t.division}</th>
                    <th scope="col">{t.columns.supervisor}</th>
                    <th scope="col">{t.columns.status}</th>
                    <th scope="col">{t.columns.progress}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ staff, plan }) => (
                    <tr key={staff.id} data-staff={staff.id}>
                      <td>{staff.staffNumber}</td>
                      <th scope="row">
                        <Link to={`/idp/person?${new URLSearchParams({ id: staff.id, year: String(year) })}`}>{staff.fullNameTh}</Link>
                      </th>
                      <td>{staff.positionTitle}</td>
                      <td>{staff.division?.nameTh ?? m.app.none}</td>
                      <td>{staff.supervisor?.fullNameTh ?? m.app.none}</td>
                      <td data-status={plan?.status ?? 'NONE'}>
                        {!plan && <Badge tone="neutral">{t.status.NONE}</Badge>}
                        {plan?.status === 'DRAFT' && <Badge tone="warn">{t.status.DRAFT}</Badge>}
                        {plan?.status === 'AGREED' && <Badge tone="good">{t.status.AGREED}</Badge>}
                      </td>
                      <td>{plan ? t.progressCount(f.integer(plan.progress.done), f.integer(plan.progress.items)) : m.app.none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
