import type { ImportedRole } from './types';

/** CEDS grade codes that OneRoster allows but Haven has no grade for (Haven teaches K-12). */
export const UNSUPPORTED_GRADE_CODES: readonly string[] = ['IT', 'PR', 'PK', 'TK', 'PS', '13', 'UG', 'Other'];

export type GradeMapping =
  | { readonly kind: 'grade'; readonly grade: number }
  | { readonly kind: 'unsupported'; readonly code: string }
  | { readonly kind: 'unknown'; readonly code: string };

/** Maps a OneRoster grade code to a Haven grade: KG → 0, 01..12 → 1..12. */
export function mapGrade(code: string): GradeMapping {
  const c = code.trim();
  if (c === 'KG') return { kind: 'grade', grade: 0 };
  if (/^(0[1-9]|1[0-2])$/.test(c)) return { kind: 'grade', grade: Number(c) };
  const known = UNSUPPORTED_GRADE_CODES.find((u) => u.toLowerCase() === c.toLowerCase());
  if (known) return { kind: 'unsupported', code: known };
  return { kind: 'unknown', code: c };
}

/** What a OneRoster role becomes in Haven. */
export type RoleMapping =
  | { readonly kind: 'role'; readonly role: ImportedRole }
  /** A valid OneRoster role that Haven does not import (parents, district-wide administrators). */
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'unknown' };

const SKIP_FAMILY = 'Haven has no parent or guardian accounts; nothing about them is imported';
const SKIP_DISTRICT = 'district-wide roles are granted in Haven by hand, not by an import';

/**
 * OneRoster 1.1 and 1.2 user roles → Haven roles. Roles are matched case-insensitively (1.1 files in the wild
 * write `Teacher`).
 */
export const ROLE_MAP: Readonly<Record<string, RoleMapping>> = {
  student: { kind: 'role', role: 'student' },
  teacher: { kind: 'role', role: 'teacher' },
  aide: { kind: 'role', role: 'teacher' },
  proctor: { kind: 'role', role: 'teacher' },
  counselor: { kind: 'role', role: 'teacher' },
  administrator: { kind: 'role', role: 'school_admin' },
  principal: { kind: 'role', role: 'school_admin' },
  siteadministrator: { kind: 'role', role: 'school_admin' },
  districtadministrator: { kind: 'skipped', reason: SKIP_DISTRICT },
  systemadministrator: { kind: 'skipped', reason: SKIP_DISTRICT },
  guardian: { kind: 'skipped', reason: SKIP_FAMILY },
  parent: { kind: 'skipped', reason: SKIP_FAMILY },
  relative: { kind: 'skipped', reason: SKIP_FAMILY },
};

export function mapRole(value: string): RoleMapping {
  return ROLE_MAP[value.trim().toLowerCase()] ?? { kind: 'unknown' };
}

/** Enrollment roles → what the enrollment means in a Haven class. */
export function mapEnrollmentRole(value: string): 'student' | 'teacher' | 'skipped' | 'unknown' {
  switch (value.trim().toLowerCase()) {
    case 'student':
      return 'student';
    case 'teacher':
    case 'aide':
      return 'teacher';
    case 'administrator':
    case 'proctor':
      return 'skipped';
    default:
      return 'unknown';
  }
}

/** The school year (1 July to 30 June) a date falls in, e.g. 2026-09-01 → 2026-2027. */
export function schoolYearOfIsoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const start = month >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** OneRoster's `schoolYear` (YYYY) names the calendar year the school year ends in: 2027 → 2026-2027. */
export function schoolYearOfEndYear(value: string): string | null {
  if (!/^\d{4}$/.test(value.trim())) return null;
  const end = Number(value);
  return `${end - 1}-${end}`;
}

/** A username Haven accepts: lower-case a-z, 0-9, `.`, `_`, `-`, at most 64 characters. */
export function toUsername(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

const SCHOOL_CODE = /^[A-Z0-9-]{3,20}$/;

export function isSchoolCode(value: string): boolean {
  return SCHOOL_CODE.test(value);
}

/** A school code from free text: upper-case, other characters → `-`, at most 20 characters. */
export function toSchoolCode(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 20)
    .replace(/-+$/, '');
}
