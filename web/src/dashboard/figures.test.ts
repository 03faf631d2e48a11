import { describe, expect, it } from 'vitest';
import { courseDelivery, planForYear, withUnit, yearsOf, type Figures } from './figures';

const plans = [
  { id: 'p2', title: 'แผน 2570–2572', status: 'IN_FORCE', fiscalYears: [2570, 2571, 2572] },
  { id: 'p1', title: 'แผน 2567–2569', status: 'CLOSED', fiscalYears: [2567, 2568, 2569] },
];

describe('dashboard figures', () => {
  it('finds the plan covering a fiscal year', () => {
    expect(planForYear(plans, 2571)?.id).toBe('p2');
    expect(planForYear(plans, 2568)?.id).toBe('p1');
    expect(planForYear(plans, 2566)).toBeNull();
  });

  it('offers every covered year and the current one, newest first', () => {
    expect(yearsOf(plans, 2573)).toEqual([2573, 2572, 2571, 2570, 2569, 2568, 2567]);
  });

  it('counts courses delivered among those planned this year', () => {
    const course = (planned: boolean, delivered: boolean) => ({ planned, delivered }) as Figures['courses'][number];
    const figures = { courses: [course(true, true), course(true, false), course(false, true), course(true, true)] } as Figures;
    expect(courseDelivery(figures)).toEqual({ planned: 3, delivered: 2 });
  });

  it('writes indicator values in their unit', () => {
    const units = { PERCENT: '%', HOURS: 'ชั่วโมง', OTHER: '' };
    expect(withUnit('85', 'PERCENT', units)).toBe('85%');
    expect(withUnit('12', 'HOURS', units)).toBe('12 ชั่วโมง');
    expect(withUnit('3', 'OTHER', units)).toBe('3');
    expect(withUnit('3', null, units)).toBe('3');
  });
});
