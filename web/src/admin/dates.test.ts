import { describe, expect, it } from 'vitest';
import { addDays, endOfDayInBangkok, isoDateInBangkok } from './dates';

describe('admin dates', () => {
  it('reads the calendar day in Bangkok, not in UTC', () => {
    expect(isoDateInBangkok(new Date('2026-12-06T18:30:00Z'))).toBe('2026-12-07');
    expect(isoDateInBangkok(new Date('2026-12-06T16:59:00Z'))).toBe('2026-12-06');
  });

  it('ends a chosen day at its last second in Bangkok', () => {
    expect(endOfDayInBangkok('2027-03-31')).toBe('2027-03-31T16:59:59.000Z');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-07', 730)).toBe('2028-12-06');
  });
});
