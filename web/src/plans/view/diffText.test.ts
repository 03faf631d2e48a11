import { describe, expect, it } from 'vitest';
import { Formats } from '../../i18n/format';
import { MESSAGES } from '../../i18n/messages';
import { courseGroups } from './PlanDocumentView';
import { fieldLabel, valueText } from './diffText';

const m = MESSAGES.th;
const f = new Formats({ language: 'th', thaiDigits: false });

describe('diff texts', () => {
  it('names dotted paths in Thai, with the fiscal year', () => {
    expect(fieldLabel('yearly.2572.budget', m, f)).toBe('งบประมาณ (บาท) ปี 2572');
    expect(fieldLabel('schedule.months', m, f)).toBe('เดือน');
    expect(fieldLabel('category', m, f)).toBe('ประเภทหลักสูตร');
    expect(fieldLabel('somethingNew', m, f)).toBe('somethingNew');
  });

  it('reads JSON values as words: numbers grouped, months and enums in Thai, absent as (ไม่มี)', () => {
    expect(valueText('15000', 'yearly.2572.budget', m, f)).toBe('15,000');
    expect(valueText('[10,11,3]', 'schedule.months', m, f)).toBe('ต.ค., พ.ย., มี.ค.');
    expect(valueText('"ETHICS"', 'category', m, f)).toBe('หลักสูตรด้านคุณธรรมและจริยธรรม');
    expect(valueText('["E_LEARNING","TRAINING"]', 'methods', m, f)).toBe('การเรียนรู้ผ่านระบบสื่ออิเล็กทรอนิกส์, การฝึกอบรม');
    expect(valueText(null, 'description', m, f)).toBe('(ไม่มี)');
    expect(valueText('"ข้อความ"', 'description', m, f)).toBe('ข้อความ');
    expect(valueText('{"kind":"OWN_ORGANISATION","name":null}', 'provider', m, f)).toBe('kind: OWN_ORGANISATION');
    expect(valueText('not json', 'x', m, f)).toBe('not json');
  });
});

describe('course groups', () => {
  it('follows the master plan order, numbers by that order, and puts uncategorised courses last', () => {
    const groups = courseGroups([
      { key: 'a', category: 'ETHICS' },
      { key: 'b', category: null },
      { key: 'c', category: 'BASIC_GOVERNMENT_KNOWLEDGE' },
      { key: 'd', category: 'ETHICS' },
    ]);
    expect(groups.map((g) => [g.category, g.number, g.courses.map((c) => c.key)])).toEqual([
      ['BASIC_GOVERNMENT_KNOWLEDGE', 1, ['c']],
      ['ETHICS', 5, ['a', 'd']],
      [null, 6, ['b']],
    ]);
  });
});
