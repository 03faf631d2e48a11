import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** The administration pages (TENANT_ADMIN): one tab each, the page below. */
export function AdminLayout() {
  const { m } = useI18n();
  const tabs = [
    { to: '/admin/users', label: m.admin.tabs.users },
    { to: '/admin/tokens', label: m.admin.tabs.tokens },
    { to: '/admin/credentials', label: m.admin.tabs.credentials },
    { to: '/admin/audit', label: m.admin.tabs.audit },
  ];
  return (
    <>
      <nav aria-label={m.admin.title} className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
