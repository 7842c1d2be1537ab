import type { Role } from '@haven/domain';
import type { UserKind } from '../identity/user.entity';

export interface Grant {
  role: Role;
  districtId: string | null;
  schoolId: string | null;
}

/** The signed-in caller, as every policy and tenant check sees it. */
export interface Actor {
  userId: string;
  kind: UserKind;
  displayName: string;
  preferredLanguage: string;
  grants: Grant[];
  sessionId: string;
}

export function rolesOf(actor: Actor): Role[] {
  return [...new Set(actor.grants.map((g) => g.role))];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Tenants where the actor holds one of the roles. */
export function districtsWhere(actor: Actor, ...roles: Role[]): string[] {
  return [
    ...new Set(actor.grants.filter((g) => roles.includes(g.role) && g.districtId).map((g) => g.districtId!)),
  ];
}

export function schoolsWhere(actor: Actor, ...roles: Role[]): string[] {
  return [
    ...new Set(actor.grants.filter((g) => roles.includes(g.role) && g.schoolId).map((g) => g.schoolId!)),
  ];
}
