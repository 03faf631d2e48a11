import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { AuditPage } from './AuditPage';
import { actionLabel, auditTh } from './messages';

const routes = [{ path: '/admin/audit', element: <RequireSignIn><AuditPage /></RequireSignIn> }];
const event = (n: number, action = 'competency.add') => ({
  id: `e${n}`, at: new Date(Date.UTC(2026, 11, 6, 5, 0, 0) - n * 60_000).toISOString(), actor: 'u1', actorName: 'สมชาย', action,
  target: `competency:L-00${n}`, origin: null, details: [{ name: 'nameTh', value: 'การใช้ภาษาถิ่น' }],
});

describe('AuditPage', () => {
  it('names actions in Thai and falls back to the raw name', () => {
    expect(actionLabel(auditTh.actions, 'competency.add')).toBe('เพิ่มรายการสมรรถนะของหน่วยงาน');
    expect(actionLabel(auditTh.actions, 'something.new')).toBe('something.new');
    expect(actionLabel(auditTh.actions, 'toString')).toBe('toString');
  });

  it('sends the filters to the server and pages on from the last event', async () => {
    const server = new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .graphql('AuditFilterChoices', { auditActions: ['competency.add', 'user.invite'], users: [{ id: 'u1', name: 'สมชาย', email: 's@x.go.th' }] })
      .graphql('AuditTrail', (call) => ({
        auditTrail: call.variables?.before ? [event(60)] : Array.from({ length: 50 }, (_, i) => event(i + 1)),
      }))
      .install();
    renderRoutes(routes, '/admin/audit');
    expect(await screen.findByText('แสดง 50 รายการ')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('การดำเนินการ'), 'เพิ่มรายการสมรรถนะของหน่วยงาน');
    await userEvent.selectOptions(screen.getByLabelText('ผู้ใช้'), 'u1');
    await userEvent.type(screen.getByLabelText('ตั้งแต่วันที่'), '2026-12-01');
    await screen.findByText('แสดง 50 รายการ');
    expect(server.calls.filter((c) => c.operation === 'AuditTrail').at(-1)!.variables).toEqual({
      first: 50, before: null, action: 'competency.add', actor: 'u1', from: '2026-12-01', to: null,
    });
    await userEvent.click(screen.getByRole('button', { name: 'แสดงเพิ่มเติม' }));
    expect(await screen.findByText('แสดง 51 รายการ')).toBeTruthy();
    expect(server.calls.filter((c) => c.operation === 'AuditTrail').at(-1)!.variables).toMatchObject({
      before: event(50).at, action: 'competency.add',
    });
    expect(screen.getByText('แสดงครบทุกรายการแล้ว')).toBeTruthy();
  });
});
