import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, OVERSIGHT_ROLES, SELF_SERVICE_ROLES, TENANT_ROLES, useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every signed-in page: header, navigation by role, and the page. */
export function AppLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const { m } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const tenantUser = user.organisation !== null && hasRole(user, ...TENANT_ROLES);
  const links: Array<{ to: string; label: string }> = [];
  if (tenantUser) {
    links.push(
      { to: '/dashboard', label: m.nav.dashboard },
      { to: '/plans', label: m.nav.plans },
      { to: '/staff', label: m.nav.staff },
      { to: '/competencies', label: m.nav.competencies },
      { to: '/idp', label: m.idp.nav },
      { to: '/learners', label: m.nav.learners },
    );
  }
  if (user.organisation !== null && hasRole(user, ...SELF_SERVICE_ROLES)) {
    links.push({ to: '/me', label: m.nav.me });
  }
  if (tenantUser && hasRole(user, 'TENANT_ADMIN')) {
    links.push({ to: '/admin', label: m.nav.admin });
  }
  if (hasRole(user, 'PROVINCIAL_COMMITTEE')) {
    links.push({ to: '/review', label: m.nav.review });
  }
  if (hasRole(user, 'NATIONAL')) {
    links.push({ to: '/organisations', label: m.nav.organisations });
  }
  if (hasRole(user, ...OVERSIGHT_ROLES)) {
    links.push({ to: '/oversight', label: m.nav.oversight }, { to: '/oversight/overview', label: m.nav.provinceOverview });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {m.app.name}
          </Link>
          <span className="brand-tagline">{user.organisation ? user.organisation.nameTh : m.app.tagline}</span>
        </div>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-navigation"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {m.app.menu}
        </button>
        <div className={menuOpen ? 'header-panel open' : 'header-panel'} id="main-navigation">
          <nav aria-label={m.app.mainNavigation}>
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.to === '/oversight'}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            <span className="user-name">{m.app.signedInAs(user.name)}</span>
            <Link to="/account/password">{m.app.changePassword}</Link>
            <a href="/graphiql">{m.app.apiExplorer}</a>
            <button
              type="button"
              className="button button-quiet"
              onClick={async () => {
                await signOut();
                navigate('/signin', { replace: true, state: { signedOut: true } });
              }}
            >
              {m.app.signOut}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
