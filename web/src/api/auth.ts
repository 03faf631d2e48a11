import type { OrganisationKind, Role } from '../gql/graphql';
import { ApiError, getJson, sendJson } from './http';

/**
 * The sign-in API (server side in the api module, docs/api.md "Console sign-in"): JSON, errors
 * `{"error":{"code","message"}}`, an HttpOnly session cookie on success, CSRF header on every
 * change (see credentials.ts). Sign-in, session and invitation acceptance answer the user object itself.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  organisation: { id: string; code: string; nameTh: string; kind: OrganisationKind; province: string } | null;
  language: string | null;
  province: string | null;
  committeeKind: OrganisationKind | null;
}

export interface AuthConfig {
  oidc: boolean;
  oidcLoginUrl: string | null;
}

export interface Invitation {
  name: string;
  email: string;
  organisation: { nameTh: string } | null;
  expiresAt: string;
}

export async function authConfig(): Promise<AuthConfig> {
  try {
    return await getJson<AuthConfig>('/api/auth/config');
  } catch {
    return { oidc: false, oidcLoginUrl: null };
  }
}

export async function login(email: string, password: string): Promise<SessionUser> {
  return (await sendJson<SessionUser>('POST', '/api/auth/login', { email, password }))!;
}

export async function logout(): Promise<void> {
  await sendJson('POST', '/api/auth/logout', {});
}

/** The signed-in user of the session cookie, or null when there is no session. */
export async function currentSession(): Promise<SessionUser | null> {
  try {
    return await getJson<SessionUser>('/api/auth/session');
  } catch (error) {
    if (error instanceof ApiError) {
      return null;
    }
    throw error;
  }
}

export async function savePreferences(language: string): Promise<void> {
  await sendJson('PUT', '/api/auth/preferences', { language });
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await sendJson('POST', '/api/auth/password', { currentPassword, newPassword });
}

export async function readInvitation(token: string): Promise<Invitation> {
  return getJson<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`);
}

export async function acceptInvitation(token: string, password: string): Promise<SessionUser> {
  return (await sendJson<SessionUser>('POST', `/api/auth/invitations/${encodeURIComponent(token)}/accept`, { password }))!;
}

/** The lock's end from a 423 ACCOUNT_LOCKED answer, if the server gave it. */
export function lockedUntil(error: ApiError): string | null {
  const body = error.body as { error?: { lockedUntil?: unknown }; lockedUntil?: unknown } | null;
  const value = body?.error?.lockedUntil ?? body?.lockedUntil;
  return typeof value === 'string' ? value : null;
}
