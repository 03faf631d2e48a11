import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { RosterImportPage } from './RosterImportPage';

const routes = [{ path: '/staff/import', element: <RequireSignIn><RosterImportPage /></RequireSignIn> }];

describe('RosterImportPage', () => {
  it('uploads the file and shows a refused file row by row in Thai', async () => {
    const server = new FakeServer()
      .on('GET', '/api/auth/session', { body: TENANT_ADMIN })
      .on('POST', '/api/staff/import', {
        status: 422,
        body: {
          error: 'the file was not imported: 2 problem(s); nothing was changed',
          rows: [
            { row: 18, column: 'เลขประจำตัวประชาชน', field: 'citizenId', code: 'INVALID', message: 'citizenId is not a valid Thai citizen ID' },
            { row: 21, column: 'ส่วนราชการ', field: 'division', code: 'NOT_FOUND', message: "the organisation has no division named 'กองช่างโยธา'" },
          ],
        },
      })
      .install();
    renderRoutes(routes, '/staff/import');
    const input = await screen.findByLabelText('ไฟล์ทะเบียนบุคลากร (CSV หรือ XLSX)');
    await userEvent.upload(input, new File(['รหัสบุคลากร,ชื่อ\n'], 'roster.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'นำเข้า' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ไม่ได้นำเข้าไฟล์นี้: พบปัญหา 2 รายการ และยังไม่มีการเปลี่ยนแปลงข้อมูลใด ๆ');
    const rows = within(screen.getByTestId('row-problems')).getAllByRole('row');
    expect(rows[1].textContent).toContain('18');
    expect(rows[1].textContent).toContain('เลขประจำตัวประชาชนไม่ถูกต้อง');
    expect(rows[2].textContent).toContain('หน่วยงานไม่มีส่วนราชการชื่อนี้');
    const upload = server.calls.find((c) => c.path === '/api/staff/import')!;
    expect(upload.body).toBeInstanceOf(FormData);
    expect(((upload.body as FormData).get('file') as File).name).toBe('roster.csv');
  });
});
