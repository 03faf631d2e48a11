import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/auth';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { NATIONAL, renderRoutes } from '../test/render';
import { PlanReviewPage } from './PlanReviewPage';
import { ReviewQueuePage } from './ReviewQueuePage';

const COMMITTEE: SessionUser = {
  id: 'c1', name: 'กรรมการ', email: 'c@example.go.th', roles: ['PROVINCIAL_COMMITTEE'], organisation: null, language: 'th',
  province: 'หนองคาย', committeeKind: 'SAO',
};
const PLAN_ID = 'org-1/plan/2570';
const routes = [
  { path: '/review', element: <RequireSignIn><ReviewQueuePage /></RequireSignIn> },
  { path: '/review/plan', element: <RequireSignIn><PlanReviewPage /></RequireSignIn> },
];

const content = {
  rationale: 'เหตุผลของแผน',
  goals: [{ key: 'g1', title: 'บุคลากรได้รับการพัฒนา', description: null, indicators: [
    { key: 'i1', description: 'ร้อยละของบุคลากรที่ได้รับการพัฒนา', metric: 'STAFF_DEVELOPED_SHARE', unit: 'PERCENT', comparator: 'AT_LEAST',
      targets: [{ fiscalYear: 2570, value: 100 }, { fiscalYear: 2571, value: 100 }, { fiscalYear: 2572, value: 100 }] }] }],
  courses: [{
    key: 'digital-skills', titleTh: 'หลักสูตรทักษะดิจิทัล', titleEn: null, description: null, category: 'JOB_DUTIES', competencyCodes: [],
    methods: ['E_LEARNING'], provider: null,
    target: { allStaff: true, targetGroups: [], positionTypes: [], linesOfWork: [], divisionIds: [], staffIds: [], description: null },
    schedule: { fiscalYears: [2570, 2571, 2572], months: [11, 12], note: null },
    yearly: [{ fiscalYear: 2570, plannedParticipants: 42, budget: 0 }, { fiscalYear: 2572, plannedParticipants: 42, budget: 15000 }],
    totalBudget: 15000,
  }],
  methodsAndDuration: { description: 'พัฒนาตามแผนแม่บท', methodsUsed: ['E_LEARNING'] },
  budget: { description: 'เทศบัญญัติ', total: 15000, byFiscalYear: [{ fiscalYear: 2570, amount: 0, plannedParticipants: 42, courseCount: 1 }] },
  monitoring: { description: 'ติดตามทุกปี', checkpoints: [{ phase: 'CHECK', description: 'ประเมินผล', months: [9], responsible: 'คณะกรรมการ' }] },
  committee: { appointmentOrderNumber: '12/2569', appointmentDate: '2026-06-01', members: [
    { key: 'm1', role: 'CHAIR', staffId: null, name: 'นายก', position: 'นายก อบต.' }] },
};
const review = (decision: string, comments: string) => ({
  decision, comments, resolutionNumber: null, resolutionDate: null, committee: 'ก.อบต.จังหวัดหนองคาย', at: '2026-11-01T03:00:00Z',
  reviewer: { id: 'c9', name: 'กรรมการเดิม' },
});
const plan = {
  id: PLAN_ID, title: 'แผนพัฒนาบุคลากร ๓ ปี', status: 'IN_FORCE', fiscalYears: [2570, 2571, 2572], approvingCommittee: 'ก.อบต.จังหวัดหนองคาย',
  organisation: { id: 'org-1', nameTh: 'องค์การบริหารส่วนตำบลสังคม', province: 'หนองคาย' },
  currentVersion: { number: 0, label: 'ฉบับแรก', effectiveFrom: '2026-10-01' },
  draft: {
    number: 1, label: 'ฉบับปรับปรุง ครั้งที่ 1', reason: 'เพิ่มงบประมาณ', status: 'SUBMITTED', submittedAt: '2026-12-01T03:00:00Z',
    announcementDate: null, effectiveFrom: null, createdAt: '2026-11-01T03:00:00Z', submittedBy: { id: 'u1', name: 'เจ้าหน้าที่' },
    reviews: [review('RETURNED', 'ขอเหตุผลเพิ่มเติม')], approval: null, content,
  },
  versions: [],
};
const diff = {
  from: 0, to: 1, identical: false,
  sections: [{ section: 'COURSES', fields: [], items: [
    { key: 'digital-skills', title: 'หลักสูตรทักษะดิจิทัล', change: 'CHANGED', fields: [{ field: 'yearly.2572.budget', before: '0', after: '15000' }] },
    { key: 'new-course', title: 'หลักสูตรใหม่', change: 'ADDED', fields: [] },
  ] }],
};

describe('the review pages', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer()
      .graphql('ReviewQueue', { planReviewQueue: { totalCount: 1, edges: [{ node: {
        id: PLAN_ID, title: plan.title, fiscalYears: plan.fiscalYears, organisation: plan.organisation,
        draft: { number: 1, label: 'ฉบับปรับปรุง ครั้งที่ 1', status: 'SUBMITTED', submittedAt: '2026-12-01T03:00:00Z' } } }] } })
      .graphql('PlanForReview', { plan })
      .graphql('PlanReviewDiff', { plan: { id: PLAN_ID, diff } });
  });

  it('links a queued plan by its id in the query string', async () => {
    server.on('GET', '/api/auth/session', { body: COMMITTEE }).install();
    renderRoutes(routes, '/review');
    const table = await screen.findByTestId('review-queue');
    const link = within(table).getByRole('link', { name: /พิจารณา แผนพัฒนาบุคลากร/ });
    expect(link.getAttribute('href')).toBe('/review/plan?id=org-1%2Fplan%2F2570');
    expect(within(table).getByText('ฉบับปรับปรุง ครั้งที่ 1')).toBeTruthy();
  });

  it('shows the draft as a document, the differences, earlier comments, and approves with the resolution', async () => {
    server
      .graphql('ApprovePlan', (call) => {
        const input = (call.variables as { input: { resolutionNumber: string } }).input;
        return input.resolutionNumber
          ? { approvePlan: { plan: { id: PLAN_ID, status: 'IN_FORCE', currentVersion: { number: 1, label: 'ฉบับปรับปรุง ครั้งที่ 1' } }, userErrors: [] } }
          : { approvePlan: { plan: null, userErrors: [{ field: ['input', 'resolutionNumber'], message: 'ต้องระบุเลขที่มติของคณะกรรมการ', code: 'REQUIRED' }] } };
      })
      .on('GET', '/api/auth/session', { body: COMMITTEE })
      .install();
    renderRoutes(routes, `/review/plan?id=${encodeURIComponent(PLAN_ID)}`);
    await screen.findByTestId('review-revision');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(expect.arrayContaining([
      '1. หลักการและเหตุผล', '2. เป้าหมายการพัฒนา', '3. หลักสูตรการพัฒนา', '4. วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา', '5. งบประมาณ',
      '6. การติดตามและประเมินผล', 'คณะกรรมการจัดทำแผนพัฒนาบุคลากร']));
    expect(screen.getByRole('heading', { level: 3, name: '3.2 หลักสูตรการพัฒนาเกี่ยวกับงานในหน้าที่รับผิดชอบ' })).toBeTruthy();
    expect(within(screen.getByTestId('earlier-reviews')).getByText('ขอเหตุผลเพิ่มเติม')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'เปรียบเทียบกับฉบับที่ใช้บังคับ' }));
    const changed = (await screen.findByTestId('plan-diff')).querySelector('[data-diff-item=digital-skills]')!;
    expect(changed.textContent).toContain('[แก้ไข]');
    expect(changed.textContent).toContain('งบประมาณ (บาท) ปี 2572');
    expect(changed.textContent).toContain('15,000');
    expect(screen.getByTestId('plan-diff').querySelector('[data-diff-item=new-course]')!.textContent).toContain('[เพิ่มใหม่]');
    expect(server.calls.find((c) => c.operation === 'PlanReviewDiff')!.variables).toEqual({ id: PLAN_ID, from: 0, to: 1 });

    const form = screen.getByTestId('approve-form');
    await userEvent.click(within(form).getByRole('button', { name: 'ให้ความเห็นชอบ' }));
    const field = within(form).getByLabelText('มติที่ประชุม ครั้งที่/เลขที่');
    expect(await within(form).findByText('ต้องระบุเลขที่มติของคณะกรรมการ')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(field, 'ครั้งที่ 9/2569');
    await userEvent.click(within(form).getByRole('button', { name: 'ให้ความเห็นชอบ' }));
    expect((await screen.findByTestId('review-result')).textContent).toBe('ให้ความเห็นชอบฉบับปรับปรุง ครั้งที่ 1 แล้ว ตามมติ ครั้งที่ 9/2569');
    const calls = server.calls.filter((c) => c.operation === 'ApprovePlan');
    expect((calls[1].variables as { input: object }).input).toMatchObject({ planId: PLAN_ID, resolutionNumber: 'ครั้งที่ 9/2569', comments: null });
  });

  it('shows a national user the plan without the decision forms', async () => {
    server.on('GET', '/api/auth/session', { body: NATIONAL }).install();
    renderRoutes(routes, `/review/plan?id=${encodeURIComponent(PLAN_ID)}`);
    await screen.findByTestId('review-revision');
    expect(screen.getByText(/ดูอย่างเดียว/)).toBeTruthy();
    expect(screen.queryByTestId('approve-form')).toBeNull();
    expect(screen.queryByTestId('return-form')).toBeNull();
  });
});
