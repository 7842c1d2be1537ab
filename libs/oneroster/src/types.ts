import type { Role } from '@haven/domain';

/** The OneRoster CSV versions this library reads. */
export type OneRosterVersion = '1.1' | '1.2';

/** How the manifest says a file is delivered. */
export type FileMode = 'bulk' | 'delta' | 'absent';

/** The Haven roles an import may grant; district and platform roles are granted by hand. */
export type ImportedRole = Extract<Role, 'student' | 'teacher' | 'school_admin'>;

/** A school: an org of type `school`. `code` is what students type to sign in. */
export interface RosterSchool {
  readonly sourcedId: string;
  readonly name: string;
  /** Upper-case, 3-20 of A-Z, 0-9 and `-` (Haven's `CHK_school_code`). */
  readonly code: string;
  /** 0 = kindergarten. */
  readonly lowestGrade: number;
  readonly highestGrade: number;
}

/** A class section in one school and one school year. */
export interface RosterClass {
  readonly sourcedId: string;
  readonly schoolSourcedId: string;
  readonly name: string;
  /** Sorted, distinct, 0-12, never empty. */
  readonly gradeLevels: readonly number[];
  /** e.g. `2026-2027` (1 July to 30 June). */
  readonly schoolYear: string;
}

/** A student: only what Haven needs to let them sign in and to place them in a grade. */
export interface RosterStudent {
  readonly sourcedId: string;
  readonly schoolSourcedId: string;
  /** Lower-case, unique within the school. */
  readonly username: string;
  /** Given (or preferred given) name only. */
  readonly displayName: string;
  readonly gradeLevel: number;
}

/** A role a staff member holds at a school. */
export interface StaffRoleGrant {
  readonly role: Exclude<ImportedRole, 'student'>;
  readonly schoolSourcedId: string;
}

/** A staff member: signs in with email; roles sorted by school then role. */
export interface RosterStaff {
  readonly sourcedId: string;
  /** Lower-case. */
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly StaffRoleGrant[];
}

/** A student enrolled in, or a teacher of, a class. */
export interface RosterEnrollment {
  readonly sourcedId: string;
  readonly classSourcedId: string;
  readonly userSourcedId: string;
  readonly role: 'student' | 'teacher';
}

/** The normalised roster, as Haven stores it, every record keyed by its OneRoster sourcedId. */
export interface Roster {
  readonly schools: readonly RosterSchool[];
  readonly classes: readonly RosterClass[];
  readonly students: readonly RosterStudent[];
  readonly staff: readonly RosterStaff[];
  readonly enrollments: readonly RosterEnrollment[];
}

export type EntityKind = keyof Roster;
export const ENTITY_KINDS: readonly EntityKind[] = ['schools', 'classes', 'students', 'staff', 'enrollments'];

export interface EntityByKind {
  schools: RosterSchool;
  classes: RosterClass;
  students: RosterStudent;
  staff: RosterStaff;
  enrollments: RosterEnrollment;
}

/** Where a record came from: the CSV file and line (header = line 1). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export type PerKind<T> = { readonly [K in EntityKind]: T };

/** What one bundle says, normalised: the records plus what the import may do with what it does not list. */
export interface IncomingRoster extends Roster {
  readonly version: OneRosterVersion;
  /** The mode of the file each kind comes from (schools: orgs, students and staff: users, …). */
  readonly modes: PerKind<FileMode>;
  /** sourcedIds marked `tobedeleted` (or users with `enabledUser` false). */
  readonly deleted: PerKind<readonly string[]>;
  /** sourcedIds of rows rejected with an error: never deactivated because they were "missing". */
  readonly rejected: PerKind<readonly string[]>;
  /** Where each record was read, for messages found later (e.g. by `planImport`). */
  readonly origins: PerKind<Readonly<Record<string, SourceLocation>>>;
}

export type IssueSeverity = 'error' | 'warning';

export type IssueCode =
  | 'MISSING_MANIFEST'
  | 'MANIFEST_INVALID'
  | 'FILE_MISSING'
  | 'FILE_NOT_IN_MANIFEST'
  | 'CSV_SYNTAX'
  | 'MISSING_COLUMN'
  | 'COLUMN_COUNT'
  | 'MISSING_VALUE'
  | 'INVALID_VALUE'
  | 'DUPLICATE_SOURCED_ID'
  | 'DUPLICATE_USERNAME'
  | 'DUPLICATE_EMAIL'
  | 'DUPLICATE_SCHOOL_CODE'
  | 'UNKNOWN_REFERENCE'
  | 'REJECTED_REFERENCE'
  | 'UNSUPPORTED_GRADE'
  | 'UNKNOWN_GRADE'
  | 'UNKNOWN_ROLE'
  | 'UNSUPPORTED_ROLE'
  | 'UNKNOWN_STATUS'
  | 'NO_SCHOOL_YEAR'
  | 'DERIVED_VALUE'
  /** A school admin's import: the row is about another school or the district, and is left alone. */
  | 'OUTSIDE_SCOPE';

/** One problem found in a bundle. An error means the row is not imported; a warning means it is, as described. */
export interface RosterIssue {
  readonly severity: IssueSeverity;
  readonly code: IssueCode;
  /** e.g. `users.csv`; `manifest.csv` or the bundle path for bundle-wide problems. */
  readonly file: string;
  /** CSV line (header = 1); null for problems with a whole file. */
  readonly line: number | null;
  readonly sourcedId?: string;
  readonly message: string;
  /** What to change in the source system to fix it. */
  readonly hint?: string;
}

export interface RosterIssues {
  readonly errors: readonly RosterIssue[];
  readonly warnings: readonly RosterIssue[];
}

/** The result of reading a bundle. `notes` say, once, what Haven deliberately does not keep. */
export interface ReadRosterResult {
  readonly roster: IncomingRoster;
  readonly issues: RosterIssues;
  readonly notes: readonly string[];
}

/** A bundle: file name (e.g. `users.csv`) → its text. */
export interface OneRosterBundle {
  readonly files: Readonly<Record<string, string>>;
}
