import {
  mapEnrollmentRole,
  mapGrade,
  mapRole,
  schoolYearOfEndYear,
  schoolYearOfIsoDate,
  toSchoolCode,
  toUsername,
} from './mappings';

describe('mapGrade', () => {
  it.each([
    ['KG', 0],
    ['01', 1],
    ['07', 7],
    ['09', 9],
    ['12', 12],
  ])('%s → %i', (code, grade) => expect(mapGrade(code)).toEqual({ kind: 'grade', grade }));

  it.each(['IT', 'PR', 'PK', 'TK', 'PS', '13', 'UG', 'Other'])(
    '%s is a OneRoster grade Haven does not teach',
    (code) => expect(mapGrade(code)).toEqual({ kind: 'unsupported', code }),
  );

  it.each(['9th', 'K', '7', '00', '14', 'Grade 7', ''])('%s is not a grade code', (code) =>
    expect(mapGrade(code).kind).toBe('unknown'),
  );
});

describe('mapRole', () => {
  it('maps teaching roles to teacher and school administrators to school_admin', () => {
    expect(mapRole('student')).toEqual({ kind: 'role', role: 'student' });
    for (const r of ['teacher', 'aide', 'proctor', 'counselor', 'Teacher'])
      expect(mapRole(r)).toEqual({ kind: 'role', role: 'teacher' });
    for (const r of ['administrator', 'principal', 'siteAdministrator'])
      expect(mapRole(r)).toEqual({ kind: 'role', role: 'school_admin' });
  });

  it('skips parents and district-wide roles, and flags unknown roles', () => {
    for (const r of ['parent', 'guardian', 'relative', 'districtAdministrator', 'systemAdministrator'])
      expect(mapRole(r).kind).toBe('skipped');
    expect(mapRole('janitor')).toEqual({ kind: 'unknown' });
  });

  it('maps enrollment roles', () => {
    expect(
      ['student', 'teacher', 'aide', 'administrator', 'proctor', 'learner'].map(mapEnrollmentRole),
    ).toEqual(['student', 'teacher', 'teacher', 'skipped', 'skipped', 'unknown']);
  });
});

describe('school years and names', () => {
  it('names the school year a date falls in (1 July to 30 June)', () => {
    expect(schoolYearOfIsoDate('2026-08-15')).toBe('2026-2027');
    expect(schoolYearOfIsoDate('2027-01-05')).toBe('2026-2027');
    expect(schoolYearOfIsoDate('2026-07-01')).toBe('2026-2027');
    expect(schoolYearOfIsoDate('2026-06-30')).toBe('2025-2026');
    expect(schoolYearOfIsoDate('fall')).toBeNull();
  });

  it('reads OneRoster schoolYear as the year the school year ends', () => {
    expect(schoolYearOfEndYear('2027')).toBe('2026-2027');
    expect(schoolYearOfEndYear('26-27')).toBeNull();
  });

  it('makes usernames and school codes Haven accepts', () => {
    expect(toUsername(' Ana.Lopez ')).toBe('ana.lopez');
    expect(toUsername('Ana Lopez!')).toBe('ana-lopez');
    expect(toSchoolCode('Harbor Elementary')).toBe('HARBOR-ELEMENTARY');
    expect(toSchoolCode('bayside middle school')).toBe(
      'BAYSIDE-MIDDLE-SCHOOL'.slice(0, 20).replace(/-+$/, ''),
    );
  });
});
