/** The gap summary as a heat map: rows are groups, columns the items required of anyone, cells the share falling short. */

export interface GapCountInput {
  staffRequired: number;
  staffWithGap: number;
  averageGap: number;
  competency: { code: string; nameTh: string };
}

export interface GapGroupInput {
  staffCount: number;
  staffWithGaps: number;
  competencies: ReadonlyArray<GapCountInput>;
}

export interface HeatCell {
  required: number;
  short: number;
  /** short / required of this cell, 0–1; null when nobody in the group is required to have the item. */
  share: number | null;
  band: Band | null;
  averageGap: number;
}

/** Colour steps of the share falling short; 0 is its own step so "nobody short" is never confused with "few". */
export type Band = 0 | 1 | 2 | 3 | 4;

export const BANDS: ReadonlyArray<{ band: Band; from: number; to: number }> = [
  { band: 0, from: 0, to: 0 },
  { band: 1, from: 0, to: 25 },
  { band: 2, from: 25, to: 50 },
  { band: 3, from: 50, to: 75 },
  { band: 4, from: 75, to: 100 },
];

export function bandOf(share: number): Band {
  if (share <= 0) return 0;
  if (share <= 0.25) return 1;
  if (share <= 0.5) return 2;
  if (share <= 0.75) return 3;
  return 4;
}

const KIND_ORDER = 'KSCMFL';

/** Catalogue order: knowledge, skills, core, managerial, functional, then local items, each by code. */
export function catalogueRank(code: string): [number, string] {
  const kind = KIND_ORDER.indexOf(code.charAt(0));
  return [kind < 0 ? KIND_ORDER.length : kind, code];
}

function compareCodes(a: string, b: string): number {
  const [ka, ca] = catalogueRank(a);
  const [kb, cb] = catalogueRank(b);
  return ka !== kb ? ka - kb : ca.localeCompare(cb, 'en', { numeric: true });
}

export interface HeatMap<G> {
  columns: Array<{ code: string; nameTh: string }>;
  rows: Array<{ group: G; cells: Array<HeatCell | null> }>;
}

/** Builds the matrix; a column for every item required of someone in any group, a null cell where a group has none. */
export function heatMap<G extends GapGroupInput>(groups: ReadonlyArray<G>): HeatMap<G> {
  const names = new Map<string, string>();
  for (const group of groups) {
    for (const count of group.competencies) {
      names.set(count.competency.code, count.competency.nameTh);
    }
  }
  const columns = [...names.keys()].sort(compareCodes).map((code) => ({ code, nameTh: names.get(code) ?? code }));
  const rows = groups.map((group) => {
    const byCode = new Map(group.competencies.map((count) => [count.competency.code, count]));
    const cells = columns.map(({ code }): HeatCell | null => {
      const count = byCode.get(code);
      if (!count) return null;
      const required = Math.max(0, count.staffRequired);
      const short = Math.min(Math.max(0, count.staffWithGap), required);
      const share = required > 0 ? short / required : null;
      return { required, short, share, band: share === null ? null : bandOf(share), averageGap: count.averageGap };
    });
    return { group, cells };
  });
  return { columns, rows };
}
