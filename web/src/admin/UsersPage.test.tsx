import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { UsersPage } from './UsersPage';

const routes = [{ path: '/admin/users', element: <RequireSignIn><UsersPage /></RequireSignIn> }];
const admin = {
  id: 'u1', name: 'ปรีชา ดูแลระบบ', email: 'admin@sangkhom.go.th', roles: ['TENANT_ADMIN'], enabled: true, createdAt: '2026-01-05T03:00:00Z',
  invitationPending: false, invitationExpiresAt: null, lastSignInAt: '2026-12-01T02:30:00Z',
};
const invited = {
  id: 'u2', name: 'สมศรี ใจงาม', email: 'somsri@sangkhom.go.th', roles: ['HR_OFFICER'], enabled: true, createdAt: '2026-12-05T03:00:00Z',
  invitationPending: true, invitationExpiresAt: '2099-12-08T03:00:00Z', lastSignInAt: null,
};
const LAST_ADMIN = 'หน่วยงานต้องมีผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN) ที่ใช้งานได้อย่างน้อยหนึ่งคน';

describe('UsersPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN }).graphql('AdminUsers', { users: [invited, admin] });
  });

  it('lists users with roles in Thai, the pending invitation and the last sign-in in the Buddhist era', async () => {
    server.install();
    renderRoutes(routes, '/admin/users');
    await screen.findByTestId('users-table');
    const own = screen.getByText('ปรีชา ดูแลระบบ').closest('tr')!;
    expect(own.textContent).toContain('ผู้ดูแลระบบของหน่วยงาน');
    expect(own.textContent).toContain('2569');
    const pending = screen.getByText('สมศรี ใจงาม').closest('tr')!;
    expect(pending.textContent).toContain('รอตอบรับคำเชิญ');
    expect(pending.textContent).toContain('ยังไม่เคย');
    expect(within(pending).getByRole('button', { name: 'ส่งคำเชิญใหม่' })).toBeTruthy();
    expect(within(own).queryByRole('button', { name: 'ส่งคำเชิญใหม่' })).toBeNull();
  });

  it('invites with the chosen roles and shows the link once, saying it was not e-mailed', async () => {
    server
      .graphql('InviteUser', {
        inviteUser: { user: { id: 'u3', name: 'วันดี มีสุข', email: 'wandee@sangkhom.go.th' }, invitationUrl: 'https://phatthana.example/invite/tok-3', expiresAt: '2026-12-09T03:00:00Z', invitationEmailed: false, userErrors: [] },
      })
      .install();
    renderRoutes(routes, '/admin/users');
    await screen.findByTestId('users-table');
    await userEvent.click(screen.getByRole('button', { name: 'เชิญผู้ใช้' }));
    await userEvent.type(screen.getByLabelText('ชื่อ-สกุล'), 'วันดี มีสุข');
    await userEvent.type(screen.getByLabelText('อีเมล'), 'wandee@sangkhom.go.th');
    const form = screen.getByRole('form', { name: 'เชิญผู้ใช้ใหม่' });
    await userEvent.click(within(form).getByRole('checkbox', { name: /ผู้ดูข้อมูล/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'สร้างคำเชิญ' }));
    const invitation = await screen.findByTestId('invitation');
    expect(invitation.textContent).toContain('https://phatthana.example/invite/tok-3');
    expect(invitation.textContent).toContain('ระบบไม่ได้ส่งอีเมล');
    expect(within(invitation).getByRole('button', { name: 'คัดลอกลิงก์' })).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'InviteUser')!.variables).toEqual({
      input: { name: 'วันดี มีสุข', email: 'wandee@sangkhom.go.th', roles: ['HR_OFFICER', 'VIEWER'] },
    });
  });

  it('shows a refused invitation next to the field it names', async () => {
    server
      .graphql('InviteUser', {
        inviteUser: { user: null, invitationUrl: null, expiresAt: null, invitationEmailed: false, userErrors: [{ field: ['input', 'email'], message: 'มีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว', code: 'DUPLICATE' }] },
      })
      .install();
    renderRoutes(routes, '/admin/users');
    await screen.findByTestId('users-table');
    await userEvent.click(screen.getByRole('button', { name: 'เชิญผู้ใช้' }));
    await userEvent.type(screen.getByLabelText('ชื่อ-สกุล'), 'ซ้ำ');
    await userEvent.type(screen.getByLabelText('อีเมล'), 'admin@sangkhom.go.th');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างคำเชิญ' }));
    expect(await screen.findByText('มีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว')).toBeTruthy();
    expect(screen.getByLabelText('อีเมล').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('อีเมล').getAttribute('aria-describedby')).toBe(screen.getByText('มีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว').id);
  });

  it('shows the refusal to leave no administrator at the user\'s row', async () => {
    server
      .graphql('SetUserRoles', { setUserRoles: { user: null, userErrors: [{ field: ['input', 'roles'], message: LAST_ADMIN, code: 'LAST_ADMIN' }] } })
      .graphql('SetUserEnabled', { setUserEnabled: { user: null, userErrors: [{ field: ['input', 'enabled'], message: LAST_ADMIN, code: 'LAST_ADMIN' }] } })
      .install();
    renderRoutes(routes, '/admin/users');
    await screen.findByTestId('users-table');
    const own = screen.getByText('ปรีชา ดูแลระบบ').closest('tr')!;
    await userEvent.click(within(own).getByRole('button', { name: 'เปลี่ยนบทบาท' }));
    const form = screen.getByRole('form', { name: 'บทบาทของ ปรีชา ดูแลระบบ' });
    await userEvent.click(within(form).getByRole('checkbox', { name: /ผู้ดูแลระบบของหน่วยงาน/ }));
    await userEvent.click(within(form).getByRole('checkbox', { name: /เจ้าหน้าที่งานบุคคล/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'บันทึกบทบาท' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(LAST_ADMIN);
    expect(own.nextElementSibling!.contains(alert)).toBe(true);
    expect(own.getAttribute('aria-describedby')).toBe(alert.id);
    expect(server.calls.find((c) => c.operation === 'SetUserRoles')!.variables).toEqual({ input: { userId: 'u1', roles: ['HR_OFFICER'] } });

    await userEvent.click(within(own).getByRole('button', { name: 'ระงับการใช้งาน' }));
    expect((await screen.findByRole('alert')).textContent).toBe(LAST_ADMIN);
    expect(server.calls.find((c) => c.operation === 'SetUserEnabled')!.variables).toEqual({ input: { userId: 'u1', enabled: false } });
  });
});
