import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { CredentialsPage } from './CredentialsPage';

const routes = [{ path: '/admin/credentials', element: <RequireSignIn><CredentialsPage /></RequireSignIn> }];
const credential = {
  id: 'c1', name: 'DLA e-Learning', key: 'key-abc', scopes: ['STATEMENTS_WRITE', 'STATE'], enabled: true, endpoint: 'https://phatthana.example/xapi/',
  createdAt: '2026-10-01T03:00:00Z', rotatedAt: null, previousSecretValidUntil: null, lastUsedAt: '2026-12-06T03:00:00Z', statementCount: 1234,
};

describe('CredentialsPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN }).graphql('XapiCredentials', { xapiCredentials: [credential] });
  });

  it('lists usage and creates credentials with the chosen scopes, showing endpoint, key and secret once', async () => {
    server
      .graphql('CreateXapiCredential', {
        createXapiCredential: { xapiCredential: { id: 'c2', name: 'Moodle', key: 'key-new', endpoint: 'https://phatthana.example/xapi/' }, secret: 'sec-new', userErrors: [] },
      })
      .install();
    renderRoutes(routes, '/admin/credentials');
    const row = (await screen.findByText('DLA e-Learning')).closest('tr')!;
    expect(row.textContent).toContain('statements/write');
    expect(row.textContent).toContain('1,234');
    expect(row.textContent).toContain('ยังไม่เคยเปลี่ยน');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างข้อมูลเชื่อมต่อ' }));
    const form = screen.getByRole('form', { name: 'สร้างข้อมูลเชื่อมต่อใหม่' });
    await userEvent.type(within(form).getByLabelText('ชื่อผู้ให้บริการ'), 'Moodle');
    await userEvent.click(within(form).getByRole('checkbox', { name: /statements\/read\/mine/ }));
    await userEvent.click(within(form).getByRole('checkbox', { name: /define/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'สร้างข้อมูลเชื่อมต่อ' }));
    const panel = await screen.findByTestId('new-credential');
    expect(panel.textContent).toContain('sec-new');
    expect(panel.textContent).toContain('key-new');
    expect(within(panel).getByRole('button', { name: 'คัดลอกรหัสลับ' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'คัดลอกที่อยู่ LRS (endpoint)' })).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'CreateXapiCredential')!.variables).toEqual({
      input: { name: 'Moodle', scopes: ['STATEMENTS_WRITE', 'STATE', 'DEFINE', 'PROFILE'] },
    });
  });

  it('rotates after confirmation and says until when the old secret works', async () => {
    server
      .graphql('RotateXapiCredentialSecret', {
        rotateXapiCredentialSecret: {
          xapiCredential: { id: 'c1', name: 'DLA e-Learning', key: 'key-abc', endpoint: 'https://phatthana.example/xapi/', previousSecretValidUntil: '2026-12-07T03:00:00Z' },
          secret: 'sec-rotated',
          userErrors: [],
        },
      })
      .install();
    renderRoutes(routes, '/admin/credentials');
    const row = (await screen.findByText('DLA e-Learning')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'เปลี่ยนรหัสลับ' }));
    expect(server.operations()).not.toContain('RotateXapiCredentialSecret');
    await userEvent.click(screen.getByRole('button', { name: 'ยืนยันเปลี่ยนรหัสลับ' }));
    const panel = await screen.findByTestId('rotated-credential');
    expect(panel.textContent).toContain('sec-rotated');
    expect(within(panel).getByTestId('grace').textContent).toBe('รหัสลับเดิมยังใช้ได้ถึง 7 ธ.ค. 2569 10:00');
  });

  it('deletes only after the confirmation', async () => {
    server.graphql('DeleteXapiCredential', { deleteXapiCredential: { userErrors: [] } }).install();
    renderRoutes(routes, '/admin/credentials');
    const row = (await screen.findByText('DLA e-Learning')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'ลบ' }));
    expect(server.operations()).not.toContain('DeleteXapiCredential');
    await userEvent.click(screen.getByRole('button', { name: 'ยืนยันลบ' }));
    expect(await screen.findByText('ลบข้อมูลเชื่อมต่อ “DLA e-Learning” แล้ว')).toBeTruthy();
  });
});
