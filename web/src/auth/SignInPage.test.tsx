import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { safeNext, SignInPage } from './SignInPage';

function routes() {
  return [
    { path: '/signin', element: <SignInPage /> },
    { path: '/dashboard', element: <p>dashboard page</p> },
    { path: '/staff', element: <p>staff page</p> },
  ];
}

describe('SignInPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=csrf-1';
    server = new FakeServer().on('GET', '/api/auth/session', { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'no session' } } });
  });

  async function signIn(email: string, password: string) {
    await userEvent.type(await screen.findByLabelText('อีเมล'), email);
    await userEvent.type(screen.getByLabelText('รหัสผ่าน'), password);
    await userEvent.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  }

  it('signs in with e-mail and password, sends the CSRF header, and goes where it was asked to', async () => {
    server.on('GET', '/api/auth/config', { body: { oidc: false, oidcLoginUrl: null } });
    server.on('POST', '/api/auth/login', { body: TENANT_ADMIN }).install();
    renderRoutes(routes(), '/signin?next=%2Fstaff');
    await signIn('admin@sangkhom.go.th', 'correct horse');
    expect(await screen.findByText('staff page')).toBeTruthy();
    const login = server.calls.find((c) => c.path === '/api/auth/login')!;
    expect(login.body).toEqual({ email: 'admin@sangkhom.go.th', password: 'correct horse' });
    expect(login.headers['x-xsrf-token']).toBe('csrf-1');
  });

  it('says the password is wrong on 401', async () => {
    server.on('POST', '/api/auth/login', { status: 401, body: { error: { code: 'BAD_CREDENTIALS', message: 'bad' } } }).install();
    renderRoutes(routes(), '/signin');
    await signIn('admin@sangkhom.go.th', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
  });

  it('says the account is locked, and until when in Buddhist-Era Bangkok time, on 423', async () => {
    server
      .on('POST', '/api/auth/login', {
        status: 423,
        body: { error: { code: 'ACCOUNT_LOCKED', message: 'locked', lockedUntil: '2026-12-06T03:30:00Z' } },
      })
      .install();
    renderRoutes(routes(), '/signin');
    await signIn('admin@sangkhom.go.th', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ถูกล็อกชั่วคราว');
    expect(alert.textContent).toContain('2569');
    expect(alert.textContent).toContain('10:30');
  });

  it('offers the organisation account when OIDC is configured', async () => {
    server.on('GET', '/api/auth/config', { body: { oidc: true, oidcLoginUrl: '/oauth2/authorization/oidc' } }).install();
    renderRoutes(routes(), '/signin');
    const link = await screen.findByRole('link', { name: 'เข้าสู่ระบบด้วยบัญชีของหน่วยงาน' });
    expect(link.getAttribute('href')).toBe('/oauth2/authorization/oidc');
  });

  it('switches to English', async () => {
    server.install();
    renderRoutes(routes(), '/signin');
    await userEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByLabelText('E-mail')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem('phatthana.language')).toBe('en');
  });

  it('follows only paths of the console after sign-in', () => {
    expect(safeNext('/staff?x=1')).toBe('/staff?x=1');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
