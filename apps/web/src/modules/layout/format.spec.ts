import { i18n } from '../../i18n/i18n';
import { formatGradeNumbers, formatGrades } from './format';

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
