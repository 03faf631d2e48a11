import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { rowProblemText } from './rowProblems';

const th = MESSAGES.th;

describe('rowProblemText', () => {
  it('says in Thai what is wrong with a column', () => {
    expect(rowProblemText({ row: 18, column: 'เลขประจำตัวประชาชน', field: 'citizenId', code: 'INVALID', message: 'x' }, th)).toBe(
      th.rowProblems.citizenIdInvalid,
    );
    expect(rowProblemText({ row: 21, column: 'ส่วนราชการ', field: 'division', code: 'NOT_FOUND', message: 'x' }, th)).toBe(
      th.rowProblems.divisionNotFound,
    );
    expect(rowProblemText({ row: 3, column: 'ชื่อ', field: 'firstNameTh', code: 'REQUIRED', message: 'x' }, th)).toBe('ต้องกรอกข้อมูลในช่องนี้');
    expect(rowProblemText({ row: 3, column: 'อีเมล', field: 'email', code: 'DUPLICATE', message: 'x' }, th)).toBe(th.rowProblems.identityTaken);
  });

  it('falls back to a general Thai text for codes it does not know or no code', () => {
    expect(rowProblemText({ row: 2, column: 'code', message: 'must be 3–20 letters' }, th)).toBe(th.rowProblems.OTHER);
    expect(rowProblemText({ row: 2, column: 'x', code: 'SOMETHING_NEW', message: 'x' }, th)).toBe(th.rowProblems.OTHER);
  });
});
