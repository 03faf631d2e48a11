/**
 * How the console authenticates its requests.
 *
 * People sign in with a password and the server keeps an HttpOnly session cookie; every
 * state-changing request then carries the CSRF token the server put in the JS-readable cookie
 * XSRF-TOKEN as the header X-XSRF-TOKEN.
 *
 * For development, tests and wall dashboards the console can instead use a GraphQL bearer token
 * (pht_…) kept in sessionStorage under `phatthana.token`: set it with
 * `sessionStorage.setItem('phatthana.token', 'pht_…')` (or open `/#token=pht_…` once) and every
 * request carries `Authorization: Bearer …`; the GraphQL WebSocket sends it in connection_init.
 */
export const TOKEN_KEY = 'phatthana.token';

export function bearerToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setBearerToken(token: string | null): void {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** Takes a token handed over in the address (`#token=pht_…`) into sessionStorage and out of the address bar. */
export function adoptTokenFromLocation(location: Location, history: History): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    setBearerToken(decodeURIComponent(match[1]));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
}

export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The language the server answers messages in: the console's (which sets `<html lang>`), Thai
 * unless English is chosen. Codes and fields of errors are the same in both.
 */
export function acceptLanguage(): string {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'th';
}

/** The headers that authenticate a request of this method. */
export function authHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = bearerToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const csrf = csrfToken();
    if (csrf) {
      headers['X-XSRF-TOKEN'] = csrf;
    }
  }
  return headers;
}
