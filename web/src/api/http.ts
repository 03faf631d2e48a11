import { acceptLanguage, authHeaders } from './credentials';

/** Dispatched on window when an API call answers 401 outside sign-in: the session has ended. */
export const UNAUTHENTICATED_EVENT = 'phatthana:unauthenticated';

/** A refused HTTP call: status, the server's error code (if any) and message, and the parsed body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * fetch with the console's authentication, JSON error bodies turned into ApiError. Error bodies
 * come as `{"error":{"code","message"}}` (sign-in API) or `{"error":"…","code":"…"}` (file endpoints).
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(authHeaders(method))) {
    headers.set(name, value);
  }
  if (!headers.has('Accept-Language')) {
    headers.set('Accept-Language', acceptLanguage());
  }
  const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    throw await errorOf(response);
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await apiFetch(path, { headers: { Accept: 'application/json' } })).json() as Promise<T>;
}

export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T | null> {
  const response = await apiFetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : null;
}

export async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  let code: string | null = null;
  let message = `HTTP ${response.status}`;
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown; code?: unknown }).error;
    if (error && typeof error === 'object') {
      const e = error as { code?: unknown; message?: unknown };
      code = typeof e.code === 'string' ? e.code : null;
      message = typeof e.message === 'string' ? e.message : message;
    } else if (typeof error === 'string') {
      message = error;
      const c = (body as { code?: unknown }).code;
      code = typeof c === 'string' ? c : null;
    }
  } else if (body && typeof body === 'object' && 'errors' in body) {
    const first = (body as { errors: Array<{ message?: string; extensions?: { code?: string } }> }).errors[0];
    message = first?.message ?? message;
    code = first?.extensions?.code ?? null;
  }
  return new ApiError(response.status, code, message, body);
}
