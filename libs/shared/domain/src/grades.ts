/** Grade levels as Haven stores them: 0 is kindergarten, 1-12 are grades. */
export const GRADE_BANDS = ['K-2', '3-5', '6-8', '9-12'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

export const MIN_GRADE = 0;
export const MAX_GRADE = 12;

export function isGrade(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_GRADE && value <= MAX_GRADE;
}

export function gradeBandOf(grade: number): GradeBand {
  if (!isGrade(grade)) throw new RangeError(`Grade must be an integer from 0 (K) to 12, got ${grade}`);
  if (grade <= 2) return 'K-2';
  if (grade <= 5) return '3-5';
  if (grade <= 8) return '6-8';
  return '9-12';
}

export function gradeLabel(grade: number): string {
  return grade === 0 ? 'K' : String(grade);
}

/**
 * A US school year runs from 1 July to 30 June and is named by its two calendar years, e.g. "2026-2027".
 */
export function schoolYearOf(date: Date): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 6 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR_PATTERN.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}
