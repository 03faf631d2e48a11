import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { IdpPersonPage } from './IdpPersonPage';

const routes = [{ path: '/idp/person', element: <RequireSignIn><IdpPersonPage /></RequireSignIn> }];

const plan = {
  id: 'org-1/idp-1', fiscalYear: 2570, planDate: '2026-11-02', status: 'DRAFT',
  gaps: [{ competencyCode: 'C01', nameTh: 'การมุ่งผลสัมฤทธิ์', requiredLevel: 3, assessedLevel: 1, assessed: true, gap: 2 }],
  items: [
    { key: 'a1', competencyCode: 'C01', kind: 'COURSE', planId: 'org-1/plan', courseKey: 'digital', activityIds: [], titleTh: 'หลักสูตรดิจิทัล',
      targetDate: '2027-03-31', note: null, done: true, overdue: false },
  ],
  staffAgreement: { party: 'STAFF_MEMBER', agreedOn: '2026-11-03', recordedBy: 'เจ้าหน้าที่งานบุคคล', onPaper: true },
  supervisorAgreement: null,
  progress: { items: 1, done: 1, share: 100, overdue: 0 },
};

describe('IdpPersonPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN });
  });

  it('shows the plan, and a refused agreement beside the party it names', async () => {
    server
      .graphql('IdpPerson', {
        staff: { id: 'org-1/s1', staffNumber: '001', fullNameTh: 'นางสาวสุดา ใจดี', positionTitle: 'นักทรัพยากรบุคคล', level: 'ปฏิบัติการ',
          division: { id: 'org-1/d1', nameTh: 'สำนักปลัด' }, supervisor: null },
        individualPlans: [plan],
        planInForce: { id: 'org-1/plan', title: 'แผน', content: { courses: [{ key: 'digital', titleTh: 'หลักสูตรดิจิทัล' }] } },
      })
      .graphql('IdpSupervisorChoices', { staffMembers: { edges: [] } })
      .graphql('AgreeIdp', {
        agreeIndividualPlan: {
          individualPlan: null,
          userErrors: [{ field: ['input', 'party'], message: 'ยังไม่ได้บันทึกผู้บังคับบัญชาของบุคลากรผู้นี้ในทะเบียนบุคลากร กรุณาบันทึกก่อน', code: 'NO_SUPERVISOR' }],
        },
      })
      .install();
    renderRoutes(routes, '/idp/person?id=org-1%2Fs1&year=2570');
    const items = await screen.findByTestId('idp-items');
    expect(within(items).getByText('หลักสูตรดิจิทัล')).toBeTruthy();
    expect(within(items).getByText('ดำเนินการแล้ว')).toBeTruthy();
    const staffCard = screen.getByRole('heading', { name: 'ผู้รับการพัฒนา' }).closest('.card')!;
    expect(staffCard.getAttribute('data-agreed')).toBe('true');
    expect(screen.getByTestId('idp-supervisor').textContent).toContain('ยังไม่ได้บันทึกผู้บังคับบัญชา');

    await userEvent.click(screen.getByRole('button', { name: 'บันทึกความเห็นชอบของผู้บังคับบัญชา' }));
    const supervisorCard = screen.getByRole('heading', { name: 'ผู้บังคับบัญชา' }).closest('.card')!;
    expect(await within(supervisorCard as HTMLElement).findByRole('alert')).toBeTruthy();
    expect(supervisorCard.textContent).toContain('กรุณาบันทึกก่อน');
    expect(server.calls.find((c) => c.operation === 'AgreeIdp')!.variables).toMatchObject({
      input: { id: 'org-1/idp-1', party: 'SUPERVISOR' },
    });
  });
});
