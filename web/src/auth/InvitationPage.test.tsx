import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { InvitationPage } from './InvitationPage';

const routes = [
  { path: '/invite/:token', element: <InvitationPage /> },
  { path: '/', element: <p>home</p> },
];

describe('InvitationPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { status: 401, body: {} });
  });

  it('shows who is invited by whom and until when, then sets the password and signs in', async () => {
    server
      .on('GET', '/api/auth/invitations/tok-123', {
        body: { name: 'สมศรี ใจงาม', email: 'somsri@sangkhom.go.th', organisation: { nameTh: 'องค์การบริหารส่วนตำบลสังคม' }, expiresAt: '2026-12-09T03:00:00Z' },
      })
      .on('POST', '/api/auth/invitations/tok-123/accept', { body: TENANT_ADMIN })
      .install();
    renderRoutes(routes, '/invite/tok-123');
    expect(await screen.findByText(/คุณสมศรี ใจงาม ได้รับเชิญ/)).toBeTruthy();
    expect(screen.getByText('somsri@sangkhom.go.th')).toBeTruthy();
    expect(screen.getByText(/ใช้ได้ถึง 9 ธ\.ค\. 2569/)).toBeTruthy();

    await userEvent.type(screen.getByLabelText('รหัสผ่านใหม่'), 'a long new password');
    await userEvent.type(screen.getByLabelText('ยืนยันรหัสผ่านใหม่'), 'a long new passwort');
    await userEvent.click(screen.getByRole('button', { name: 'ตั้งรหัสผ่านและเข้าสู่ระบบ' }));
    expect((await screen.findByRole('alert')).textContent).toBe('รหัสผ่านทั้งสองช่องไม่ตรงกัน');
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.clear(screen.getByLabelText('ยืนยันรหัสผ่านใหม่'));
    await userEvent.type(screen.getByLabelText('ยืนยันรหัสผ่านใหม่'), 'a long new password');
    await userEvent.click(screen.getByRole('button', { name: 'ตั้งรหัสผ่านและเข้าสู่ระบบ' }));
    expect(await screen.findByText('home')).toBeTruthy();
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({ password: 'a long new password' });
  });

  it('says plainly when the link no longer works', async () => {
    server.on('GET', '/api/auth/invitations/old', { status: 410, body: { error: { code: 'INVITATION_EXPIRED', message: 'expired' } } }).install();
    renderRoutes(routes, '/invite/old');
    expect((await screen.findByRole('alert')).textContent).toContain('ลิงก์คำเชิญนี้ใช้ไม่ได้แล้ว');
  });
});
