import type { ProgressFiguresFragment } from '../gql/graphql';

export type Figures = ProgressFiguresFragment;

export interface PlanSummary {
  id: string;
  title: string;
  status: string;
  fiscalYears: number[];
  inForceFrom?: string | null;
  currentVersion?: { number: number; label: string } | null;
}

/** The plan that covers a fiscal year (plans never overlap), or null. */
export function planForYear<P extends PlanSummary>(plans: P[], year: number): P | null {
  return plans.find((plan) => plan.fiscalYears.includes(year)) ?? null;
}

/** The fiscal years any plan covers, newest first, with the current one. */
export function yearsOf(plans: PlanSummary[], current: number): number[] {
  return [...new Set([current, ...plans.flatMap((plan) => plan.fiscalYears)])].sort((a, b) => b - a);
}

/** Courses the plan runs this year, and how many of them were delivered (at least one completion). */
export function courseDelivery(figures: Figures): { planned: number; delivered: number } {
  const planned = figures.courses.filter((course) => course.planned);
  return { planned: planned.length, delivered: planned.filter((course) => course.delivered).length };
}

/** A value in an indicator's unit: "85%", "12 ชั่วโมง". */
export function withUnit(formatted: string, unit: string | null | undefined, units: Record<string, string>): string {
  const label = unit ? units[unit] ?? unit : '';
  if (!label) {
    return formatted;
  }
  return label === '%' ? `${formatted}%` : `${formatted} ${label}`;
}
