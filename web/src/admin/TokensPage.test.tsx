import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { addDays, isoDateInBangkok } from './dates';
import { TokensPage } from './TokensPage';

const routes = [{ path: '/admin/tokens', element: <RequireSignIn><TokensPage /></RequireSignIn> }];
const token = {
  id: 't1', name: 'dashboard ผู้บริหาร', user: null, roles: ['VIEWER'], createdAt: '2026-11-01T03:00:00Z',
  expiresAt: '2099-01-31T16:59:59Z', revokedAt: null, lastUsedAt: null,
};

describe('TokensPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .graphql('AccessTokens', { accessTokens: [token], users: [{ id: 'u1', name: 'ปรีชา ดูแลระบบ', enabled: true }] });
  });

  it('creates a token valid to the end of the chosen day in Bangkok and shows its value once', async () => {
    server
      .graphql('CreateAccessToken', { createAccessToken: { accessToken: { id: 't2', name: 'รายงาน' }, token: 'ptk_secret_value', userErrors: [] } })
      .install();
    renderRoutes(routes, '/admin/tokens');
    await screen.findByTestId('tokens-table');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างโทเคน' }));
    const form = screen.getByRole('form', { name: 'สร้างโทเคนใหม่' });
    await userEvent.type(within(form).getByLabelText('ชื่อโทเคน (ใช้ทำอะไร)'), 'รายงาน');
    const day = addDays(isoDateInBangkok(new Date()), 90);
    fireEvent.change(within(form).getByLabelText('ใช้ได้ถึงวันที่'), { target: { value: day } });
    await userEvent.click(within(form).getByRole('radio', { name: 'ผู้ใช้ (ตามบทบาทของผู้ใช้นั้น)' }));
    await userEvent.selectOptions(within(form).getByLabelText('ผู้ใช้'), 'ปรีชา ดูแลระบบ');
    await userEvent.click(within(form).getByRole('button', { name: 'สร้างโทเคน' }));
    const panel = await screen.findByTestId('new-token');
    expect(panel.textContent).toContain('ptk_secret_value');
    expect(panel.textContent).toContain('จะไม่แสดงอีก');
    expect(server.calls.find((c) => c.operation === 'CreateAccessToken')!.variables).toEqual({
      input: { name: 'รายงาน', expiresAt: new Date(`${day}T23:59:59+07:00`).toISOString(), userId: 'u1' },
    });
    await userEvent.click(within(panel).getByRole('button', { name: 'เสร็จแล้ว ซ่อนค่านี้' }));
    expect(screen.queryByText('ptk_secret_value')).toBeNull();
  });

  it('revokes only after the confirmation', async () => {
    server.graphql('RevokeAccessToken', { revokeAccessToken: { accessToken: { id: 't1', revokedAt: '2026-12-06T10:00:00Z' }, userErrors: [] } }).install();
    renderRoutes(routes, '/admin/tokens');
    const row = (await screen.findByText('dashboard ผู้บริหาร')).closest('tr')!;
    expect(row.textContent).toContain('บัญชีบริการ');
    await userEvent.click(within(row).getByRole('button', { name: 'เพิกถอน' }));
    expect(server.operations()).not.toContain('RevokeAccessToken');
    await userEvent.click(screen.getByRole('button', { name: 'ยืนยันเพิกถอน' }));
    expect(await screen.findByText('เพิกถอนโทเคน “dashboard ผู้บริหาร” แล้ว')).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'RevokeAccessToken')!.variables).toEqual({ input: { id: 't1' } });
  });
});
