import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { hasRole, homePath, useSession, useUser } from '../auth/session';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Loading, PageTitle } from '../ui/components';

/** Pages behind sign-in: waits for the session, sends the signed-out to /signin (and back afterwards). */
export function RequireSignIn({ children }: { children: React.ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return <Loading />;
  }
  if (session.status === 'signedOut') {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Child routes for users with one of the roles (and, with `ownOrganisation`, an organisation of their own). */
export function RequireRole({ roles, ownOrganisation = false }: { roles: Role[]; ownOrganisation?: boolean }) {
  const user = useUser();
  if (!hasRole(user, ...roles) || (ownOrganisation && !user.organisation)) {
    return <Forbidden />;
  }
  return <Outlet />;
}

export function Forbidden() {
  const { m } = useI18n();
  return (
    <section>
      <PageTitle title={m.app.forbidden}>{m.app.forbidden}</PageTitle>
      <p>
        <Link to="/">{m.app.backHome}</Link>
      </p>
    </section>
  );
}

export function NotFound() {
  const { m } = useI18n();
  return (
    <section>
      <PageTitle title={m.app.notFound}>{m.app.notFound}</PageTitle>
      <p>
        <Link to="/">{m.app.backHome}</Link>
      </p>
    </section>
  );
}

export function HomeRedirect() {
  const user = useUser();
  return <Navigate to={homePath(user)} replace />;
}
