import type { ProvinceOverviewQuery } from '../gql/graphql';

export type OverviewEntry = ProvinceOverviewQuery['provinceOverview']['organisations'][number];

export type OverviewColumn = 'organisation' | 'planStatus' | 'staff' | 'developed' | 'hoursPerPerson' | 'courses' | 'indicators' | 'budget';

export interface Sort {
  column: OverviewColumn;
  descending: boolean;
}

/** The number or text an entry is sorted by in a column; organisations without figures sort last. */
export function sortKey(entry: OverviewEntry, column: OverviewColumn): number | string | null {
  const p = entry.progress;
  switch (column) {
    case 'organisation':
      return entry.organisation.nameTh;
    case 'planStatus':
      return entry.plan?.status ?? null;
    case 'staff':
      return p ? p.staffCount : null;
    case 'developed':
      return p ? p.staffDevelopedShare : null;
    case 'hoursPerPerson':
      return p ? p.hoursPerPerson : null;
    case 'courses': {
      const delivered = coursesDelivered(entry);
      return delivered ? (delivered.planned === 0 ? 0 : delivered.delivered / delivered.planned) : null;
    }
    case 'indicators': {
      const met = indicatorsMet(entry);
      return met ? (met.total === 0 ? 0 : met.met / met.total) : null;
    }
    case 'budget':
      return p ? p.budget.spentShare : null;
  }
}

export function sortEntries(entries: OverviewEntry[], sort: Sort): OverviewEntry[] {
  const direction = sort.descending ? -1 : 1;
  return [...entries].sort((a, b) => {
    const x = sortKey(a, sort.column);
    const y = sortKey(b, sort.column);
    if (x === null || y === null) {
      return x === y ? 0 : x === null ? 1 : -1;
    }
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'th');
    return order * direction;
  });
}

export function coursesDelivered(entry: OverviewEntry): { delivered: number; planned: number } | null {
  if (!entry.progress) return null;
  const planned = entry.progress.courses.filter((c) => c.planned);
  return { planned: planned.length, delivered: planned.filter((c) => c.delivered).length };
}

export function indicatorsMet(entry: OverviewEntry): { met: number; total: number } | null {
  if (!entry.progress) return null;
  const measured = entry.progress.indicators.filter((i) => i.met !== null && i.met !== undefined);
  return { met: measured.filter((i) => i.met).length, total: measured.length };
}
