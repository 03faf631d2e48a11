import { describe, expect, it } from 'vitest';
import { sortEntries, type OverviewEntry } from './overview';

function entry(name: string, share: number | null): OverviewEntry {
  return {
    organisation: { id: name, code: name, nameTh: name },
    plan: share === null ? null : { id: `${name}/p`, title: 'แผน', status: 'IN_FORCE' },
    progress:
      share === null
        ? null
        : {
            staffCount: 10,
            staffDeveloped: share / 10,
            staffDevelopedShare: share,
            hoursPerPerson: 1,
            courses: [],
            indicators: [],
            budget: { spentShare: 0 },
          },
  };
}

describe('sortEntries', () => {
  const entries = [entry('ข', 40), entry('ก', null), entry('ค', 90)];

  it('sorts by a figure either way, organisations without figures last', () => {
    expect(sortEntries(entries, { column: 'developed', descending: true }).map((e) => e.organisation.nameTh)).toEqual(['ค', 'ข', 'ก']);
    expect(sortEntries(entries, { column: 'developed', descending: false }).map((e) => e.organisation.nameTh)).toEqual(['ข', 'ค', 'ก']);
  });

  it('sorts by Thai name', () => {
    expect(sortEntries(entries, { column: 'organisation', descending: false }).map((e) => e.organisation.nameTh)).toEqual(['ก', 'ข', 'ค']);
  });
});
