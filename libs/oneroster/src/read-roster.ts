import { type CsvRow, type CsvTable, parseCsv, splitMulti } from './csv';
import { IssueList } from './issues';
import { readManifest } from './manifest';
import {
  isSchoolCode,
  mapEnrollmentRole,
  mapGrade,
  mapRole,
  schoolYearOfEndYear,
  schoolYearOfIsoDate,
  toSchoolCode,
  toUsername,
} from './mappings';
import type {
  EntityKind,
  FileMode,
  ImportedRole,
  OneRosterBundle,
  OneRosterVersion,
  ReadRosterResult,
  RosterClass,
  RosterEnrollment,
  RosterSchool,
  RosterStaff,
  RosterStudent,
  SourceLocation,
  StaffRoleGrant,
} from './types';

/** What Haven never stores about a student, whatever the bundle holds (COPPA/FERPA: the minimum). */
export const STUDENT_FIELDS_NOT_STORED: readonly string[] = [
  'familyName',
  'middleName',
  'preferredFamilyName',
  'preferredMiddleName',
  'email',
  'sms',
  'phone',
  'identifier',
  'userIds',
  'userMasterIdentifier',
  'agentSourcedIds',
  'password',
  'pronouns',
  'birthDate (demographics.csv)',
];

/** Files Haven does not read at all. */
export const FILES_NOT_READ: readonly string[] = [
  'demographics.csv',
  'userProfiles.csv',
  'categories.csv',
  'classResources.csv',
  'courseResources.csv',
  'resources.csv',
  'userResources.csv',
  'lineItems.csv',
  'results.csv',
  'scoreScales.csv',
  'lineItemLearningObjectiveIds.csv',
  'lineItemScoreScales.csv',
  'resultLearningObjectiveIds.csv',
  'resultScoreScales.csv',
];

type ReadFile =
  | 'orgs.csv'
  | 'academicSessions.csv'
  | 'courses.csv'
  | 'classes.csv'
  | 'users.csv'
  | 'roles.csv'
  | 'enrollments.csv';

/** Columns Haven needs in each file (the standard requires more; Haven only insists on what it uses). */
const REQUIRED_COLUMNS: Record<OneRosterVersion, Record<ReadFile, readonly string[]>> = {
  '1.1': {
    'orgs.csv': ['sourcedId', 'name', 'type'],
    'academicSessions.csv': ['sourcedId', 'type', 'startDate', 'schoolYear'],
    'courses.csv': ['sourcedId', 'title'],
    'classes.csv': ['sourcedId', 'title', 'schoolSourcedId', 'termSourcedIds'],
    'users.csv': ['sourcedId', 'orgSourcedIds', 'role', 'username', 'givenName'],
    'roles.csv': ['sourcedId', 'userSourcedId', 'role', 'orgSourcedId'],
    'enrollments.csv': ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
  },
  '1.2': {
    'orgs.csv': ['sourcedId', 'name', 'type'],
    'academicSessions.csv': ['sourcedId', 'type', 'startDate', 'schoolYear'],
    'courses.csv': ['sourcedId', 'title'],
    'classes.csv': ['sourcedId', 'title', 'schoolSourcedId', 'termSourcedIds'],
    'users.csv': ['sourcedId', 'username', 'givenName'],
    'roles.csv': ['sourcedId', 'userSourcedId', 'roleType', 'role', 'orgSourcedId'],
    'enrollments.csv': ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
  },
};

const ORG_TYPES = ['school', 'district', 'department', 'local', 'state', 'national'];
const SESSION_TYPES = ['schoolYear', 'term', 'semester', 'gradingPeriod'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface BaseRow {
  readonly sourcedId: string;
  readonly deleted: boolean;
  readonly row: CsvRow;
}

interface Org {
  readonly type: string;
  readonly name: string;
  readonly identifier: string;
  readonly line: number;
}

interface UserRole {
  readonly role: string;
  readonly orgSourcedId: string;
  readonly primary: boolean;
  readonly file: string;
  readonly line: number;
}

/**
 * Reads, validates and normalises a OneRoster 1.1 or 1.2 CSV bundle into Haven's roster shape. Pure: the
 * bundle is already in memory (see `readBundle` and `bundleFromZip`). Every row that cannot be imported is an
 * error with its file and line; rows imported with a change of meaning are warnings.
 */
export function readRoster(bundle: OneRosterBundle): ReadRosterResult {
  return new RosterReader(bundle).read();
}

class RosterReader {
  private readonly issues = new IssueList();
  private version: OneRosterVersion = '1.1';
  private readonly fileModes: Record<string, FileMode> = {};
  private readonly notes: string[] = [];

  private readonly orgs = new Map<string, Org>();
  private readonly sessions = new Map<string, string>();
  private readonly courses = new Map<string, { grades: number[]; schoolYearSourcedId: string }>();

  private readonly schools: RosterSchool[] = [];
  private readonly classes = new Map<string, RosterClass & { line: number }>();
  private readonly students = new Map<string, RosterStudent>();
  private readonly staff = new Map<string, RosterStaff>();
  private readonly enrollments: RosterEnrollment[] = [];
  /** Users Haven deliberately does not import (parents, district-wide administrators). */
  private readonly ignoredUsers = new Set<string>();

  private readonly deleted = emptyPerKind<string[]>(() => []);
  private readonly rejected = emptyPerKind<Set<string>>(() => new Set());
  private readonly origins = emptyPerKind<Record<string, SourceLocation>>(() => ({}));
  private readonly skipped = new Map<string, { file: string; count: number; reason: string }>();

  constructor(private readonly bundle: OneRosterBundle) {}

  read(): ReadRosterResult {
    const manifest = readManifest(this.bundle, this.issues);
    if (manifest) {
      this.version = manifest.version;
      this.checkFiles(manifest.modes);
      this.readOrgs();
      this.readSessions();
      this.readCourses();
      const classRows = this.readClassRows();
      this.readUsers();
      this.readEnrollments(classRows);
      this.finishSchools();
    }
    for (const { file, count, reason } of this.skipped.values())
      this.issues.warning('UNSUPPORTED_ROLE', file, null, `${count} row(s) not imported: ${reason}`);
    this.notes.push(
      `Students: Haven keeps only username, given name, grade and school. Not read or stored: ${STUDENT_FIELDS_NOT_STORED.join(', ')}.`,
    );
    return {
      roster: {
        version: this.version,
        modes: {
          schools: this.modeOf('orgs.csv'),
          classes: this.modeOf('classes.csv'),
          students: this.modeOf('users.csv'),
          staff: this.modeOf('users.csv'),
          enrollments: this.modeOf('enrollments.csv'),
        },
        schools: this.schools,
        classes: [...this.classes.values()].map(({ line: _line, ...c }) => c),
        students: [...this.students.values()],
        staff: [...this.staff.values()],
        enrollments: this.enrollments,
        deleted: this.deleted,
        rejected: mapPerKind(this.rejected, (s) => [...s]),
        origins: this.origins,
      },
      issues: this.issues.toIssues(),
      notes: this.notes,
    };
  }

  // ---- files and modes ----

  private checkFiles(modes: Readonly<Record<string, FileMode>>): void {
    for (const [name, mode] of Object.entries(modes)) {
      if (mode === 'absent') continue;
      if (this.bundle.files[name] === undefined) {
        this.issues.error(
          'FILE_MISSING',
          'manifest.csv',
          null,
          `the manifest lists ${name} as ${mode} but the bundle has no ${name}; it is treated as absent`,
          `add ${name} or mark it absent`,
        );
        continue;
      }
      this.fileModes[name] = mode;
    }
    for (const name of Object.keys(this.bundle.files)) {
      if (name === 'manifest.csv' || this.fileModes[name]) continue;
      if (FILES_NOT_READ.includes(name)) continue;
      this.issues.warning(
        'FILE_NOT_IN_MANIFEST',
        name,
        null,
        modes[name] === 'absent'
          ? `the manifest marks ${name} absent; the file is ignored`
          : `${name} is not listed in the manifest; the file is ignored`,
        `list it in manifest.csv as file.${name.replace(/\.csv$/, '')},bulk (or delta)`,
      );
    }
    for (const name of FILES_NOT_READ)
      if (this.fileModes[name]) this.notes.push(`${name} was not read: Haven does not use it.`);
    if (this.version === '1.1' && this.fileModes['roles.csv']) {
      this.issues.warning(
        'FILE_NOT_IN_MANIFEST',
        'roles.csv',
        null,
        'roles.csv is a OneRoster 1.2 file; ignored in a 1.1 bundle',
      );
      delete this.fileModes['roles.csv'];
    }
  }

  private modeOf(name: string): FileMode {
    return this.fileModes[name] ?? 'absent';
  }

  private table(name: ReadFile): CsvTable | null {
    if (this.modeOf(name) === 'absent') return null;
    const table = parseCsv(name, this.bundle.files[name] ?? '', this.issues);
    const missing = table
      ? REQUIRED_COLUMNS[this.version][name].filter((c) => !table.columns.includes(c))
      : [];
    if (table && missing.length > 0)
      this.issues.error(
        'MISSING_COLUMN',
        name,
        1,
        `${name} has no ${missing.map((c) => `"${c}"`).join(', ')} column; the file is not read`,
        `the OneRoster ${this.version} header of ${name} includes ${REQUIRED_COLUMNS[this.version][name].join(', ')}`,
      );
    if (!table || missing.length > 0) {
      // Unreadable: treat as absent so that a bulk file that could not be read never deactivates anything.
      this.fileModes[name] = 'absent';
      return null;
    }
    return table;
  }

  /** sourcedId, status and dateLastModified; duplicate and blank sourcedIds are errors. */
  private baseRows(table: CsvTable, kind: EntityKind | EntityKind[] | null): BaseRow[] {
    const seen = new Map<string, number>();
    const out: BaseRow[] = [];
    const kinds = kind === null ? [] : Array.isArray(kind) ? kind : [kind];
    for (const row of table.rows) {
      const sourcedId = row.values['sourcedId'];
      if (!sourcedId) {
        this.issues.error(
          'MISSING_VALUE',
          table.file,
          row.line,
          'sourcedId is empty',
          'every row needs a sourcedId',
        );
        continue;
      }
      const first = seen.get(sourcedId);
      if (first !== undefined) {
        this.issues.error(
          'DUPLICATE_SOURCED_ID',
          table.file,
          row.line,
          `sourcedId "${sourcedId}" is used twice (first on line ${first}); this row is not imported`,
          'a sourcedId must be unique within its file',
          sourcedId,
        );
        continue;
      }
      seen.set(sourcedId, row.line);
      const status = (row.values['status'] ?? '').toLowerCase();
      if (status !== '' && status !== 'active' && status !== 'tobedeleted') {
        this.issues.error(
          'UNKNOWN_STATUS',
          table.file,
          row.line,
          `status is "${row.values['status']}"`,
          'status is active or tobedeleted (or empty in a bulk file)',
          sourcedId,
        );
        kinds.forEach((k) => this.rejected[k].add(sourcedId));
        continue;
      }
      if (status === '' && this.modeOf(table.file) === 'delta')
        this.issues.warning(
          'MISSING_VALUE',
          table.file,
          row.line,
          'status is empty in a delta file; read as active',
          'delta rows carry status and dateLastModified',
          sourcedId,
        );
      const modified = row.values['dateLastModified'] ?? '';
      if (modified !== '' && Number.isNaN(Date.parse(modified)))
        this.issues.warning(
          'INVALID_VALUE',
          table.file,
          row.line,
          `dateLastModified "${modified}" is not an ISO 8601 date-time; ignored`,
          'e.g. 2026-08-01T12:00:00.000Z',
          sourcedId,
        );
      out.push({ sourcedId, deleted: status === 'tobedeleted', row });
    }
    return out;
  }

  private reject(
    kinds: EntityKind[],
    file: string,
    line: number,
    sourcedId: string,
    code: Parameters<IssueList['error']>[0],
    message: string,
    hint?: string,
  ): void {
    this.issues.error(code, file, line, message, hint, sourcedId);
    kinds.forEach((k) => this.rejected[k].add(sourcedId));
  }

  private skip(file: string, reason: string): void {
    const key = `${file}|${reason}`;
    const entry = this.skipped.get(key) ?? { file, count: 0, reason };
    entry.count++;
    this.skipped.set(key, entry);
  }

  // ---- orgs, sessions, courses ----

  private readOrgs(): void {
    const table = this.table('orgs.csv');
    if (!table) return;
    for (const { sourcedId, deleted, row } of this.baseRows(table, 'schools')) {
      const v = row.values;
      const type = v['type'];
      if (deleted) {
        this.deleted.schools.push(sourcedId);
        continue;
      }
      if (!ORG_TYPES.includes(type)) {
        this.reject(
          ['schools'],
          table.file,
          row.line,
          sourcedId,
          'INVALID_VALUE',
          `org type is "${type}"`,
          `use one of ${ORG_TYPES.join(', ')}`,
        );
        continue;
      }
      if (!v['name']) {
        this.reject(
          ['schools'],
          table.file,
          row.line,
          sourcedId,
          'MISSING_VALUE',
          'org name is empty',
          'every org needs a name',
        );
        continue;
      }
      this.orgs.set(sourcedId, { type, name: v['name'], identifier: v['identifier'] ?? '', line: row.line });
      if (type === 'school') this.origins.schools[sourcedId] = { file: table.file, line: row.line };
    }
  }

  private readSessions(): void {
    const table = this.table('academicSessions.csv');
    if (!table) return;
    for (const { sourcedId, row } of this.baseRows(table, null)) {
      const v = row.values;
      if (!SESSION_TYPES.includes(v['type']))
        this.issues.warning(
          'INVALID_VALUE',
          table.file,
          row.line,
          `academic session type is "${v['type']}"; only its dates are used`,
          `use one of ${SESSION_TYPES.join(', ')}`,
          sourcedId,
        );
      const fromDate = schoolYearOfIsoDate(v['startDate']);
      const fromYear = schoolYearOfEndYear(v['schoolYear']);
      if (!fromDate && !fromYear) {
        this.issues.error(
          'INVALID_VALUE',
          table.file,
          row.line,
          `neither startDate "${v['startDate']}" nor schoolYear "${v['schoolYear']}" gives a school year`,
          'startDate is YYYY-MM-DD; schoolYear is the year the school year ends, e.g. 2027 for 2026-2027',
          sourcedId,
        );
        continue;
      }
      if (fromDate && fromYear && fromDate !== fromYear)
        this.issues.warning(
          'INVALID_VALUE',
          table.file,
          row.line,
          `schoolYear ${v['schoolYear']} does not match startDate ${v['startDate']}; using ${fromDate} from the start date`,
          'schoolYear is the year the school year ends, e.g. 2027 for 2026-2027',
          sourcedId,
        );
      this.sessions.set(sourcedId, (fromDate ?? fromYear) as string);
    }
  }

  private readCourses(): void {
    const table = this.table('courses.csv');
    if (!table) return;
    for (const { sourcedId, deleted, row } of this.baseRows(table, null)) {
      if (deleted) continue;
      const grades = this.grades(table.file, row, sourcedId, 'warn-unknown');
      this.courses.set(sourcedId, {
        grades: grades ?? [],
        schoolYearSourcedId: row.values['schoolYearSourcedId'] ?? '',
      });
    }
  }

  /**
   * Grade codes → Haven grades. Codes the standard knows but Haven does not teach (PK, TK, 13, UG…) are
   * dropped with a warning; codes the standard does not know are an error (returns null) unless `warn-unknown`.
   */
  private grades(
    file: string,
    row: CsvRow,
    sourcedId: string,
    unknown: 'error' | 'warn-unknown',
  ): number[] | null {
    const out = new Set<number>();
    for (const code of splitMulti(row.values['grades'])) {
      const m = mapGrade(code);
      if (m.kind === 'grade') out.add(m.grade);
      else if (m.kind === 'unsupported')
        this.issues.warning(
          'UNSUPPORTED_GRADE',
          file,
          row.line,
          `grade ${m.code} is not a Haven grade (K-12); it is ignored`,
          undefined,
          sourcedId,
        );
      else if (unknown === 'warn-unknown')
        this.issues.warning(
          'UNKNOWN_GRADE',
          file,
          row.line,
          `grade "${m.code}" is not a OneRoster grade code; ignored`,
          GRADE_HINT,
          sourcedId,
        );
      else {
        this.issues.error(
          'UNKNOWN_GRADE',
          file,
          row.line,
          `grade "${m.code}" is not a OneRoster grade code`,
          GRADE_HINT,
          sourcedId,
        );
        return null;
      }
    }
    return [...out].sort((a, b) => a - b);
  }

  private isSchool(sourcedId: string): boolean {
    return this.orgs.get(sourcedId)?.type === 'school';
  }

  /** Checks a reference to a school; true when it is known, or cannot be checked because orgs.csv is not bulk. */
  private schoolRef(
    file: string,
    line: number,
    sourcedId: string,
    ref: string,
    kinds: EntityKind[],
    what: string,
  ): boolean {
    if (this.isSchool(ref)) return true;
    if (this.orgs.has(ref)) {
      this.reject(
        kinds,
        file,
        line,
        sourcedId,
        'INVALID_VALUE',
        `${what} "${ref}" is an org of type ${this.orgs.get(ref)?.type}, not a school`,
        'refer to an org of type school',
      );
      return false;
    }
    if (this.rejected.schools.has(ref)) {
      this.reject(
        kinds,
        file,
        line,
        sourcedId,
        'REJECTED_REFERENCE',
        `${what} "${ref}" was rejected (see orgs.csv)`,
        'fix that org first',
      );
      return false;
    }
    if (this.modeOf('orgs.csv') === 'bulk') {
      this.reject(
        kinds,
        file,
        line,
        sourcedId,
        'UNKNOWN_REFERENCE',
        `${what} "${ref}" is not in orgs.csv`,
        'every referenced org must be in orgs.csv',
      );
      return false;
    }
    return true; // delta or absent: planImport checks it against what Haven already has.
  }

  // ---- classes ----

  private readClassRows(): Map<string, { row: CsvRow; grades: number[]; courseSourcedId: string }> {
    const out = new Map<string, { row: CsvRow; grades: number[]; courseSourcedId: string }>();
    const table = this.table('classes.csv');
    if (!table) return out;
    for (const { sourcedId, deleted, row } of this.baseRows(table, 'classes')) {
      const v = row.values;
      if (deleted) {
        this.deleted.classes.push(sourcedId);
        continue;
      }
      const reject = (code: Parameters<IssueList['error']>[0], message: string, hint?: string): void =>
        this.reject(['classes'], table.file, row.line, sourcedId, code, message, hint);
      if (!v['title']) {
        reject('MISSING_VALUE', 'class title is empty', 'every class needs a title');
        continue;
      }
      if (!v['schoolSourcedId']) {
        reject('MISSING_VALUE', 'schoolSourcedId is empty', 'every class belongs to a school');
        continue;
      }
      if (
        !this.schoolRef(table.file, row.line, sourcedId, v['schoolSourcedId'], ['classes'], 'schoolSourcedId')
      )
        continue;
      const grades = this.grades(table.file, row, sourcedId, 'error');
      if (!grades) {
        this.rejected.classes.add(sourcedId);
        continue;
      }
      const courseSourcedId = v['courseSourcedId'] ?? '';
      const course = this.courses.get(courseSourcedId);
      if (courseSourcedId && !course && this.modeOf('courses.csv') === 'bulk')
        this.issues.warning(
          'UNKNOWN_REFERENCE',
          table.file,
          row.line,
          `courseSourcedId "${courseSourcedId}" is not in courses.csv; ignored`,
          undefined,
          sourcedId,
        );

      const years = splitMulti(v['termSourcedIds']).map((t) => ({ t, year: this.sessions.get(t) }));
      const unknownTerms = years.filter((y) => !y.year).map((y) => y.t);
      if (unknownTerms.length > 0 && this.modeOf('academicSessions.csv') !== 'absent')
        this.issues.warning(
          'UNKNOWN_REFERENCE',
          table.file,
          row.line,
          `term(s) ${unknownTerms.join(', ')} not in academicSessions.csv`,
          undefined,
          sourcedId,
        );
      const distinct = [...new Set(years.map((y) => y.year).filter((y): y is string => !!y))];
      let schoolYear = distinct[0] ?? (course ? this.sessions.get(course.schoolYearSourcedId) : undefined);
      if (distinct.length > 1) {
        schoolYear = distinct.sort()[0];
        this.issues.warning(
          'INVALID_VALUE',
          table.file,
          row.line,
          `the class's terms span school years ${distinct.join(', ')}; using ${schoolYear}`,
          'a Haven class belongs to one school year',
          sourcedId,
        );
      }
      if (!schoolYear) {
        reject(
          'NO_SCHOOL_YEAR',
          'the class has no term that gives a school year',
          this.modeOf('academicSessions.csv') === 'absent'
            ? 'include academicSessions.csv (bulk) with the terms the classes refer to'
            : 'set termSourcedIds to terms or school years listed in academicSessions.csv',
        );
        continue;
      }
      out.set(sourcedId, {
        row,
        grades: grades.length > 0 ? grades : (course?.grades ?? []),
        courseSourcedId,
      });
      this.classes.set(sourcedId, {
        sourcedId,
        schoolSourcedId: v['schoolSourcedId'],
        name: className(v['title'], v['classCode'] ?? '', splitMulti(v['periods'])),
        gradeLevels: [],
        schoolYear,
        line: row.line,
      });
      this.origins.classes[sourcedId] = { file: table.file, line: row.line };
    }
    return out;
  }

  // ---- users and roles ----

  private readRoleRows(): Map<string, UserRole[]> {
    const out = new Map<string, UserRole[]>();
    const table = this.table('roles.csv');
    if (!table) return out;
    for (const { sourcedId, deleted, row } of this.baseRows(table, null)) {
      if (deleted) continue;
      const v = row.values;
      if (!v['userSourcedId'] || !v['role'] || !v['orgSourcedId']) {
        this.issues.error(
          'MISSING_VALUE',
          table.file,
          row.line,
          'userSourcedId, role and orgSourcedId are required',
          undefined,
          sourcedId,
        );
        continue;
      }
      const list = out.get(v['userSourcedId']) ?? [];
      list.push({
        role: v['role'],
        orgSourcedId: v['orgSourcedId'],
        primary: v['roleType'] === 'primary',
        file: table.file,
        line: row.line,
      });
      out.set(v['userSourcedId'], list);
    }
    return out;
  }

  private readUsers(): void {
    const rolesByUser = this.version === '1.2' ? this.readRoleRows() : new Map<string, UserRole[]>();
    const table = this.table('users.csv');
    if (!table) {
      for (const [user, roles] of rolesByUser)
        if (this.modeOf('users.csv') === 'absent')
          this.issues.warning(
            'UNKNOWN_REFERENCE',
            'roles.csv',
            roles[0].line,
            `roles of user "${user}" are ignored: users.csv is absent`,
            'send users.csv with roles.csv',
          );
      return;
    }
    const users = this.baseRows(table, ['students', 'staff']);
    const known = new Set(users.map((u) => u.sourcedId));
    for (const [user, roles] of rolesByUser)
      if (!known.has(user) && this.modeOf('users.csv') === 'bulk')
        this.issues.error(
          'UNKNOWN_REFERENCE',
          'roles.csv',
          roles[0].line,
          `userSourcedId "${user}" is not in users.csv`,
          'every role refers to a user in users.csv',
        );

    let passwords = 0;
    const usernames = new Map<string, number>();
    const emails = new Map<string, number>();
    for (const { sourcedId, deleted, row } of users) {
      const v = row.values;
      const file = table.file;
      const enabled = (v['enabledUser'] ?? '').toLowerCase();
      if (enabled !== '' && enabled !== 'true' && enabled !== 'false')
        this.issues.warning(
          'INVALID_VALUE',
          file,
          row.line,
          `enabledUser is "${v['enabledUser']}"; read as true`,
          'use true or false',
          sourcedId,
        );
      if (deleted || enabled === 'false') {
        this.deleted.students.push(sourcedId);
        this.deleted.staff.push(sourcedId);
        continue;
      }
      if (v['password']) passwords++;

      const roles: UserRole[] = [...(rolesByUser.get(sourcedId) ?? [])];
      if (roles.length === 0 && v['role']) {
        const orgIds = splitMulti(v['orgSourcedIds'] ?? v['primaryOrgSourcedId']);
        for (const org of orgIds)
          roles.push({ role: v['role'], orgSourcedId: org, primary: false, file, line: row.line });
        if (orgIds.length === 0)
          roles.push({ role: v['role'], orgSourcedId: '', primary: false, file, line: row.line });
      }
      if (roles.length === 0) {
        this.reject(
          ['students', 'staff'],
          file,
          row.line,
          sourcedId,
          'MISSING_VALUE',
          'the user has no role',
          this.version === '1.2' ? 'give the user a row in roles.csv' : 'set role and orgSourcedIds',
        );
        continue;
      }
      const grants: { role: ImportedRole; org: string; primary: boolean }[] = [];
      let bad = false;
      for (const r of roles) {
        const m = mapRole(r.role);
        if (m.kind === 'unknown') {
          this.issues.error(
            'UNKNOWN_ROLE',
            r.file,
            r.line,
            `role "${r.role}" is not a OneRoster role`,
            'e.g. student, teacher, aide, administrator (1.1); principal, siteAdministrator (1.2)',
            sourcedId,
          );
          bad = true;
        } else if (m.kind === 'skipped') this.skip(r.file, `role ${r.role}: ${m.reason}`);
        else if (r.orgSourcedId && this.orgs.get(r.orgSourcedId)?.type === 'district' && m.role !== 'student')
          this.skip(
            r.file,
            `role ${r.role} at a district org: district-wide roles are granted in Haven by hand`,
          );
        else
          grants.push({
            role: m.role,
            org: r.orgSourcedId,
            primary: r.primary || r.orgSourcedId === v['primaryOrgSourcedId'],
          });
      }
      if (bad) {
        this.rejected.students.add(sourcedId);
        this.rejected.staff.add(sourcedId);
        continue;
      }
      if (grants.length === 0) {
        this.ignoredUsers.add(sourcedId);
        continue;
      }
      if (grants.some((g) => g.role === 'student')) {
        if (grants.some((g) => g.role !== 'student'))
          this.issues.warning(
            'INVALID_VALUE',
            file,
            row.line,
            'the user is both a student and staff; imported as a student only',
            'a Haven account is either a student or staff',
            sourcedId,
          );
        this.readStudent(
          file,
          row,
          sourcedId,
          grants.filter((g) => g.role === 'student'),
          usernames,
        );
      } else this.readStaff(file, row, sourcedId, grants, emails);
    }
    if (passwords > 0)
      this.notes.push(
        `users.csv carries ${passwords} password(s); they were not read. Haven sets passwords and student PINs itself.`,
      );
  }

  private readStudent(
    file: string,
    row: CsvRow,
    sourcedId: string,
    grants: { org: string; primary: boolean }[],
    usernames: Map<string, number>,
  ): void {
    const v = row.values;
    const kinds: EntityKind[] = ['students', 'staff'];
    const schools = grants.map((g) => g.org).filter((o) => o !== '');
    const primary = grants.find((g) => g.primary && g.org)?.org;
    const candidates = [...new Set(primary ? [primary, ...schools] : schools)].filter(
      (o) => this.orgs.get(o)?.type !== 'district',
    );
    const school = candidates.find((o) => this.isSchool(o)) ?? candidates[0];
    if (!school) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        'MISSING_VALUE',
        'the student is in no school',
        this.version === '1.2'
          ? 'set primaryOrgSourcedId or a roles.csv row at a school'
          : 'set orgSourcedIds to the student\u2019s school',
      );
      return;
    }
    if (!this.schoolRef(file, row.line, sourcedId, school, kinds, 'the student\u2019s org')) return;
    if (candidates.length > 1 && !primary)
      this.issues.warning(
        'INVALID_VALUE',
        file,
        row.line,
        `the student is in several schools (${candidates.join(', ')}); Haven places them in ${school}`,
        this.version === '1.2' ? 'set primaryOrgSourcedId' : 'list the primary school first in orgSourcedIds',
        sourcedId,
      );

    const grades = this.grades(file, row, sourcedId, 'error');
    if (!grades) {
      kinds.forEach((k) => this.rejected[k].add(sourcedId));
      return;
    }
    if (grades.length === 0) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        'MISSING_VALUE',
        'the student has no K-12 grade',
        'set grades to KG or 01-12',
      );
      return;
    }
    if (grades.length > 1)
      this.issues.warning(
        'INVALID_VALUE',
        file,
        row.line,
        `the student has several grades (${grades.join(', ')}); using ${grades[grades.length - 1]}`,
        'a student has one grade',
        sourcedId,
      );

    const given = v['username'] ? toUsername(v['username']) : '';
    const username = given || toUsername(sourcedId);
    if (!username) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        'MISSING_VALUE',
        'no username, and none can be made from the sourcedId',
        'set username',
      );
      return;
    }
    if (!v['username'])
      this.issues.warning(
        'DERIVED_VALUE',
        file,
        row.line,
        `username is empty; the student signs in as "${username}" (from the sourcedId)`,
        'set username in the source system',
        sourcedId,
      );
    else if (username !== v['username'].toLowerCase())
      this.issues.warning(
        'DERIVED_VALUE',
        file,
        row.line,
        `username "${v['username']}" becomes "${username}"`,
        'usernames use a-z, 0-9, ".", "_" and "-"',
        sourcedId,
      );
    const key = `${school}\u0000${username}`;
    const first = usernames.get(key);
    if (first !== undefined) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        'DUPLICATE_USERNAME',
        `username "${username}" is already used at school ${school} (line ${first})`,
        'usernames are unique within a school',
      );
      return;
    }
    usernames.set(key, row.line);
    const displayName = (v['preferredGivenName'] || v['givenName'] || username).slice(0, 120);
    this.students.set(sourcedId, {
      sourcedId,
      schoolSourcedId: school,
      username,
      displayName,
      gradeLevel: grades[grades.length - 1],
    });
    this.origins.students[sourcedId] = { file, line: row.line };
  }

  private readStaff(
    file: string,
    row: CsvRow,
    sourcedId: string,
    grants: { role: ImportedRole; org: string }[],
    emails: Map<string, number>,
  ): void {
    const v = row.values;
    const kinds: EntityKind[] = ['students', 'staff'];
    const email = (v['email'] ?? '').toLowerCase();
    if (!EMAIL.test(email)) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        email ? 'INVALID_VALUE' : 'MISSING_VALUE',
        email ? `email "${v['email']}" is not an email address` : 'staff need an email address to sign in',
        'set email',
      );
      return;
    }
    const first = emails.get(email);
    if (first !== undefined) {
      this.reject(
        kinds,
        file,
        row.line,
        sourcedId,
        'DUPLICATE_EMAIL',
        `email ${email} is already used by the user on line ${first}`,
        'each staff member has their own email',
      );
      return;
    }
    emails.set(email, row.line);
    const roles: StaffRoleGrant[] = [];
    for (const g of grants) {
      if (g.role === 'student' || !g.org) continue;
      if (!this.schoolRef(file, row.line, sourcedId, g.org, kinds, 'org')) return;
      roles.push({ role: g.role, schoolSourcedId: g.org });
    }
    const given = v['preferredGivenName'] || v['givenName'] || '';
    const family = v['preferredFamilyName'] || v['familyName'] || '';
    const displayName = (`${given} ${family}`.trim() || email).slice(0, 120);
    this.staff.set(sourcedId, { sourcedId, email, displayName, roles });
    this.origins.staff[sourcedId] = { file, line: row.line };
  }

  // ---- enrollments ----

  private readEnrollments(
    classRows: Map<string, { row: CsvRow; grades: number[]; courseSourcedId: string }>,
  ): void {
    const table = this.table('enrollments.csv');
    const studentGrades = new Map<string, Set<number>>();
    const accepted: (RosterEnrollment & { line: number })[] = [];
    if (table) {
      for (const { sourcedId, deleted, row } of this.baseRows(table, 'enrollments')) {
        const v = row.values;
        if (deleted) {
          this.deleted.enrollments.push(sourcedId);
          continue;
        }
        const reject = (code: Parameters<IssueList['error']>[0], message: string, hint?: string): void =>
          this.reject(['enrollments'], table.file, row.line, sourcedId, code, message, hint);
        const classId = v['classSourcedId'];
        const userId = v['userSourcedId'];
        if (!classId || !userId) {
          reject('MISSING_VALUE', 'classSourcedId and userSourcedId are required');
          continue;
        }
        const role = mapEnrollmentRole(v['role']);
        if (role === 'unknown') {
          reject(
            'UNKNOWN_ROLE',
            `enrollment role "${v['role']}" is not a OneRoster enrollment role`,
            'use student, teacher, aide, administrator or proctor',
          );
          continue;
        }
        if (this.ignoredUsers.has(userId)) continue;
        if (role === 'skipped') {
          this.skip(
            table.file,
            `enrollment role ${v['role']}: Haven links only students and teachers to classes`,
          );
          continue;
        }
        if (this.rejected.classes.has(classId)) {
          reject(
            'REJECTED_REFERENCE',
            `class "${classId}" was rejected (see classes.csv)`,
            'fix that class first',
          );
          continue;
        }
        if (!this.classes.has(classId) && this.modeOf('classes.csv') === 'bulk') {
          reject(
            'UNKNOWN_REFERENCE',
            `class "${classId}" is not in classes.csv`,
            'every enrollment refers to a class in classes.csv',
          );
          continue;
        }
        if (this.rejected.students.has(userId)) {
          reject(
            'REJECTED_REFERENCE',
            `user "${userId}" was rejected (see users.csv)`,
            'fix that user first',
          );
          continue;
        }
        const student = this.students.get(userId);
        const teacher = this.staff.get(userId);
        if (!student && !teacher && this.modeOf('users.csv') === 'bulk') {
          reject(
            'UNKNOWN_REFERENCE',
            `user "${userId}" is not in users.csv`,
            'every enrollment refers to a user in users.csv',
          );
          continue;
        }
        if ((role === 'student' && teacher) || (role === 'teacher' && student)) {
          reject(
            'INVALID_VALUE',
            `enrollment role ${v['role']} does not match the user, who is ${student ? 'a student' : 'staff'}`,
            'check the user\u2019s role',
          );
          continue;
        }
        const cls = this.classes.get(classId);
        if (cls && v['schoolSourcedId'] && v['schoolSourcedId'] !== cls.schoolSourcedId)
          this.issues.warning(
            'INVALID_VALUE',
            table.file,
            row.line,
            `schoolSourcedId "${v['schoolSourcedId']}" is not the class's school "${cls.schoolSourcedId}"; the class's school is used`,
            undefined,
            sourcedId,
          );
        if (student && cls) {
          const set = studentGrades.get(classId) ?? new Set<number>();
          set.add(student.gradeLevel);
          studentGrades.set(classId, set);
        }
        accepted.push({ sourcedId, classSourcedId: classId, userSourcedId: userId, role, line: row.line });
      }
    }

    // Class grades: the class's own, else its course's, else those of the students enrolled in it.
    for (const [id, cls] of this.classes) {
      const fromRows = classRows.get(id)?.grades ?? [];
      const grades =
        fromRows.length > 0 ? fromRows : [...(studentGrades.get(id) ?? [])].sort((a, b) => a - b);
      if (grades.length === 0) {
        this.reject(
          ['classes'],
          'classes.csv',
          cls.line,
          id,
          'MISSING_VALUE',
          'the class has no K-12 grade (none on the class, its course or its students)',
          'set grades, e.g. "07" or "09,10"',
        );
        this.classes.delete(id);
        delete this.origins.classes[id];
        continue;
      }
      this.classes.set(id, { ...cls, gradeLevels: grades });
    }

    for (const e of accepted) {
      if (this.rejected.classes.has(e.classSourcedId)) {
        this.reject(
          ['enrollments'],
          'enrollments.csv',
          e.line,
          e.sourcedId,
          'REJECTED_REFERENCE',
          `class "${e.classSourcedId}" was rejected (see classes.csv)`,
          'fix that class first',
        );
        continue;
      }
      const { line, ...enrollment } = e;
      this.enrollments.push(enrollment);
      this.origins.enrollments[e.sourcedId] = { file: 'enrollments.csv', line };
      // A teacher of a class holds the teacher role at the class's school.
      const teacher = this.staff.get(e.userSourcedId);
      const cls = this.classes.get(e.classSourcedId);
      if (
        e.role === 'teacher' &&
        teacher &&
        cls &&
        !teacher.roles.some((r) => r.role === 'teacher' && r.schoolSourcedId === cls.schoolSourcedId)
      )
        this.staff.set(teacher.sourcedId, {
          ...teacher,
          roles: [...teacher.roles, { role: 'teacher', schoolSourcedId: cls.schoolSourcedId }],
        });
    }
  }

  // ---- schools ----

  private finishSchools(): void {
    const grades = new Map<string, number[]>();
    const add = (school: string, g: readonly number[]): void => {
      grades.set(school, [...(grades.get(school) ?? []), ...g]);
    };
    for (const c of this.classes.values()) add(c.schoolSourcedId, c.gradeLevels);
    for (const s of this.students.values()) add(s.schoolSourcedId, [s.gradeLevel]);
    const codes = new Map<string, string>();
    for (const [sourcedId, org] of this.orgs) {
      if (org.type !== 'school') continue;
      let code = toSchoolCode(org.identifier);
      if (!isSchoolCode(code)) {
        const derived = [toSchoolCode(org.name), toSchoolCode(sourcedId)].find(isSchoolCode);
        if (!derived) {
          this.reject(
            ['schools'],
            'orgs.csv',
            org.line,
            sourcedId,
            'MISSING_VALUE',
            'no school code can be made from identifier, name or sourcedId',
            'set identifier to 3-20 letters, digits or "-"',
          );
          continue;
        }
        code = derived;
        this.issues.warning(
          'DERIVED_VALUE',
          'orgs.csv',
          org.line,
          org.identifier
            ? `identifier "${org.identifier}" is not a school code; students will sign in with "${code}"`
            : `no identifier; students will sign in with school code "${code}"`,
          'set identifier to the code students should type (3-20 letters, digits or "-")',
          sourcedId,
        );
      } else if (code !== org.identifier)
        this.issues.warning(
          'DERIVED_VALUE',
          'orgs.csv',
          org.line,
          `identifier "${org.identifier}" becomes school code "${code}"`,
          undefined,
          sourcedId,
        );
      const other = codes.get(code);
      if (other !== undefined) {
        this.reject(
          ['schools'],
          'orgs.csv',
          org.line,
          sourcedId,
          'DUPLICATE_SCHOOL_CODE',
          `school code ${code} is already used by school "${other}"`,
          'give each school its own identifier',
        );
        continue;
      }
      codes.set(code, sourcedId);
      const g = grades.get(sourcedId) ?? [];
      this.schools.push({
        sourcedId,
        name: org.name.slice(0, 200),
        code,
        lowestGrade: g.length > 0 ? Math.min(...g) : 0,
        highestGrade: g.length > 0 ? Math.max(...g) : 12,
      });
    }
    for (const s of this.staff.values()) {
      if (s.roles.length === 0) {
        const at = this.origins.staff[s.sourcedId];
        this.issues.warning(
          'UNSUPPORTED_ROLE',
          at?.file ?? 'users.csv',
          at?.line ?? null,
          `${s.email} is imported without a school role and will see nothing`,
          'give the user a role at a school, or grant one in Haven',
          s.sourcedId,
        );
      }
      this.staff.set(s.sourcedId, { ...s, roles: [...s.roles].sort(compareGrants) });
    }
  }
}

const GRADE_HINT =
  'grades are KG or 01-12 (also IT, PR, PK, TK, PS, 13, UG, Other); several go in quotes: "09,10"';

function className(title: string, classCode: string, periods: string[]): string {
  let name = title;
  if (periods.length > 0) name = `${title}, period ${periods.join('/')}`;
  else if (classCode && !title.includes(classCode)) name = `${title} (${classCode})`;
  return name.slice(0, 120);
}

export function compareGrants(a: StaffRoleGrant, b: StaffRoleGrant): number {
  return a.schoolSourcedId.localeCompare(b.schoolSourcedId) || a.role.localeCompare(b.role);
}

function emptyPerKind<T>(make: () => T): Record<EntityKind, T> {
  return { schools: make(), classes: make(), students: make(), staff: make(), enrollments: make() };
}

function mapPerKind<T, U>(value: Record<EntityKind, T>, f: (t: T) => U): Record<EntityKind, U> {
  return {
    schools: f(value.schools),
    classes: f(value.classes),
    students: f(value.students),
    staff: f(value.staff),
    enrollments: f(value.enrollments),
  };
}
