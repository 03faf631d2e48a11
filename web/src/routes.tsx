import type { RouteObject } from 'react-router';
import { OVERSIGHT_ROLES, STAFF_WRITERS, TENANT_ROLES } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect, NotFound, RequireRole, RequireSignIn } from './layout/guards';

/**
 * Every page of the console. Pages are loaded on demand (one chunk each), so the dashboard does
 * not carry the code of the other pages. Ids that may contain '/' (plans, staff) go in the query.
 */
export const routes: RouteObject[] = [
  { path: '/signin', lazy: () => import('./auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
  { path: '/invite/:token', lazy: () => import('./auth/InvitationPage').then((m) => ({ Component: m.InvitationPage })) },
  {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'account/password', lazy: () => import('./auth/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage })) },
      {
        element: <RequireRole roles={TENANT_ROLES} ownOrganisation />,
        children: [
          { path: 'dashboard', lazy: () => import('./dashboard/DashboardPage').then((m) => ({ Component: m.OwnDashboardPage })) },
          { path: 'dashboard/person', lazy: () => import('./dashboard/StaffProgressPage').then((m) => ({ Component: m.StaffProgressPage })) },
          { path: 'staff', lazy: () => import('./staff/StaffListPage').then((m) => ({ Component: m.StaffListPage })) },
          { path: 'staff/person', lazy: () => import('./staff/StaffPage').then((m) => ({ Component: m.StaffPage })) },
          { path: 'learners', lazy: () => import('./learners/UnmatchedLearnersPage').then((m) => ({ Component: m.UnmatchedLearnersPage })) },
        ],
      },
      {
        element: <RequireRole roles={STAFF_WRITERS} ownOrganisation />,
        children: [
          { path: 'staff/import', lazy: () => import('./staff/RosterImportPage').then((m) => ({ Component: m.RosterImportPage })) },
        ],
      },
      {
        element: <RequireRole roles={['NATIONAL']} />,
        children: [
          { path: 'organisations', lazy: () => import('./organisations/OrganisationsPage').then((m) => ({ Component: m.OrganisationsPage })) },
        ],
      },
      {
        element: <RequireRole roles={OVERSIGHT_ROLES} />,
        children: [
          { path: 'oversight', lazy: () => import('./oversight/OversightPage').then((m) => ({ Component: m.OversightPage })) },
          { path: 'oversight/overview', lazy: () => import('./oversight/ProvinceOverviewPage').then((m) => ({ Component: m.ProvinceOverviewPage })) },
          { path: 'oversight/:organisationId', lazy: () => import('./dashboard/DashboardPage').then((m) => ({ Component: m.OversightDashboardPage })) },
          {
            path: 'oversight/:organisationId/person',
            lazy: () => import('./dashboard/StaffProgressPage').then((m) => ({ Component: m.StaffProgressPage })),
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
