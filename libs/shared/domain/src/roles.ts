/** Every role a Haven user can hold. A user may hold several; staff roles are scoped to a district or school. */
export const ROLES = [
  'student',
  'teacher',
  'school_admin',
  'district_admin',
  'author',
  'reviewer',
  'platform_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that are granted within one school. */
export const SCHOOL_SCOPED_ROLES: readonly Role[] = ['student', 'teacher', 'school_admin'];
/** Roles that are granted within one district. */
export const DISTRICT_SCOPED_ROLES: readonly Role[] = ['district_admin', 'author', 'reviewer'];
/** Roles that are not tied to a tenant. */
export const GLOBAL_ROLES: readonly Role[] = ['platform_admin'];

export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'student');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleScope(role: Role): 'school' | 'district' | 'global' {
  if (SCHOOL_SCOPED_ROLES.includes(role)) return 'school';
  if (DISTRICT_SCOPED_ROLES.includes(role)) return 'district';
  return 'global';
}

/** The home page a role lands on after signing in, most specific first. */
export const HOME_BY_ROLE: Record<Role, string> = {
  student: '/student',
  teacher: '/teacher',
  school_admin: '/school',
  district_admin: '/district',
  author: '/studio',
  reviewer: '/studio',
  platform_admin: '/district',
};

const HOME_PRIORITY: readonly Role[] = [
  'student',
  'teacher',
  'school_admin',
  'district_admin',
  'author',
  'reviewer',
  'platform_admin',
];

export function homeFor(roles: readonly Role[]): string {
  const first = HOME_PRIORITY.find((r) => roles.includes(r));
  return first ? HOME_BY_ROLE[first] : '/';
}
