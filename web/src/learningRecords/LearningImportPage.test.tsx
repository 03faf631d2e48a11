import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer, type FakeCall } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { LearningImportPage } from './LearningImportPage';

const routes = [{ path: '/learning-records/import', element: <RequireSignIn><LearningImportPage /></RequireSignIn> }];

const record = {
  row: 2,
  staffNumber: 'L-001',
  name: 'นางสาวสุดารัตน์ ทองดี',
  course: 'การป้องกันการทุจริต',
  date: '2026-01-15',
  verb: 'http://adlnet.gov/expapi/verbs/passed',
  hours: 3,
  score: 92.5,
  status: 'NEW',
};

function answer(mode: string, extra: object) {
  return { mode, source: 'ATTENDANCE_SHEET', sha256: 'ab', rows: 3, toWrite: 2, alreadyImported: 1, duplicates: 0, written: 0, refused: false, problems: [], records: [record], ...extra };
}

function field(call: FakeCall, name: string) {
  return (call.body as FormData).get(name);
}

describe('LearningImportPage', () => {
  it('checks the file, shows a refused row in Thai and writes nothing', async () => {
    new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .on('GET', '/api/learning-records/import/presets', { body: { sources: [] } })
      .on('POST', '/api/learning-records/import', {
        body: answer('preview', {
          refused: true,
          records: [],
          problems: [{ row: 5, column: 'ชื่อ-สกุล', field: 'name', code: 'AMBIGUOUS', message: "ชื่อ-นามสกุล 'สมชาย ใจดี' ตรงกับบุคลากร 2 คน" }],
        }),
      })
      .install();
    renderRoutes(routes, '/learning-records/import');
    const input = await screen.findByLabelText('ไฟล์รายชื่อ (CSV หรือ XLSX)');
    await userEvent.upload(input, new File(['x'], 'list.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจสอบไฟล์' }));
    const rows = within(await screen.findByTestId('import-problems')).getAllByRole('row');
    expect(rows[1].textContent).toContain('5');
    expect(rows[1].textContent).toContain('ตรงกับบุคลากร 2 คน');
    expect(screen.getByText('พบปัญหา 1 รายการ ยังไม่มีการบันทึกใด ๆ กรุณาแก้ไขไฟล์แล้วตรวจสอบใหม่')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /ยืนยันบันทึก/ })).toBeNull();
  });

  it('previews, then confirms with the chosen source and shows what was written', async () => {
    const server = new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .on('GET', '/api/learning-records/import/presets', {
        body: { sources: [{ source: 'ATTENDANCE_SHEET', label: 'x', columns: { staffNumber: ['รหัสบุคลากร'] } }] },
      })
      .on('POST', '/api/learning-records/import', (call) =>
        field(call, 'mode') === 'confirm' ? { body: answer('confirm', { written: 2 }) } : { body: answer('preview', {}) },
      )
      .install();
    renderRoutes(routes, '/learning-records/import');
    await userEvent.selectOptions(await screen.findByLabelText('แหล่งที่มาของไฟล์'), 'ATTENDANCE_SHEET');
    expect((await screen.findByTestId('expected-columns')).textContent).toContain('รหัสบุคลากร: “รหัสบุคลากร”');
    await userEvent.upload(screen.getByLabelText('ไฟล์รายชื่อ (CSV หรือ XLSX)'), new File(['x'], 'sheet.xlsx'));
    await userEvent.type(screen.getByLabelText(/หลักสูตรของทั้งไฟล์/), 'การป้องกันการทุจริต');
    await userEvent.click(screen.getByRole('button', { name: 'ตรวจสอบไฟล์' }));
    const records = within(await screen.findByTestId('import-records')).getAllByRole('row');
    expect(records[1].textContent).toContain('นางสาวสุดารัตน์ ทองดี');
    expect(records[1].textContent).toContain('ผ่าน');
    await userEvent.click(screen.getByRole('button', { name: 'ยืนยันบันทึก 2 รายการ' }));
    expect((await screen.findByTestId('import-written')).textContent).toContain('บันทึกผลการเรียนรู้แล้ว 2 รายการ (เคยนำเข้าแล้ว 1 รายการ)');
    const posts = server.calls.filter((c) => c.path === '/api/learning-records/import');
    expect(posts.map((c) => field(c, 'mode'))).toEqual(['preview', 'confirm']);
    expect(field(posts[1], 'source')).toBe('ATTENDANCE_SHEET');
    expect(field(posts[1], 'course')).toBe('การป้องกันการทุจริต');
    expect((field(posts[1], 'file') as File).name).toBe('sheet.xlsx');
  });
});
