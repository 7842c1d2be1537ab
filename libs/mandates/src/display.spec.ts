import { displayCount, displayGrade, suppressBreakdown } from './display';
import type { GradeCompliance } from './evaluate';

describe('small-group suppression', () => {
  it.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [120, 120],
  ])('displayCount(%s) → %s', (n, shown) => {
    expect(displayCount(n)).toBe(shown);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => displayCount(-1)).toThrow(RangeError);
    expect(() => displayCount(2.5)).toThrow(RangeError);
  });

  it('suppresses a second part when one hidden part could be derived from the total', () => {
    expect(suppressBreakdown(30, { delivered: 20, notReached: 7, excused: 3 })).toEqual({
      total: 30,
      delivered: 20,
      notReached: '<5',
      excused: '<5',
    });
    expect(suppressBreakdown(30, { delivered: 15, notReached: 15 })).toEqual({
      total: 30,
      delivered: 15,
      notReached: 15,
    });
    expect(suppressBreakdown(4, { delivered: 4, notReached: 0 })).toEqual({
      total: '<5',
      delivered: '<5',
      notReached: '<5',
    });
  });

  it('displayGrade shows no student ids and no count under 5', () => {
    const g: GradeCompliance = {
      grade: 7,
      status: 'partially-met',
      counts: {
        enrolled: 12,
        delivered: 9,
        partial: 1,
        notReached: 2,
        pending: 0,
        excusedOptOut: 0,
        excusedNoConsent: 0,
      },
      reasons: [
        { code: 'missing-topics', message: '', topics: [{ topic: 'grooming', students: 3 }] },
        { code: 'students-not-reached', message: '', studentIds: ['s1', 's2'] },
      ],
      students: [],
    };
    const shown = displayGrade(g);
    expect(shown.counts).toEqual({
      total: 12,
      delivered: 9,
      partial: '<5',
      notReached: '<5',
      pending: '<5',
      excusedOptOut: '<5',
      excusedNoConsent: '<5',
    });
    expect(shown.missingTopics).toEqual(['grooming']);
    expect(JSON.stringify(shown)).not.toMatch(/s1|s2/);
  });
});
