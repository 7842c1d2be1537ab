import { i18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatGradeNumbers, formatGrades, toDate } from './format';

describe('grade formatting', () => {
  it('names grades in English and Spanish', async () => {
    const t = i18n.t.bind(i18n);
    expect(formatGrades(t, [7])).toBe('Grade 7');
    expect(formatGrades(t, [0])).toBe('Kindergarten');
    expect(formatGrades(t, [0, 1, 2])).toBe('Grades K, 1, 2');
    expect(formatGradeNumbers(t, [7, 8])).toBe('7, 8');
    expect(formatGradeNumbers(t, [])).toBe('No grade set');
    await i18n.changeLanguage('es');
    expect(formatGrades(i18n.t.bind(i18n), [7])).toBe('Grado 7');
    expect(formatGrades(i18n.t.bind(i18n), [0])).toBe('Kínder');
  });
});

describe('date formatting', () => {
  it('formats GraphQL DateTimes in the language asked for, and nothing for no date', () => {
    const noon = new Date(2026, 9, 15, 12, 30).toISOString();
    expect(formatDate(noon, 'en')).toBe('Oct 15, 2026');
    expect(formatDate(noon, 'es')).toBe('15 oct 2026');
    expect(formatDateTime(noon, 'en')).toMatch(/^Oct 15, 2026, 12:30\sPM$/);
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('');
    expect(toDate({})).toBeNull();
  });
});
