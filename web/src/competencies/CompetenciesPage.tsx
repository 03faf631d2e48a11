import { Link, useSearchParams } from 'react-router';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';
import { Assessments } from './Assessments';
import { Catalogue } from './Catalogue';
import { GapHeatMap } from './GapHeatMap';
import { Requirements } from './Requirements';

const VIEWS = ['catalogue', 'requirements', 'assessments', 'gaps'] as const;
type View = (typeof VIEWS)[number];

/** /competencies: the catalogue, the requirements, assessments per person and the gap heat map, one at a time (?view=…). */
export function CompetenciesPage() {
  const { m } = useI18n();
  const c = m.competencies;
  const user = useUser();
  const [params] = useSearchParams();
  const asked = params.get('view');
  const view: View = VIEWS.includes(asked as View) ? (asked as View) : 'catalogue';
  const admin = hasRole(user, 'TENANT_ADMIN');
  return (
    <>
      <PageTitle title={`${c.tabs[view]} · ${c.title}`}>{c.title}</PageTitle>
      <p className="muted">{c.intro}</p>
      <nav aria-label={c.sections} className="competency-tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <Link to={`?view=${v}`} aria-current={v === view ? 'page' : undefined}>
                {c.tabs[v]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{c.tabs[view]}</h2>
      {view === 'catalogue' && <Catalogue editable={admin} />}
      {view === 'requirements' && <Requirements editable={admin} />}
      {view === 'assessments' && <Assessments canRecord={hasRole(user, ...STAFF_WRITERS)} />}
      {view === 'gaps' && <GapHeatMap />}
    </>
  );
}
