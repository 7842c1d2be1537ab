import type { TFunction } from 'i18next';
import { gradeLabel } from '@haven/domain';

/** "10", "7, 8", "K, 1": for a column or field already labelled "Grades". */
export function formatGradeNumbers(t: TFunction, grades: readonly number[]): string {
  if (grades.length === 0) return t('grades.none');
  return grades.map((grade) => (grade === 0 ? t('grades.kindergartenShort') : gradeLabel(grade))).join(', ');
}

/** "Grade 7", "Grades K, 1, 2", "Kindergarten", in the current language. */
export function formatGrades(t: TFunction, grades: readonly number[]): string {
  if (grades.length === 0) return t('grades.none');
  if (grades.length === 1) {
    return grades[0] === 0
      ? t('grades.kindergarten')
      : t('grades.one', { grade: gradeLabel(grades[0] ?? 0) });
  }
  return t('grades.many', { grades: formatGradeNumbers(t, grades) });
}

/** A GraphQL DateTime as a Date, or null when it is missing or not a date. */
export function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Oct 15, 2026" / "15 oct 2026" in `language`; '' when there is no date. */
export function formatDate(value: unknown, language: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date) : '';
}

/** "Oct 15, 2026, 2:30 PM" in `language`; '' when there is no date. */
export function formatDateTime(value: unknown, language: string): string {
  const date = toDate(value);
  return date
    ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : '';
}
