import { isSchoolYear, schoolYearOf } from '@haven/domain';

/** The current school year and the two before it, newest first ("2026-2027", "2025-2026", …). */
export function selectableSchoolYears(today: Date = new Date()): string[] {
  const start = Number(schoolYearOf(today).slice(0, 4));
  return [0, 1, 2].map((back) => `${start - back}-${start - back + 1}`);
}

/** The `?year=` of the address when it is one of the selectable years; the current year otherwise. */
export function readSchoolYear(params: URLSearchParams, today: Date = new Date()): string {
  const year = params.get('year') ?? '';
  const years = selectableSchoolYears(today);
  return isSchoolYear(year) && years.includes(year) ? year : (years[0] ?? schoolYearOf(today));
}

/** The base of the compliance pages: district admins under /district, school admins under /school. */
export type ComplianceBase = '/district/compliance' | '/school/compliance';

export const yearQuery = (year: string): string => `?year=${encodeURIComponent(year)}`;
