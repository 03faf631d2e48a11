import { describe, expect, it } from 'vitest';
import { errorsAt, iriLines, itemInput, type IdpItem } from './items';

const base: IdpItem = {
  key: 'k1', competencyCode: 'C01', kind: 'COURSE', planId: 'org/plan', courseKey: 'digital', activityIds: [], titleTh: 'หลักสูตรดิจิทัล',
  targetDate: '2027-09-30', note: null, done: false, overdue: false,
};

describe('IDP items', () => {
  it('gives a course back by its key and another activity by its IRIs and title', () => {
    expect(itemInput(base)).toEqual({ competencyCode: 'C01', courseKey: 'digital', targetDate: '2027-09-30', note: null });
    expect(itemInput({ ...base, kind: 'ACTIVITY', courseKey: null, planId: null, activityIds: ['https://x.example/a'], titleTh: 'สอนงาน' }))
      .toEqual({ competencyCode: 'C01', activityIds: ['https://x.example/a'], titleTh: 'สอนงาน', targetDate: '2027-09-30', note: null });
  });

  it('reads one IRI a line', () => {
    expect(iriLines(' https://a.example/1 \n\n https://a.example/2\r\n')).toEqual(['https://a.example/1', 'https://a.example/2']);
  });

  it('finds the errors of one field of the new item, and of its parts', () => {
    const errors = [
      { field: ['input', 'items', '2', 'targetDate'], message: 'วันที่เป้าหมายไม่ถูกต้อง', code: 'INVALID' },
      { field: ['input', 'items', '2', 'activityIds', '0'], message: 'IRI ไม่ถูกต้อง', code: 'INVALID' },
      { field: ['input', 'items', '1', 'targetDate'], message: 'อื่น', code: 'INVALID' },
    ];
    expect(errorsAt(errors, 'items.2.targetDate')).toEqual(['วันที่เป้าหมายไม่ถูกต้อง']);
    expect(errorsAt(errors, 'items.2.activityIds', true)).toEqual(['IRI ไม่ถูกต้อง']);
    expect(errorsAt(errors, 'items.3.targetDate')).toEqual([]);
  });
});
