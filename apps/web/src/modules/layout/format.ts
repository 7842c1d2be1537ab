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
