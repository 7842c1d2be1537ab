import { gradeBandOf, homeFor, isRole, isSchoolYear, roleScope, schoolYearOf, HOTLINE } from './index';

describe('grade bands', () => {
  it.each([
    [0, 'K-2'],
    [2, 'K-2'],
    [3, '3-5'],
    [5, '3-5'],
    [6, '6-8'],
    [8, '6-8'],
    [9, '9-12'],
    [12, '9-12'],
  ])('grade %i is in band %s', (grade, band) => {
    expect(gradeBandOf(grade)).toBe(band);
  });

  it('refuses grades outside K-12', () => {
    expect(() => gradeBandOf(13)).toThrow(/0 \(K\) to 12/);
    expect(() => gradeBandOf(-1)).toThrow(RangeError);
    expect(() => gradeBandOf(2.5)).toThrow(RangeError);
  });
});

describe('school years', () => {
  it('starts a school year on 1 July', () => {
    expect(schoolYearOf(new Date('2026-06-30T12:00:00Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-07-01T12:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOf(new Date('2026-11-26T12:00:00Z'))).toBe('2026-2027');
  });

  it('validates school-year names', () => {
    expect(isSchoolYear('2026-2027')).toBe(true);
    expect(isSchoolYear('2026-2028')).toBe(false);
    expect(isSchoolYear('26-27')).toBe(false);
  });
});

describe('roles', () => {
  it('knows every role and its scope', () => {
    expect(isRole('teacher')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(roleScope('teacher')).toBe('school');
    expect(roleScope('district_admin')).toBe('district');
    expect(roleScope('platform_admin')).toBe('global');
  });

  it('sends each user to the most specific home', () => {
    expect(homeFor(['student'])).toBe('/student');
    expect(homeFor(['author', 'teacher'])).toBe('/teacher');
    expect(homeFor(['reviewer'])).toBe('/studio');
    expect(homeFor([])).toBe('/');
  });
});

describe('help resources', () => {
  it('carries the hotline numbers students are shown', () => {
    expect(HOTLINE.phone).toBe('1-888-373-7888');
    expect(HOTLINE.text).toBe('233733');
  });
});
