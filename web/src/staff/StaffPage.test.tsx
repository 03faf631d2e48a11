import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/auth';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { StaffPage } from './StaffPage';

const routes = [{ path: '/staff/person', element: <RequireSignIn><StaffPage /></RequireSignIn> }];
const VIEWER: SessionUser = { ...TENANT_ADMIN, id: 'u9', roles: ['VIEWER'] };

function person(supervisor: { id: string; fullNameTh: string; positionTitle: string } | null) {
  return {
    staff: {
      id: 'org-1/s1', staffNumber: '001', fullNameTh: 'นางสาวมาลี ศรีสุข', personnelType: 'LOCAL_OFFICIAL', positionTitle: 'นักจัดการงานทั่วไป',
      positionType: 'GENERAL', lineOfWork: null, level: 'ปฏิบัติการ', division: { nameTh: 'สำนักปลัด' }, supervisor,
      appointmentDate: '2020-10-01', probationEndDate: null, status: 'ACTIVE', hasCitizenId: true, targetGroups: [], xapiIdentities: [],
    },
    planInForce: null,
  };
}

describe('StaffPage supervisor', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN });
  });

  it('shows the supervisor and sets another one found by name', async () => {
    let current: { id: string; fullNameTh: string; positionTitle: string } | null = { id: 'org-1/s2', fullNameTh: 'นายสมชาย ใจดี', positionTitle: 'หัวหน้าสำนักปลัด' };
    server
      .graphql('StaffPage', () => person(current))
      .graphql('PlanStaffSearch', { staffMembers: { edges: [{ node: { id: 'org-1/s3', fullNameTh: 'นางวิไล รักงาน', positionTitle: 'ปลัด อบต.' } }] } })
      .graphql('IdpSetSupervisor', (call) => {
        current = { id: 'org-1/s3', fullNameTh: 'นางวิไล รักงาน', positionTitle: 'ปลัด อบต.' };
        expect(call.variables).toEqual({ input: { id: 'org-1/s1', supervisorId: 'org-1/s3' } });
        return { updateStaff: { staff: { id: 'org-1/s1', supervisor: current }, userErrors: [] } };
      })
      .install();
    renderRoutes(routes, '/staff/person?id=org-1%2Fs1');
    const shown = await screen.findByTestId('staff-supervisor');
    expect(shown.textContent).toBe('นายสมชาย ใจดี (หัวหน้าสำนักปลัด)');
    expect(within(shown).getByRole('link', { name: 'นายสมชาย ใจดี' }).getAttribute('href')).toBe('/staff/person?id=org-1%2Fs2');
    await userEvent.type(screen.getByLabelText('เปลี่ยนผู้บังคับบัญชา: ค้นหาจากชื่อ'), 'วิไล');
    await userEvent.click(await screen.findByRole('button', { name: 'นางวิไล รักงาน' }));
    await screen.findByText('นางวิไล รักงาน', { selector: '[data-testid=staff-supervisor] a' });
    expect(server.operations()).toContain('IdpSetSupervisor');
  });

  it('removes the supervisor, and shows the refusal of someone who reports to the person', async () => {
    server
      .graphql('StaffPage', person({ id: 'org-1/s2', fullNameTh: 'นายสมชาย ใจดี', positionTitle: 'หัวหน้าสำนักปลัด' }))
      .graphql('PlanStaffSearch', { staffMembers: { edges: [{ node: { id: 'org-1/s4', fullNameTh: 'นายน้อย ตามสั่ง', positionTitle: 'เจ้าพนักงานธุรการ' } }] } })
      .graphql('IdpSetSupervisor', (call) => {
        const input = (call.variables as { input: { supervisorId: string | null } }).input;
        return input.supervisorId === null
          ? { updateStaff: { staff: { id: 'org-1/s1', supervisor: null }, userErrors: [] } }
          : { updateStaff: { staff: null, userErrors: [{ field: ['supervisorId'], message: 'ผู้บังคับบัญชาต้องไม่ใช่ผู้ใต้บังคับบัญชาของบุคคลนี้', code: 'INVALID' }] } };
      })
      .install();
    renderRoutes(routes, '/staff/person?id=org-1%2Fs1');
    await screen.findByTestId('staff-supervisor');
    await userEvent.type(screen.getByLabelText('เปลี่ยนผู้บังคับบัญชา: ค้นหาจากชื่อ'), 'น้อย');
    await userEvent.click(await screen.findByRole('button', { name: 'นายน้อย ตามสั่ง' }));
    expect((await screen.findByRole('alert')).textContent).toContain('ผู้บังคับบัญชาต้องไม่ใช่ผู้ใต้บังคับบัญชาของบุคคลนี้');
    await userEvent.click(screen.getByRole('button', { name: 'นำผู้บังคับบัญชาออก' }));
    const removal = server.calls.filter((c) => c.operation === 'IdpSetSupervisor').at(-1)!;
    expect(removal.variables).toEqual({ input: { id: 'org-1/s1', supervisorId: null } });
  });

  it('does not offer the change to someone who only reads the register', async () => {
    server.on('GET', '/api/auth/session', { body: VIEWER }).graphql('StaffPage', person(null)).install();
    renderRoutes(routes, '/staff/person?id=org-1%2Fs1');
    expect((await screen.findByTestId('staff-supervisor')).textContent).toBe('ยังไม่ได้บันทึก');
    expect(screen.queryByTestId('staff-supervisor-editor')).toBeNull();
  });
});

describe('StaffPage certificate form', () => {
  it('writes the chosen date in the Buddhist Era beside the browser\'s Gregorian date input', async () => {
    new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN }).graphql('StaffPage', person(null)).install();
    renderRoutes(routes, '/staff/person?id=org-1%2Fs1');
    const date = await screen.findByLabelText('วันที่ได้รับ');
    expect(date.parentElement?.querySelector('.date-in-buddhist-era')).toBeNull();
    fireEvent.change(date, { target: { value: '2027-09-30' } });
    expect(within(date.parentElement!).getByText('30 กันยายน 2570')).toBeTruthy();
  });
});
