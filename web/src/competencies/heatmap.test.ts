import { describe, expect, it } from 'vitest';
import { bandOf, heatMap } from './heatmap';

const count = (code: string, staffRequired: number, staffWithGap: number) => ({
  staffRequired,
  staffWithGap,
  averageGap: staffWithGap ? 1.5 : 0,
  competency: { code, nameTh: `ชื่อ ${code}` },
});

describe('heatMap', () => {
  it('puts every required item in catalogue order and leaves a gap where a group has no such requirement', () => {
    const map = heatMap([
      { staffCount: 4, staffWithGaps: 2, competencies: [count('C01', 4, 2), count('F10', 2, 1)] },
      { staffCount: 3, staffWithGaps: 3, competencies: [count('M01', 1, 1), count('C01', 3, 3), count('L-001', 3, 0), count('F2', 3, 0)] },
    ]);
    expect(map.columns.map((c) => c.code)).toEqual(['C01', 'M01', 'F2', 'F10', 'L-001']);
    expect(map.rows[0].cells.map((cell) => cell?.share ?? null)).toEqual([0.5, null, null, 0.5, null]);
    expect(map.rows[1].cells.map((cell) => cell?.share ?? null)).toEqual([1, 1, 0, null, 0]);
  });

  it('takes the share of the cell (short of required there), never over 100 %', () => {
    const map = heatMap([{ staffCount: 10, staffWithGaps: 9, competencies: [count('C01', 2, 5), count('C02', 0, 0)] }]);
    expect(map.rows[0].cells[0]).toMatchObject({ required: 2, short: 2, share: 1, band: 4 });
    expect(map.rows[0].cells[1]).toMatchObject({ required: 0, share: null, band: null });
  });

  it('keeps nobody short apart from a few short', () => {
    expect([0, 0.01, 0.25, 0.26, 0.5, 0.75, 0.76, 1].map(bandOf)).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
  });
});
