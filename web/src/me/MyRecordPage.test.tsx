import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { homePath } from '../auth/session';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { MyRecordPage } from './MyRecordPage';
import { verbText } from './RecordView';

const STAFF = { ...TENANT_ADMIN, id: 'u9', name: 'นางสมหญิง ตั้งใจ', roles: ['STAFF', 'SUPERVISOR'] as const };
const routes = [
  { path: '/me', element: <RequireSignIn><MyRecordPage /></RequireSignIn> },
  { path: '*', element: <p>elsewhere</p> },
];
const record = {
  staffId: 'org-1/s1',
  name: 'นางสมหญิง ตั้งใจ',
  positionTitle: 'นักทรัพยากรบุคคลปฏิบัติการ',
  organisationName: 'องค์การบริหารส่วนตำบลสังคม',
  hoursByFiscalYear: [{ fiscalYear: 2570, hours: 7.5, activities: 2 }],
  history: [
    {
      statementId: 'st-1', verbId: 'http://adlnet.gov/expapi/verbs/completed', verb: 'completed', activityId: 'https://x/a',
      title: 'หลักสูตรการเขียนหนังสือราชการ', timestamp: '2026-11-20T05:00:00Z', hours: 6, completed: true,
      certificates: [{ id: 'st-1', contentType: 'application/pdf', fileName: 'ใบประกาศ.pdf', length: 1200, downloadUrl: '/api/certificates/st-1' }],
    },
    {
      statementId: 'st-2', verbId: 'http://adlnet.gov/expapi/verbs/attended', verb: 'attended', activityId: 'https://x/b',
      title: 'การประชุมเชิงปฏิบัติการ', timestamp: '2026-10-02T05:00:00Z', hours: 1.5, completed: false, certificates: [],
    },
  ],
  planInForce: {
    planId: 'org-1/p1', title: 'แผนพัฒนาบุคลากร ๓ ปี', fiscalYear: 2570,
    progress: { hours: 6, coursesCompleted: 1, courses: [
      { courseKey: 'C1', titleTh: 'หลักสูตรการเขียนหนังสือราชการ', targeted: true, started: true, completed: true, hours: 6 },
      { courseKey: 'C2', titleTh: 'หลักสูตรจริยธรรม', targeted: true, started: false, completed: false, hours: 0 },
    ] },
  },
  competencyGaps: [{ code: 'C01', nameTh: 'มุ่งผลสัมฤทธิ์', requiredLevel: 3, assessedLevel: 1, gap: 2 }],
};

describe('MyRecordPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: STAFF });
  });

  it('shows the own record in Thai: hours per fiscal year, the plan courses with their status, gaps, history with its certificate', async () => {
    server.graphql('MyRecord', { myRecord: record, myReports: [{ staffId: 'org-1/s2', name: 'นายสมปอง ขยัน', positionTitle: 'นายช่างโยธา' }] }).install();
    renderRoutes(routes, '/me');
    const history = await screen.findByTestId('history');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ประวัติการพัฒนาของฉัน');
    expect(screen.getByTestId('hours').textContent).toContain('2570');
    expect(screen.getByTestId('hours').textContent).toContain('7.5');
    const courses = screen.getByTestId('plan-courses');
    expect(within(courses).getByText('หลักสูตรจริยธรรม').closest('tr')!.textContent).toContain('ยังไม่เริ่ม');
    expect(within(courses).getByText('หลักสูตรการเขียนหนังสือราชการ').closest('tr')!.textContent).toContain('ผ่านแล้ว');
    expect(screen.getByTestId('gaps').textContent).toContain('มุ่งผลสัมฤทธิ์');
    expect(within(history).getByRole('button', { name: 'ดาวน์โหลดใบประกาศนียบัตร ใบประกาศ.pdf' })).toBeTruthy();
    expect(within(history).getByText('การประชุมเชิงปฏิบัติการ').closest('tr')!.textContent).toContain('เข้าร่วม');
    const reports = screen.getByTestId('reports');
    expect(within(reports).getByRole('link', { name: 'ดูประวัติการพัฒนาของ นายสมปอง ขยัน' }).getAttribute('href')).toBe('/me/person?id=org-1%2Fs2');
  });

  it('shows the own individual development plan and agrees it as the staff member, then reads it again', async () => {
    const plan = {
      id: 'org-1/idp1', fiscalYear: 2570, status: 'DRAFT',
      items: [{ key: 'i1', titleTh: 'หลักสูตรจริยธรรม', courseKey: 'C2', targetDate: '2027-06-30', done: false, overdue: false }],
      staffAgreement: null, supervisorAgreement: null, progress: { items: 1, done: 0 },
    };
    let agreed = false;
    server
      .graphql('MyRecord', () => ({
        myRecord: { ...record, individualPlan: agreed ? { ...plan, staffAgreement: { agreedOn: '2026-12-07', onPaper: false } } : plan },
        myReports: [],
      }))
      .graphql('AgreeIdp', (call) => {
        expect(call.variables).toEqual({ input: { id: 'org-1/idp1', party: 'STAFF_MEMBER' } });
        agreed = true;
        return { agreeIndividualPlan: { individualPlan: null, userErrors: [] } };
      })
      .install();
    renderRoutes(routes, '/me');
    const card = await screen.findByTestId('idp');
    expect(card.textContent).toContain('หลักสูตรจริยธรรม');
    expect(card.textContent).toContain('พัฒนาแล้ว 0 จาก 1 รายการ');
    within(card).getByRole('button', { name: 'ข้าพเจ้าเห็นชอบแผนนี้ในฐานะผู้รับการพัฒนา' }).click();
    await screen.findByText((_, element) => element?.getAttribute('data-party') === 'STAFF_MEMBER' && element.textContent!.includes('เห็นชอบเมื่อวันที่'));
    expect(screen.queryByRole('button', { name: 'ข้าพเจ้าเห็นชอบแผนนี้ในฐานะผู้รับการพัฒนา' })).toBeNull();
  });

  it('says so when the account is not linked to a staff record', async () => {
    server.graphql('MyRecord', { myRecord: null, myReports: [] }).install();
    renderRoutes(routes, '/me');
    expect(await screen.findByText('บัญชีนี้ยังไม่ได้เชื่อมกับทะเบียนบุคลากร กรุณาติดต่อเจ้าหน้าที่งานบุคคล')).toBeTruthy();
  });

  it('starts self-service users on their record, and names verbs in Thai', () => {
    expect(homePath({ ...STAFF, roles: ['STAFF'] })).toBe('/me');
    expect(homePath({ ...STAFF, roles: ['HR_OFFICER'] })).toBe('/dashboard');
    expect(verbText('http://adlnet.gov/expapi/verbs/passed', 'passed', { passed: 'ผ่าน' }, 'เข้าร่วม')).toBe('ผ่าน');
    expect(verbText('https://example/verbs/other', 'ทำแบบฝึกหัด', {}, 'เข้าร่วม')).toBe('ทำแบบฝึกหัด');
  });
});
