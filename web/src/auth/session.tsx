import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as auth from '../api/auth';
import { bearerToken, setBearerToken } from '../api/credentials';
import { runGraphQl } from '../api/graphql';
import { UNAUTHENTICATED_EVENT } from '../api/http';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import type { Language } from '../i18n/format';
import { isLanguage, useI18n } from '../i18n/i18n';

/** The person using the console, from the session (`GET /api/auth/session`) or, with a bearer token, from `viewer`. */
export type ConsoleUser = auth.SessionUser;

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: ConsoleUser; mode: 'session' | 'token' };

export interface SessionApi {
  session: Session;
  signIn: (email: string, password: string) => Promise<void>;
  acceptInvitation: (token: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Remembers the language for this user: on the server for a session, in this browser for a token. */
  rememberLanguage: (language: Language) => void;
}

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      roles
      province
      committeeKind
      organisation { id code nameTh kind province }
    }
  }
`);

const SessionContext = createContext<SessionApi | null>(null);

function tokenLanguageKey(userId: string): string {
  return `phatthana.language.${userId}`;
}

async function loadUser(): Promise<{ user: ConsoleUser; mode: 'session' | 'token' } | null> {
  if (bearerToken()) {
    try {
      const { viewer } = await runGraphQl(ViewerQuery);
      const remembered = localStorage.getItem(tokenLanguageKey(viewer.id));
      return {
        mode: 'token',
        user: {
          id: viewer.id,
          name: viewer.name,
          email: null,
          roles: viewer.roles,
          organisation: viewer.organisation ?? null,
          language: remembered,
          province: viewer.province ?? null,
          committeeKind: viewer.committeeKind ?? null,
        },
      };
    } catch {
      setBearerToken(null);
      return null;
    }
  }
  const user = await auth.currentSession();
  return user ? { user, mode: 'session' } : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const { setLanguage } = useI18n();

  const adopt = useCallback(
    (loaded: { user: ConsoleUser; mode: 'session' | 'token' } | null) => {
      if (!loaded) {
        setSession({ status: 'signedOut' });
        return;
      }
      if (isLanguage(loaded.user.language)) {
        setLanguage(loaded.user.language);
      }
      setSession({ status: 'signedIn', ...loaded });
    },
    [setLanguage],
  );

  useEffect(() => {
    let current = true;
    loadUser()
      .then((loaded) => current && adopt(loaded))
      .catch(() => current && setSession({ status: 'signedOut' }));
    const signedOut = () => setSession({ status: 'signedOut' });
    window.addEventListener(UNAUTHENTICATED_EVENT, signedOut);
    return () => {
      current = false;
      window.removeEventListener(UNAUTHENTICATED_EVENT, signedOut);
    };
  }, [adopt]);

  const api = useMemo<SessionApi>(
    () => ({
      session,
      signIn: async (email, password) => adopt({ user: await auth.login(email, password), mode: 'session' }),
      acceptInvitation: async (token, password) => adopt({ user: await auth.acceptInvitation(token, password), mode: 'session' }),
      signOut: async () => {
        if (session.status === 'signedIn' && session.mode === 'session') {
          await auth.logout().catch(() => undefined);
        }
        setBearerToken(null);
        setSession({ status: 'signedOut' });
      },
      rememberLanguage: (language) => {
        if (session.status !== 'signedIn') {
          return;
        }
        if (session.mode === 'session') {
          auth.savePreferences(language).catch(() => undefined);
        } else {
          localStorage.setItem(tokenLanguageKey(session.user.id), language);
        }
        setSession({ ...session, user: { ...session.user, language } });
      },
    }),
    [session, adopt],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const context = useContext(SessionContext);
  if (!context) {
    throw new Error('useSession outside SessionProvider');
  }
  return context;
}

/** The signed-in user; only for pages behind RequireSignIn. */
export function useUser(): ConsoleUser {
  const { session } = useSession();
  if (session.status !== 'signedIn') {
    throw new Error('useUser without a signed-in user');
  }
  return session.user;
}

export function hasRole(user: ConsoleUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

export const TENANT_ROLES: Role[] = ['TENANT_ADMIN', 'HR_OFFICER', 'VIEWER'];
export const STAFF_WRITERS: Role[] = ['TENANT_ADMIN', 'HR_OFFICER'];
export const OVERSIGHT_ROLES: Role[] = ['PROVINCIAL_COMMITTEE', 'NATIONAL'];
/** Self-service: a staff member's own record (and a supervisor's reports), nothing else of the organisation. */
export const SELF_SERVICE_ROLES: Role[] = ['STAFF', 'SUPERVISOR'];

/** Where a user starts: their organisation's progress, or oversight. */
export function homePath(user: ConsoleUser): string {
  if (user.organisation && hasRole(user, ...TENANT_ROLES)) {
    return '/dashboard';
  }
  if (user.organisation && hasRole(user, ...SELF_SERVICE_ROLES)) {
    return '/me';
  }
  if (hasRole(user, 'NATIONAL')) {
    return '/organisations';
  }
  return '/oversight';
}
