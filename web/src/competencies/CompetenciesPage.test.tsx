import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { CompetenciesPage } from './CompetenciesPage';

const routes = [{ path: '/competencies', element: <RequireSignIn><CompetenciesPage /></RequireSignIn> }];
const item = (code: string, kind: string, nameTh: string, national = true) => ({
  code, kind, nameTh, nameEn: null, description: null, national, masterPlanReference: national ? '§10 (๑) ๑)' : null,
});
const catalogue = (items: object[]) => ({
  competencies: { totalCount: items.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: items.map((node) => ({ node })) },
});

describe('CompetenciesPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer().on('GET', '/api/auth/session', { body: TENANT_ADMIN });
  });

  it('shows a refused local item with the message beside the Thai name', async () => {
    server
      .graphql('CompetencyCatalogue', catalogue([item('C01', 'CORE', 'การมุ่งผลสัมฤทธิ์')]))
      .graphql('AddLocalCompetency', {
        addLocalCompetency: { competency: null, userErrors: [{ field: ['input', 'nameTh'], message: 'ชื่อนี้ซ้ำกับรายการอื่น', code: 'DUPLICATE' }] },
      })
      .install();
    renderRoutes(routes, '/competencies');
    await screen.findByText('การมุ่งผลสัมฤทธิ์');
    await userEvent.type(screen.getByLabelText('ชื่อภาษาไทย'), 'การมุ่งผลสัมฤทธิ์');
    await userEvent.click(screen.getByRole('button', { name: 'เพิ่มรายการ' }));
    const name = screen.getByLabelText('ชื่อภาษาไทย');
    expect(await screen.findByText('ชื่อนี้ซ้ำกับรายการอื่น')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(screen.getByText('ชื่อนี้ซ้ำกับรายการอื่น').id);
    expect(server.calls.find((c) => c.operation === 'AddLocalCompetency')!.variables).toEqual({
      input: { code: null, nameTh: 'การมุ่งผลสัมฤทธิ์', nameEn: null, description: null },
    });
  });

  it('draws the heat map with the share of each cell and a gap where nothing is required', async () => {
    server
      .graphql('CompetencyGapSummary', {
        competencyGapSummary: [
          {
            division: { id: 'd1', nameTh: 'สำนักปลัด' }, targetGroup: null, staffCount: 5, staffWithGaps: 3,
            competencies: [
              { staffRequired: 4, staffWithGap: 1, averageGap: 1, competency: { code: 'C01', nameTh: 'การมุ่งผลสัมฤทธิ์' } },
              { staffRequired: 2, staffWithGap: 2, averageGap: 2, competency: { code: 'M01', nameTh: 'การเป็นผู้นำ' } },
            ],
          },
          {
            division: { id: 'd2', nameTh: 'กองคลัง' }, targetGroup: null, staffCount: 3, staffWithGaps: 0,
            competencies: [{ staffRequired: 3, staffWithGap: 0, averageGap: 0, competency: { code: 'C01', nameTh: 'การมุ่งผลสัมฤทธิ์' } }],
          },
        ],
      })
      .install();
    renderRoutes(routes, '/competencies?view=gaps');
    const table = await screen.findByRole('table');
    const office = within(table).getByRole('rowheader', { name: 'สำนักปลัด' }).closest('tr')!;
    const cells = office.querySelectorAll('td.heat-cell');
    expect(cells[0].textContent).toBe('1/425%');
    expect(cells[0].className).toContain('heat-1');
    expect(cells[1].textContent).toBe('2/2100%');
    expect(cells[1].className).toContain('heat-4');
    const finance = within(table).getByRole('rowheader', { name: 'กองคลัง' }).closest('tr')!;
    expect(finance.querySelectorAll('td.heat-cell')[1].textContent).toContain('ไม่มีผู้ต้องมี');
    expect(screen.getByText('ไม่มีผู้ขาด (0%)')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('จัดกลุ่มตาม'), 'กลุ่มเป้าหมาย');
    expect(server.calls.filter((c) => c.operation === 'CompetencyGapSummary').at(-1)!.variables).toEqual({ groupBy: 'TARGET_GROUP' });
  });

  it('adopts a suggested default as the organisation\'s own, and offers nothing to adopt on its own requirements', async () => {
    const requirement = (lineOfWork: string, source: string, sourceLabel: string) => ({
      scope: 'LINE_OF_WORK', positionType: null, lineOfWork, source, sourceLabel, updatedAt: null, updatedBy: null,
      items: [{ level: 2, competency: { code: 'F06', nameTh: 'การคิดวิเคราะห์' } }],
    });
    server
      .graphql('CompetencyRequirements', {
        competencyRequirements: [
          requirement('นักทรัพยากรบุคคล', 'SUGGESTED', 'ค่าเริ่มต้นที่ระบบเสนอ'),
          requirement('นักวิชาการคลัง', 'ORGANISATION', 'กำหนดโดยองค์กร'),
        ],
      })
      .graphql('AdoptRequirement', { adoptRequirement: { requirement: { scope: 'LINE_OF_WORK', source: 'ORGANISATION' }, userErrors: [] } })
      .install();
    renderRoutes(routes, '/competencies?view=requirements');
    const adopt = await screen.findByRole('button', { name: 'ใช้ค่าเริ่มต้นของสายงานนักทรัพยากรบุคคล เป็นของหน่วยงาน' });
    expect(screen.getAllByRole('button', { name: /^ใช้ค่าเริ่มต้นของ/ })).toHaveLength(1);
    expect(screen.getAllByText('F06 การคิดวิเคราะห์ (ระดับ 2)')).toHaveLength(2);
    await userEvent.click(adopt);
    expect(await screen.findByText('สายงานนักทรัพยากรบุคคล: ใช้เป็นข้อกำหนดของหน่วยงานแล้ว')).toBeTruthy();
    expect(server.calls.find((c) => c.operation === 'AdoptRequirement')!.variables).toEqual({
      input: { scope: 'LINE_OF_WORK', positionType: null, lineOfWork: 'นักทรัพยากรบุคคล' },
    });
  });
});
