import { describe, expect, it } from 'vitest';
import { fiscalYearOf, Formats } from './format';

describe('Formats', () => {
  const thai = new Formats({ language: 'th', thaiDigits: false });
  const thaiDigits = new Formats({ language: 'th', thaiDigits: true });
  const english = new Formats({ language: 'en', thaiDigits: false });

  it('writes dates in the Buddhist Era, in Thai and in English', () => {
    expect(thai.date('2026-12-06')).toBe('6 ธันวาคม 2569');
    expect(english.date('2026-12-06')).toMatch(/^6 December 2569/);
  });

  it('writes Thai digits when asked', () => {
    expect(thaiDigits.date('2026-12-06')).toBe('๖ ธันวาคม ๒๕๖๙');
    expect(thaiDigits.year(2570)).toBe('๒๕๗๐');
    expect(thaiDigits.integer(1234)).toBe('๑,๒๓๔');
    expect(thai.year(2570)).toBe('2570');
  });

  it('shows instants in Bangkok time', () => {
    expect(thai.dateTime('2026-12-06T03:30:00Z')).toContain('10:30');
    expect(thai.dateTime('2026-12-06T03:30:00Z')).toContain('2569');
  });

  it('formats percentages in points, hours and baht', () => {
    expect(thai.percent(71.42)).toBe('71.4%');
    expect(thai.number(187.5)).toBe('187.5');
    expect(thai.baht(12500)).toBe('12,500 บาท');
    expect(english.baht(12500)).toBe('12,500 baht');
  });
});

describe('fiscalYearOf', () => {
  it('starts the fiscal year on 1 October in Asia/Bangkok', () => {
    expect(fiscalYearOf(new Date('2024-09-30T16:59:59Z'))).toBe(2567);
    expect(fiscalYearOf(new Date('2024-09-30T17:00:00Z'))).toBe(2568);
    expect(fiscalYearOf(new Date('2026-12-06T00:00:00Z'))).toBe(2570);
  });
});
