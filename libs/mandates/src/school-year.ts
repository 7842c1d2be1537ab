import { isSchoolYear } from '@haven/domain';

/** Dates are calendar dates written YYYY-MM-DD (a longer ISO string is cut to its date part). */
export function isoDate(value: string): string {
  const d = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d))
    throw new RangeError(`Expected a date written YYYY-MM-DD, got "${value}"`);
  return d;
}

/** The school year (1 July - 30 June) a date falls in: 2027-06-30 → "2026-2027", 2027-07-01 → "2027-2028". */
export function schoolYearOfDate(date: string): string {
  const d = isoDate(date);
  const y = Number(d.slice(0, 4));
  const start = Number(d.slice(5, 7)) >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export function schoolYearStart(schoolYear: string): number {
  if (!isSchoolYear(schoolYear))
    throw new RangeError(`Expected a school year such as "2026-2027", got "${schoolYear}"`);
  return Number(schoolYear.slice(0, 4));
}

/** First and last day of a school year, inclusive. */
export function schoolYearRange(schoolYear: string): { first: string; last: string } {
  const y = schoolYearStart(schoolYear);
  return { first: `${y}-07-01`, last: `${y + 1}-06-30` };
}

/** The school year `offset` years after (negative: before) the given one. */
export function shiftSchoolYear(schoolYear: string, offset: number): string {
  const y = schoolYearStart(schoolYear) + offset;
  return `${y}-${y + 1}`;
}

/** Adds whole days to a date (UTC calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${isoDate(date)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds whole years to a date; 29 February becomes 28 February in a non-leap year. */
export function addYears(date: string, years: number): string {
  const d = isoDate(date);
  const y = Number(d.slice(0, 4)) + years;
  let md = d.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}
