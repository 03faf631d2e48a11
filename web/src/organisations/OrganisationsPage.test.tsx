import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { NATIONAL, renderRoutes } from '../test/render';
import { OrganisationsPage } from './OrganisationsPage';

const routes = [{ path: '/organisations', element: <RequireSignIn><OrganisationsPage /></RequireSignIn> }];
const sangkhom = { id: 'org-1', code: '6431501', nameTh: 'องค์การบริหารส่วนตำบลสังคม', kind: 'SAO', municipalClass: null, province: 'หนองคาย', district: 'สังคม', status: 'ACTIVE' };

describe('OrganisationsPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer()
      .on('GET', '/api/auth/session', { body: NATIONAL })
      .graphql('Organisations', { organisations: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: sangkhom }] } });
  });

  it('searches and filters by kind and status', async () => {
    server.install();
    renderRoutes(routes, '/organisations');
    await screen.findByTestId('organisations');
    await userEvent.type(screen.getByLabelText('ค้นหาชื่อหรือรหัสหน่วยงาน'), 'สังคม');
    await userEvent.selectOptions(screen.getByLabelText('ประเภท'), 'องค์การบริหารส่วนตำบล');
    await userEvent.selectOptions(screen.getByLabelText('สถานะ'), 'ระงับการใช้งาน');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const last = server.calls.filter((c) => c.operation === 'Organisations').at(-1)!;
    expect(last.variables).toEqual({ filter: { search: 'สังคม', province: null, kind: 'SAO', status: 'SUSPENDED' }, after: null });
  });

  it('invites the first administrator and shows the link once with a copy button', async () => {
    server
      .graphql('InviteAdministrator', {
        inviteUser: { user: { id: 'u9', name: 'สมศรี ใจงาม', email: 'somsri@x.go.th' }, invitationUrl: '/invite/tok-9', expiresAt: '2026-12-09T03:00:00Z', userErrors: [] },
      })
      .install();
    renderRoutes(routes, '/organisations');
    const row = (await screen.findByText('องค์การบริหารส่วนตำบลสังคม')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'เชิญผู้ดูแลระบบ' }));
    await userEvent.type(screen.getByLabelText('ชื่อ-สกุลผู้รับเชิญ'), 'สมศรี ใจงาม');
    await userEvent.type(screen.getByLabelText('อีเมลผู้รับเชิญ'), 'somsri@x.go.th');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างลิงก์คำเชิญ' }));
    const invitation = await screen.findByTestId('invitation');
    expect(invitation.textContent).toContain(`${window.location.origin}/invite/tok-9`);
    expect(within(invitation).getByRole('button', { name: 'คัดลอกลิงก์' })).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'InviteAdministrator')!.variables).toEqual({
      organisationId: 'org-1', name: 'สมศรี ใจงาม', email: 'somsri@x.go.th', roles: ['TENANT_ADMIN'],
    });
  });

  it('suspends with a reason', async () => {
    server.graphql('SuspendOrganisation', { suspendOrganisation: { organisation: { id: 'org-1', status: 'SUSPENDED' }, userErrors: [] } }).install();
    renderRoutes(routes, '/organisations');
    const row = (await screen.findByText('องค์การบริหารส่วนตำบลสังคม')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'ระงับการใช้งาน' }));
    await userEvent.type(screen.getByLabelText('เหตุผล (บันทึกในประวัติการเปลี่ยนแปลง)'), 'ยุบรวม');
    const form = screen.getByText(/ระงับองค์การบริหารส่วนตำบลสังคม\?/).closest('form')!;
    await userEvent.click(within(form).getByRole('button', { name: 'ระงับการใช้งาน' }));
    expect(await screen.findByText('ระงับการใช้งานองค์การบริหารส่วนตำบลสังคมแล้ว')).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'SuspendOrganisation')!.variables).toEqual({ input: { id: 'org-1', reason: 'ยุบรวม' } });
  });
});
