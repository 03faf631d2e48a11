import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { download } from '../api/files';
import { runGraphQl } from '../api/graphql';
import { hasRole, useUser } from '../auth/session';
import { graphql } from '../gql';
import type { OrganisationKind } from '../gql/graphql';
import { fiscalYearOf } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { FiscalYearPicker } from '../ui/FiscalYearPicker';
import { useAsync } from '../ui/useAsync';
import { coursesDelivered, indicatorsMet, sortEntries, type OverviewColumn, type Sort } from './overview';
import { KindFilter } from '../ui/KindFilter';
import { planStatusTone } from '../ui/vocabulary';

const ProvinceOverview = graphql(`
  query ProvinceOverview($province: String, $kind: OrganisationKind, $fiscalYear: FiscalYear) {
    provinceOverview(province: $province, kind: $kind, fiscalYear: $fiscalYear) {
      province
      kind
      fiscalYear
      xlsxUrl
      organisations {
        organisation { id code nameTh }
        plan { id title status }
        progress {
          staffCount
          staffDeveloped
          staffDevelopedShare
          hoursPerPerson
          courses { planned delivered }
          indicators { met }
          budget { spentShare }
        }
      }
    }
  }
`);

/** Every organisation of the province (committee: its own province and kind) with plan status and headline figures. */
export function ProvinceOverviewPage() {
  const { m, f } = useI18n();
  const o = m.overview;
  const user = useUser();
  const national = hasRole(user, 'NATIONAL');
  const current = useMemo(() => fiscalYearOf(new Date()), []);
  const [year, setYear] = useState(current);
  const [provinceInput, setProvinceInput] = useState(user.province ?? '');
  const [kindInput, setKindInput] = useState<string>('');
  const [scope, setScope] = useState<{ province: string | null; kind: OrganisationKind | null }>(
    national ? { province: null, kind: null } : { province: user.province, kind: user.committeeKind },
  );
  const [sort, setSort] = useState<Sort>({ column: 'organisation', descending: false });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const ids = { province: useId() };
  const ready = !national || scope.province !== null;
  const overview = useAsync(
    () => (ready ? runGraphQl(ProvinceOverview, { province: scope.province, kind: scope.kind, fiscalYear: year }) : Promise.resolve(null)),
    [scope.province, scope.kind, year, ready],
  );
  const show = (event: FormEvent) => {
    event.preventDefault();
    setScope({ province: provinceInput.trim() || null, kind: (kindInput || null) as OrganisationKind | null });
  };
  const data = overview.data?.provinceOverview;
  const entries = data ? sortEntries(data.organisations, sort) : [];
  const header = (column: OverviewColumn, label: string, numeric = true) => {
    const active = sort.column === column;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ column, descending: active ? !sort.descending : numeric })}
          aria-label={o.sortBy(label)}
        >
          {label} {active ? (sort.descending ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <section>
      <div className="page-head">
        <div>
          <PageTitle title={o.title}>{o.title}</PageTitle>
          <p className="subtitle">{o.intro}</p>
        </div>
        <FiscalYearPicker years={[current, current - 1, current - 2, current + 1]} value={year} onChange={setYear} />
      </div>
      {national ? (
        <form className="filters" onSubmit={show}>
          <div className="field">
            <label htmlFor={ids.province}>{o.province}</label>
            <input id={ids.province} type="text" required value={provinceInput} onChange={(e) => setProvinceInput(e.target.value)} />
          </div>
          <KindFilter value={kindInput} onChange={setKindInput} />
          <button type="submit" className="button button-primary">{o.show}</button>
        </form>
      ) : (
        user.committeeKind && user.province && <p className="muted">{m.oversight.committeeScope(m.enums.organisationKind[user.committeeKind], user.province)}</p>
      )}
      {!ready && <Notice kind="info">{o.provinceRequired}</Notice>}
      {overview.error && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      {ready && overview.loading && <Loading />}
      {data && (
        <>
          <div className="actions" style={{ marginBottom: '0.75rem' }}>
            <button
              type="button"
              className="button"
              onClick={() => download(data.xlsxUrl, `province-progress-${data.fiscalYear}.xlsx`).catch(setDownloadError)}
            >
              {o.download}
            </button>
          </div>
          {downloadError != null && <ErrorNotice error={downloadError} />}
          {entries.length === 0 ? (
            <p>{o.none}</p>
          ) : (
            <TableScroll label={o.title}>
              <table data-testid="province-overview">
                <caption>
                  {data.province}
                  {data.kind ? ` · ${m.enums.organisationKind[data.kind]}` : ''} · {m.fiscalYear.short(f.year(data.fiscalYear))}
                </caption>
                <thead>
                  <tr>
                    {header('organisation', o.organisation, false)}
                    {header('planStatus', o.planStatus, false)}
                    {header('staff', o.staff)}
                    {header('developed', o.developed)}
                    {header('hoursPerPerson', o.hoursPerPerson)}
                    {header('courses', o.courses)}
                    {header('indicators', o.indicators)}
                    {header('budget', o.budget)}
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => {
                    const p = entry.progress;
                    const courses = coursesDelivered(entry);
                    const met = indicatorsMet(entry);
                    return (
                      <tr key={entry.organisation.id}>
                        <th scope="row">
                          <Link to={`/oversight/${entry.organisation.id}?year=${data.fiscalYear}`}>{entry.organisation.nameTh}</Link>
                        </th>
                        <td>
                          {entry.plan ? <Badge tone={planStatusTone(entry.plan.status)}>{m.enums.planStatus[entry.plan.status]}</Badge> : o.noPlan}
                        </td>
                        <td className="num">{p ? f.integer(p.staffCount) : m.app.none}</td>
                        <td className="num">{p ? f.percent(p.staffDevelopedShare) : m.app.none}</td>
                        <td className="num">{p ? f.number(p.hoursPerPerson) : m.app.none}</td>
                        <td className="num">{courses ? o.ofTotal(f.integer(courses.delivered), f.integer(courses.planned)) : m.app.none}</td>
                        <td className="num">{met ? o.ofTotal(f.integer(met.met), f.integer(met.total)) : m.app.none}</td>
                        <td className="num">{p ? f.percent(p.budget.spentShare) : m.app.none}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
