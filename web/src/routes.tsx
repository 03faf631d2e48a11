import type { RouteObject } from 'react-router';
import { OVERSIGHT_ROLES, SELF_SERVICE_ROLES, STAFF_WRITERS, TENANT_ROLES } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { Navigate } from 'react-router';
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
          { path: 'staff/record', lazy: () => import('./me/MyRecordPage').then((m) => ({ Component: m.StaffRecordPage })) },
          { path: 'learners', lazy: () => import('./learners/UnmatchedLearnersPage').then((m) => ({ Component: m.UnmatchedLearnersPage })) },
          { path: 'plans', lazy: () => import('./plans/PlansPage').then((m) => ({ Component: m.PlansPage })) },
          { path: 'plans/plan', lazy: () => import('./plans/PlanPage').then((m) => ({ Component: m.PlanPage })) },
          { path: 'competencies', lazy: () => import('./competencies/CompetenciesPage').then((m) => ({ Component: m.CompetenciesPage })) },
          { path: 'idp', lazy: () => import('./idp/IdpDivisionPage').then((m) => ({ Component: m.IdpDivisionPage })) },
          { path: 'idp/person', lazy: () => import('./idp/IdpPersonPage').then((m) => ({ Component: m.IdpPersonPage })) },
        ],
      },
      {
        element: <RequireRole roles={SELF_SERVICE_ROLES} ownOrganisation />,
        children: [
          { path: 'me', lazy: () => import('./me/MyRecordPage').then((m) => ({ Component: m.MyRecordPage })) },
          { path: 'me/person', lazy: () => import('./me/MyRecordPage').then((m) => ({ Component: m.ReportRecordPage })) },
        ],
      },
      {
        element: <RequireRole roles={STAFF_WRITERS} ownOrganisation />,
        children: [
          { path: 'staff/import', lazy: () => import('./staff/RosterImportPage').then((m) => ({ Component: m.RosterImportPage })) },
          { path: 'learning-records/import', lazy: () => import('./learningRecords/LearningImportPage').then((m) => ({ Component: m.LearningImportPage })) },
          { path: 'plans/edit', lazy: () => import('./plans/PlanEditorPage').then((m) => ({ Component: m.PlanEditorPage })) },
        ],
      },
      {
        element: <RequireRole roles={['TENANT_ADMIN']} ownOrganisation />,
        children: [
          {
            path: 'admin',
            lazy: () => import('./admin/AdminLayout').then((m) => ({ Component: m.AdminLayout })),
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              { path: 'users', lazy: () => import('./admin/UsersPage').then((m) => ({ Component: m.UsersPage })) },
              { path: 'tokens', lazy: () => import('./admin/TokensPage').then((m) => ({ Component: m.TokensPage })) },
              { path: 'credentials', lazy: () => import('./admin/CredentialsPage').then((m) => ({ Component: m.CredentialsPage })) },
              { path: 'audit', lazy: () => import('./audit/AuditPage').then((m) => ({ Component: m.AuditPage })) },
            ],
          },
        ],
      },
      {
        element: <RequireRole roles={['PROVINCIAL_COMMITTEE']} />,
        children: [{ path: 'review', lazy: () => import('./review/ReviewQueuePage').then((m) => ({ Component: m.ReviewQueuePage })) }],
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
          { path: 'review/plan', lazy: () => import('./review/PlanReviewPage').then((m) => ({ Component: m.PlanReviewPage })) },
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
