import { readRoster, STUDENT_FIELDS_NOT_STORED } from './read-roster';
import { edit, fixture, where, withFile } from './test-fixtures';

describe('readRoster: OneRoster 1.1 bundle', () => {
  const result = readRoster(fixture('v1p1'));
  const { roster, issues } = result;

  it('reads the bundle without errors, every file bulk', () => {
    expect(issues.errors).toEqual([]);
    expect(roster.version).toBe('1.1');
    expect(roster.modes).toEqual({
      schools: 'bulk',
      classes: 'bulk',
      students: 'bulk',
      staff: 'bulk',
      enrollments: 'bulk',
    });
  });

  it('maps org type school to schools, with codes from identifier or derived from the name', () => {
    expect(roster.schools).toEqual([
      { sourcedId: 's1', name: 'Bayside Middle School', code: 'BAYSIDE-MS', lowestGrade: 7, highestGrade: 8 },
      {
        sourcedId: 's2',
        name: 'Harbor Elementary',
        code: 'HARBOR-ELEMENTARY',
        lowestGrade: 0,
        highestGrade: 0,
      },
    ]);
    expect(issues.warnings).toContainEqual(
      expect.objectContaining({ code: 'DERIVED_VALUE', file: 'orgs.csv', line: 4, sourcedId: 's2' }),
    );
  });

  it('names classes from title and period or class code, with grades and the school year of their terms', () => {
    expect(roster.classes).toEqual([
      {
        sourcedId: 'c-h7-2',
        schoolSourcedId: 's1',
        name: 'Health 7, period 2',
        gradeLevels: [7],
        schoolYear: '2026-2027',
      },
      {
        sourcedId: 'c-h78',
        schoolSourcedId: 's1',
        name: 'Health 7/8 (HLTH78)',
        gradeLevels: [7, 8],
        schoolYear: '2026-2027',
      },
      {
        sourcedId: 'c-k',
        schoolSourcedId: 's2',
        name: 'Kindergarten Circle (KC-1)',
        gradeLevels: [0],
        schoolYear: '2026-2027',
      },
      // no grades on the class: the course's grade
      {
        sourcedId: 'c-lab',
        schoolSourcedId: 's1',
        name: 'Health 7 Lab (LAB7)',
        gradeLevels: [7],
        schoolYear: '2026-2027',
      },
    ]);
  });

  it('drops grade codes Haven does not teach (PK) with a warning at the line (CRLF file)', () => {
    expect(issues.warnings).toContainEqual(
      expect.objectContaining({ code: 'UNSUPPORTED_GRADE', file: 'classes.csv', line: 4, sourcedId: 'c-k' }),
    );
  });

  it('keeps only username, given name, grade and school for students (BOM file)', () => {
    expect(roster.students).toEqual([
      {
        sourcedId: 'st-001',
        schoolSourcedId: 's1',
        username: 'ana.lopez',
        displayName: 'Ana',
        gradeLevel: 7,
      },
      { sourcedId: 'st-002', schoolSourcedId: 's1', username: 'bwong', displayName: 'Ben', gradeLevel: 7 },
      { sourcedId: 'st-003', schoolSourcedId: 's1', username: 'st-003', displayName: 'Cara', gradeLevel: 8 },
      { sourcedId: 'st-004', schoolSourcedId: 's2', username: 'kdavis', displayName: 'Kai', gradeLevel: 0 },
      { sourcedId: 'st-005', schoolSourcedId: 's1', username: 'eli_m', displayName: 'Eli', gradeLevel: 7 },
    ]);
    const everything = JSON.stringify(roster);
    for (const secret of [
      'Lopez',
      'ana.lopez@students',
      '555-0101',
      'secret1',
      '2013-04-02',
      '1001',
      'Moreno',
    ])
      expect(everything).not.toContain(secret);
  });

  it('says once, as a note and not a warning, what is not stored for students', () => {
    expect(result.notes.join('\n')).toContain(`Not read or stored: ${STUDENT_FIELDS_NOT_STORED.join(', ')}`);
    expect(result.notes).toContain('demographics.csv was not read: Haven does not use it.');
    expect(result.notes.some((n) => n.includes('1 password(s)'))).toBe(true);
    expect(issues.warnings.some((w) => /family|email|birth/i.test(w.message))).toBe(false);
  });

  it('derives a username from the sourcedId when it is empty, with a warning', () => {
    expect(issues.warnings).toContainEqual(
      expect.objectContaining({ code: 'DERIVED_VALUE', file: 'users.csv', line: 8, sourcedId: 'st-003' }),
    );
  });

  it('keeps staff email (lower-cased) and full name, and maps roles', () => {
    expect(roster.staff).toEqual([
      {
        sourcedId: 't-rivera',
        email: 'm.rivera@bayside.example.org',
        displayName: 'Maria Rivera',
        roles: [{ role: 'teacher', schoolSourcedId: 's1' }],
      },
      {
        sourcedId: 't-chen',
        email: 'lchen@bayside.example.org',
        displayName: 'Lin Chen',
        roles: [{ role: 'teacher', schoolSourcedId: 's2' }],
      },
      {
        sourcedId: 'a-okafor',
        email: 'nokafor@bayside.example.org',
        displayName: 'Ngozi Okafor',
        roles: [{ role: 'school_admin', schoolSourcedId: 's1' }],
      },
      {
        sourcedId: 'aide-diaz',
        email: 'jdiaz@bayside.example.org',
        displayName: 'José Díaz',
        roles: [{ role: 'teacher', schoolSourcedId: 's1' }],
      },
    ]);
  });

  it('imports no parents, and reports skipped rows once per file', () => {
    expect(JSON.stringify(roster)).not.toContain('p-lopez');
    expect(issues.warnings).toContainEqual(
      expect.objectContaining({
        code: 'UNSUPPORTED_ROLE',
        file: 'users.csv',
        line: null,
        message: expect.stringContaining('1 row(s)'),
      }),
    );
  });

  it('links students and teachers (and aides) to classes; administrator enrollments are skipped', () => {
    expect(roster.enrollments.map((e) => `${e.sourcedId}:${e.role}`)).toEqual([
      'e1:teacher',
      'e2:teacher',
      'e3:student',
      'e4:student',
      'e5:teacher',
      'e6:student',
      'e7:student',
      'e8:teacher',
      'e9:student',
      'e11:student',
    ]);
    expect(roster.origins.enrollments['e11']).toEqual({ file: 'enrollments.csv', line: 12 });
  });

  it('reads the same roster with or without BOM and with LF or CRLF', () => {
    const b = fixture('v1p1');
    const plain = withFile(
      withFile(b, 'users.csv', (b.files['users.csv'] ?? '').replace(/^\uFEFF/, '')),
      'classes.csv',
      (b.files['classes.csv'] ?? '').replace(/\r\n/g, '\n'),
    );
    expect(readRoster(plain).roster).toEqual(roster);
  });
});

describe('readRoster: OneRoster 1.2 bundle', () => {
  const { roster, issues } = readRoster(fixture('v1p2'));

  it('reads roles from roles.csv and maps 1.2 roles', () => {
    expect(issues.errors).toEqual([]);
    expect(roster.version).toBe('1.2');
    expect(roster.staff).toEqual([
      {
        sourcedId: 'u-park',
        email: 'spark@bayside.example.org',
        displayName: 'Sun Park',
        roles: [
          { role: 'teacher', schoolSourcedId: 's1' },
          { role: 'teacher', schoolSourcedId: 's3' },
        ],
      },
      {
        sourcedId: 'u-ali',
        email: 'hali@bayside.example.org',
        displayName: 'Hassan Ali',
        roles: [
          { role: 'school_admin', schoolSourcedId: 's1' },
          { role: 'school_admin', schoolSourcedId: 's3' },
        ],
      },
      {
        sourcedId: 'u-ross',
        email: 'jross@bayside.example.org',
        displayName: 'Jordan Ross',
        roles: [{ role: 'teacher', schoolSourcedId: 's1' }],
      },
    ]);
  });

  it('skips district administrators and guardians', () => {
    const ids = JSON.stringify(roster);
    expect(ids).not.toContain('u-dist');
    expect(ids).not.toContain('g-wong');
    expect(where(issues.warnings.filter((w) => w.code === 'UNSUPPORTED_ROLE'))).toEqual([
      'roles.csv:- UNSUPPORTED_ROLE',
      'roles.csv:- UNSUPPORTED_ROLE',
    ]);
  });

  it('places students by primaryOrgSourcedId or the primary role, uses the preferred given name', () => {
    expect(roster.students).toEqual([
      {
        sourcedId: 'u-s1',
        schoolSourcedId: 's1',
        username: 'benjamin.w',
        displayName: 'Ben',
        gradeLevel: 10,
      },
      { sourcedId: 'u-s2', schoolSourcedId: 's1', username: 'priya.s', displayName: 'Priya', gradeLevel: 9 },
      { sourcedId: 'u-s3', schoolSourcedId: 's3', username: 'tomas.g', displayName: 'Tomás', gradeLevel: 12 },
      { sourcedId: 'u-s4', schoolSourcedId: 's1', username: 'mia.k', displayName: 'Mia', gradeLevel: 11 },
    ]);
    expect(issues.warnings.filter((w) => w.file === 'users.csv')).toEqual([]);
  });

  it('reads multi-value grades and a school year from a semester and grading period', () => {
    expect(roster.classes).toEqual([
      {
        sourcedId: 'c-hl9',
        schoolSourcedId: 's1',
        name: 'Health 9-11, period 3',
        gradeLevels: [9, 10, 11],
        schoolYear: '2026-2027',
      },
      {
        sourcedId: 'c-west',
        schoolSourcedId: 's3',
        name: 'Healthy Relationships (HR12)',
        gradeLevels: [12],
        schoolYear: '2026-2027',
      },
    ]);
    expect(roster.schools.map((s) => s.code)).toEqual(['BHS', 'WEST-HS']);
  });
});

describe('readRoster: errors with file and line', () => {
  it('reports every bad row of a broken 1.1 bundle where it is', () => {
    const { roster, issues } = readRoster(fixture('broken-v1p1'));
    expect(where(issues.errors)).toEqual([
      'orgs.csv:4 DUPLICATE_SOURCED_ID',
      'orgs.csv:5 INVALID_VALUE', // type campus
      'classes.csv:3 UNKNOWN_GRADE', // 9th
      'classes.csv:4 UNKNOWN_REFERENCE', // school s404
      'classes.csv:5 NO_SCHOOL_YEAR', // term t404
      'classes.csv:6 COLUMN_COUNT', // 09,10 unquoted
      'users.csv:2 MISSING_VALUE', // teacher without email
      'users.csv:3 UNKNOWN_ROLE', // janitor
      'users.csv:4 MISSING_VALUE', // student whose only grade is PK
      'users.csv:5 DUPLICATE_SOURCED_ID',
      'users.csv:6 UNKNOWN_STATUS', // inactive
      'users.csv:8 DUPLICATE_USERNAME', // CY = cy
      'users.csv:10 DUPLICATE_EMAIL',
      'enrollments.csv:3 UNKNOWN_REFERENCE', // class c404
      'enrollments.csv:4 UNKNOWN_REFERENCE', // user u404
      'enrollments.csv:5 REJECTED_REFERENCE', // class c2 has an error
      'enrollments.csv:6 REJECTED_REFERENCE', // user t2 has an error
      'enrollments.csv:7 UNKNOWN_ROLE', // learner
    ]);
    for (const e of issues.errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.hint).toBeTruthy();
    }
    // Valid rows are still there for "import valid rows" mode.
    expect(roster.classes.map((c) => c.sourcedId)).toEqual(['c1']);
    expect(roster.students.map((s) => s.sourcedId)).toEqual(['st3']);
    expect(roster.staff.map((s) => s.sourcedId)).toEqual(['t3']);
    expect(roster.enrollments.map((e) => e.sourcedId)).toEqual(['e1', 'e7']);
    expect(roster.rejected.classes).toEqual(expect.arrayContaining(['c2', 'c3', 'c4']));
    expect(roster.rejected.students).toEqual(expect.arrayContaining(['t1', 't2', 'st1', 'st2', 'st4', 't4']));
  });

  it('reports a CSV syntax error and does not treat the unreadable bulk file as empty', () => {
    const { roster, issues } = readRoster(fixture('broken-csv'));
    expect(where(issues.errors)).toEqual(['users.csv:3 CSV_SYNTAX']);
    expect(roster.modes.students).toBe('absent');
  });

  it('requires a manifest', () => {
    const { issues } = readRoster(withFile(fixture('v1p1'), 'manifest.csv', null));
    expect(where(issues.errors)).toEqual(['manifest.csv:- MISSING_MANIFEST']);
  });

  it('reports a file the manifest lists but the bundle lacks, and treats it as absent', () => {
    const { roster, issues } = readRoster(withFile(fixture('v1p1'), 'enrollments.csv', null));
    expect(where(issues.errors)).toEqual(['manifest.csv:- FILE_MISSING']);
    expect(roster.modes.enrollments).toBe('absent');
  });

  it('ignores a file the manifest marks absent, with a warning', () => {
    const bundle = edit(fixture('v1p1'), 'manifest.csv', 'file.enrollments,bulk', 'file.enrollments,absent');
    const { roster, issues } = readRoster(bundle);
    expect(roster.modes.enrollments).toBe('absent');
    expect(roster.enrollments).toEqual([]);
    expect(issues.warnings).toContainEqual(
      expect.objectContaining({ code: 'FILE_NOT_IN_MANIFEST', file: 'enrollments.csv' }),
    );
  });

  it('reports a missing required column on line 1 and does not read the file', () => {
    const bundle = edit(fixture('v1p1'), 'classes.csv', 'termSourcedIds', 'terms');
    const { roster, issues } = readRoster(bundle);
    expect(where(issues.errors)).toContain('classes.csv:1 MISSING_COLUMN');
    expect(roster.modes.classes).toBe('absent');
  });

  it('reads tobedeleted rows and disabled users as deletions', () => {
    let bundle = edit(
      fixture('v1p1'),
      'users.csv',
      'st-002,,,true',
      'st-002,tobedeleted,2026-09-01T00:00:00Z,true',
    );
    bundle = edit(bundle, 'users.csv', 'st-004,,,true', 'st-004,,,false');
    bundle = edit(bundle, 'enrollments.csv', 'e4,,', 'e4,tobedeleted,');
    const { roster } = readRoster(bundle);
    expect(roster.deleted.students).toEqual(['st-002', 'st-004']);
    expect(roster.deleted.enrollments).toEqual(['e4']);
    expect(roster.students.map((s) => s.sourcedId)).not.toContain('st-002');
  });

  it('warns when a session schoolYear disagrees with its start date and uses the start date', () => {
    const bundle = edit(
      fixture('v1p1'),
      'academicSessions.csv',
      't1,,,Fall 2026,term,2026-08-15,2026-12-20,y2027,2027',
      't1,,,Fall 2026,term,2026-08-15,2026-12-20,y2027,2026',
    );
    const { roster, issues } = readRoster(bundle);
    expect(where(issues.warnings)).toContain('academicSessions.csv:3 INVALID_VALUE');
    expect(roster.classes.find((c) => c.sourcedId === 'c-h78')?.schoolYear).toBe('2026-2027');
  });

  it('rejects a student with an unknown grade code and keeps a 13th grader out', () => {
    let bundle = edit(
      fixture('v1p1'),
      'users.csv',
      'bwong,,Ben,Wong,,1002,,,,,07,',
      'bwong,,Ben,Wong,,1002,,,,,7th,',
    );
    bundle = edit(
      bundle,
      'users.csv',
      'eli_m,,Eli,Moreno,James,1005,,,,,07,',
      'eli_m,,Eli,Moreno,James,1005,,,,,13,',
    );
    const { issues } = readRoster(bundle);
    expect(where(issues.errors)).toEqual(
      expect.arrayContaining(['users.csv:7 UNKNOWN_GRADE', 'users.csv:10 MISSING_VALUE']),
    );
  });

  it('rejects an unknown org reference of a user in a bulk bundle', () => {
    const bundle = edit(fixture('v1p1'), 'users.csv', 'st-004,,,true,s2', 'st-004,,,true,s404');
    expect(where(readRoster(bundle).issues.errors)).toEqual(
      expect.arrayContaining(['users.csv:9 UNKNOWN_REFERENCE', 'enrollments.csv:10 REJECTED_REFERENCE']),
    );
  });
});
