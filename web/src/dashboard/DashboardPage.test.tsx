import { act, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHandlers } from '../api/live';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { OwnDashboardPage } from './DashboardPage';
import type { Figures } from './figures';

const live = vi.hoisted(() => ({ handlers: [] as Array<LiveHandlers<unknown>>, variables: [] as unknown[] }));
vi.mock('../api/live', () => ({
  subscribe: (_document: unknown, variables: unknown, handlers: LiveHandlers<unknown>) => {
    live.handlers.push(handlers);
    live.variables.push(variables);
    return () => undefined;
  },
}));

vi.mock('./CourseChart', () => ({ CourseChart: () => <div data-testid="chart" /> }));

function figures(completed: number): Figures {
  return {
    planId: 'org-1/plan-2570',
    fiscalYear: 2570,
    planVersion: 0,
    staffCount: 40,
    staffDeveloped: completed,
    staffDevelopedShare: (completed / 40) * 100,
    individualPlansAgreed: 10,
    individualPlanAgreedShare: 25,
    totalHours: 120,
    hoursPerPerson: 3,
    statementsThrough: 1234,
    indicators: [
      { goalKey: 'g1', goalTitle: 'พัฒนาทุกคน', indicatorKey: 'i1', description: 'ร้อยละของบุคลากรที่ได้รับการพัฒนา', metric: 'STAFF_DEVELOPED_SHARE', unit: 'PERCENT', comparator: 'AT_LEAST', target: 80, value: (completed / 40) * 100, met: completed >= 32 },
    ],
    courses: [
      { courseKey: 'c1', titleTh: 'หลักสูตรปฐมนิเทศ', planned: true, plannedParticipants: 10, targetParticipants: 10, participantsStarted: 8, participantsCompleted: completed, completionRate: 50, totalHours: 40, averageHours: 5, delivered: completed > 0, budgetPlanned: 10000, budgetSpent: 2500, competencyCodes: [] },
      { courseKey: 'c2', titleTh: 'หลักสูตรจริยธรรม', planned: true, plannedParticipants: 40, targetParticipants: 40, participantsStarted: 0, participantsCompleted: 0, completionRate: 0, totalHours: 0, averageHours: 0, delivered: false, budgetPlanned: 5000, budgetSpent: 0, competencyCodes: [] },
    ],
    budget: { planned: 15000, spent: 2500, spentShare: 16.7 },
    byDivision: [{ key: 'org-1/d1', name: 'กองคลัง', staffCount: 6, staffDeveloped: 3, share: 50, totalHours: 12, hoursPerPerson: 2 }],
    byTargetGroup: [{ key: 'EXECUTIVE', name: null, staffCount: 2, staffDeveloped: 1, share: 50, totalHours: 4, hoursPerPerson: 2 }],
    byPositionType: [{ key: 'DIRECTOR', name: null, staffCount: 5, staffDeveloped: 2, share: 40, totalHours: 6, hoursPerPerson: 1.2 }],
    byCompetency: [{ code: 'CORE-1', nameTh: 'การมุ่งผลสัมฤทธิ์', staffCount: 40, staffCompleted: 5, share: 12.5, courseKeys: ['c1'] }],
  };
}

describe('OwnDashboardPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    live.handlers.length = 0;
    live.variables.length = 0;
    server = new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .graphql('DashboardPlans', {
        organisation: { id: 'org-1', code: '6431501', nameTh: 'องค์การบริหารส่วนตำบลสังคม', approvingCommittee: 'ก.อบต.จังหวัดหนองคาย', divisions: [{ id: 'org-1/d1', nameTh: 'กองคลัง' }] },
        planInForce: { id: 'org-1/plan-2570', title: 'แผนพัฒนาบุคลากร 2570–2572', status: 'IN_FORCE' },
        plans: {
          edges: [
            { node: { id: 'org-1/plan-2570', title: 'แผนพัฒนาบุคลากร 2570–2572', status: 'IN_FORCE', fiscalYears: [2570, 2571, 2572], inForceFrom: '2026-10-01', currentVersion: { number: 0, label: 'ฉบับแรก' } } },
            { node: { id: 'org-1/plan-2567', title: 'แผนพัฒนาบุคลากร 2567–2569', status: 'CLOSED', fiscalYears: [2567, 2568, 2569], inForceFrom: '2023-10-01', currentVersion: { number: 1, label: 'ฉบับปรับปรุง ครั้งที่ 1' } } },
          ],
        },
      })
      .graphql('PlanProgress', (call) => ({ planProgress: { ...figures(5), planId: call.variables!.planId, fiscalYear: call.variables!.fiscalYear } }))
      .graphql('DashboardPeople', { staffMembers: { totalCount: 1, edges: [{ node: { id: 'org-1/s1', staffNumber: '6431501-0001', fullNameTh: 'นายสมชาย ใจดี', positionTitle: 'ปลัด', division: null } }] } })
      .graphql('ExportUrl', (call) => ({ progressExportUrl: `/api/exports/progress?format=${String(call.variables!.format).toLowerCase()}` }))
      .install();
  });

  const routes = [{ path: '/dashboard', element: <RequireSignIn><OwnDashboardPage /></RequireSignIn> }];

  it('shows the plan, the headline figures, the indicators and the courses of the chosen year', async () => {
    renderRoutes(routes, '/dashboard?year=2570');
    const tiles = await screen.findByTestId('headline-figures');
    expect(within(tiles).getByText('12.5%')).toBeTruthy();
    expect(within(tiles).getByText('5 จาก 40 คน')).toBeTruthy();
    expect(within(tiles).getByText('1/2')).toBeTruthy();
    expect(within(tiles).getByText('2,500 บาท จาก 15,000 บาท')).toBeTruthy();
    expect(screen.getByTestId('plan-for-year').textContent).toContain('ประกาศใช้บังคับ');
    const indicator = within(screen.getByTestId('indicators'));
    expect(indicator.getByText('ยังไม่บรรลุเป้าหมาย')).toBeTruthy();
    expect(indicator.getByText('เป้าหมาย ไม่น้อยกว่า 80%')).toBeTruthy();
    expect(within(screen.getByTestId('course-table')).getByText('หลักสูตรปฐมนิเทศ')).toBeTruthy();
    expect(screen.getByText('๔ บริหารท้องถิ่น')).toBeTruthy();
    expect(screen.getByText('การมุ่งผลสัมฤทธิ์')).toBeTruthy();
    // the figures' mark is set in an effect after they show
    await waitFor(() => expect(performance.getEntriesByName('phatthana:dashboard-figures').length).toBe(1));
  });

  it('takes live updates from planProgressChanged without reloading', async () => {
    renderRoutes(routes, '/dashboard?year=2570');
    await screen.findByTestId('headline-figures');
    expect(live.variables).toContainEqual({ planId: 'org-1/plan-2570', fiscalYear: 2570 });
    act(() => live.handlers[live.handlers.length - 1].next({ planProgressChanged: figures(33) }));
    expect(await screen.findByText('33 จาก 40 คน')).toBeTruthy();
    expect(within(screen.getByTestId('indicators')).getByText('บรรลุเป้าหมาย')).toBeTruthy();
    expect(server.operations().filter((o) => o === 'PlanProgress')).toHaveLength(1);
  });

  it('changes fiscal year to the plan covering it', async () => {
    renderRoutes(routes, '/dashboard?year=2570');
    await screen.findByTestId('headline-figures');
    await userEvent.selectOptions(screen.getByLabelText('ปีงบประมาณ'), 'พ.ศ. 2568');
    await screen.findByText(/ปีงบประมาณ 2568/);
    const call = server.calls.filter((c) => c.operation === 'PlanProgress').at(-1)!;
    expect(call.variables).toEqual({ planId: 'org-1/plan-2567', fiscalYear: 2568 });
  });

  it('downloads the exports of the fiscal year', async () => {
    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    server.on('GET', '/api/exports/progress', { body: { fake: 'file' } });
    renderRoutes(routes, '/dashboard?year=2570');
    await screen.findByTestId('headline-figures');
    await userEvent.click(screen.getByRole('button', { name: 'PDF' }));
    expect(await screen.findByText(/ดาวน์โหลด .* แล้ว/)).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'ExportUrl')!.variables).toEqual({ planId: 'org-1/plan-2570', fiscalYear: 2570, format: 'PDF' });
    expect(server.calls.some((c) => c.path === '/api/exports/progress')).toBe(true);
    expect(clicked).toEqual(['progress-2570.pdf']);
  });
});
