import type { GradeCompliance, GradeCounts } from './evaluate';

/** Groups smaller than this are never shown as a number in an aggregate meant for display. */
export const SMALL_GROUP_THRESHOLD = 5;

export type DisplayCount = number | '<5';

/** A count for display: under 5 (0 included) becomes "<5". */
export function displayCount(n: number, threshold = SMALL_GROUP_THRESHOLD): DisplayCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number >= 0, got ${n}`);
  return n < threshold ? '<5' : n;
}

/**
 * Suppresses a breakdown of a shown total. Parts under 5 become "<5"; when exactly one part is
 * suppressed it could be worked out from the total and the others, so the next smallest part is
 * suppressed too (complementary suppression).
 */
export function suppressBreakdown<K extends string>(
  total: number,
  parts: Record<K, number>,
  threshold = SMALL_GROUP_THRESHOLD,
): { total: DisplayCount } & Record<K, DisplayCount> {
  const keys = Object.keys(parts) as K[];
  const hidden = new Set<K>(keys.filter((k) => parts[k] < threshold));
  const shownTotal = displayCount(total, threshold);
  if (hidden.size === 1 && shownTotal !== '<5') {
    const next = keys.filter((k) => !hidden.has(k)).sort((a, b) => parts[a] - parts[b])[0];
    if (next !== undefined) hidden.add(next);
  }
  const out = { total: shownTotal } as { total: DisplayCount } & Record<K, DisplayCount>;
  for (const k of keys) (out as Record<K, DisplayCount>)[k] = hidden.has(k) ? '<5' : parts[k];
  return out;
}

export type DisplayGradeCounts = { total: DisplayCount } & Record<
  Exclude<keyof GradeCounts, 'enrolled'>,
  DisplayCount
>;

/** A grade's figures for a chart or printed report: suppressed counts, no student ids. */
export function displayGrade(g: GradeCompliance): {
  grade: number;
  status: GradeCompliance['status'];
  counts: DisplayGradeCounts;
  missingTopics: string[];
} {
  const { enrolled, ...parts } = g.counts;
  const missing = g.reasons.find((r) => r.code === 'missing-topics');
  return {
    grade: g.grade,
    status: g.status,
    counts: suppressBreakdown(enrolled, parts),
    missingTopics: missing && 'topics' in missing ? missing.topics.map((t) => t.topic) : [],
  };
}
