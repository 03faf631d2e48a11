import { describe, expect, it } from 'vitest';
import { adoptTokenFromLocation, authHeaders, csrfToken, setBearerToken, TOKEN_KEY } from './credentials';

describe('credentials', () => {
  it('reads the CSRF token from the XSRF-TOKEN cookie', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==');
    expect(csrfToken('a=1')).toBeNull();
  });

  it('sends the CSRF header on changes only, and the bearer token when one is kept', () => {
    document.cookie = 'XSRF-TOKEN=t0k3n';
    expect(authHeaders('GET')).toEqual({});
    expect(authHeaders('POST')).toEqual({ 'X-XSRF-TOKEN': 't0k3n' });
    setBearerToken('pht_abc');
    expect(authHeaders('GET')).toEqual({ Authorization: 'Bearer pht_abc' });
    expect(authHeaders('put')).toEqual({ Authorization: 'Bearer pht_abc', 'X-XSRF-TOKEN': 't0k3n' });
  });

  it('takes a token handed over in the address into sessionStorage and out of the address', () => {
    window.history.replaceState(null, '', '/dashboard?year=2570#token=pht_xyz');
    adoptTokenFromLocation(window.location, window.history);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('pht_xyz');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/dashboard?year=2570');
  });
});
