import { SetMetadata } from '@nestjs/common';
import type { Role } from '@haven/domain';

/**
 * Who may call an operation or read a field:
 * - 'public': anyone, signed in or not;
 * - 'authenticated': any signed-in user;
 * - a list of roles: a signed-in user holding at least one of them.
 * Tenant checks (which district, school or class) happen in TenancyService; this only says who may ask.
 */
export type Policy = 'public' | 'authenticated' | readonly Role[];

export const POLICY_KEY = 'haven:policy';

/** Every resolver and field resolver declares one. Without it the guard denies the call (deny by default). */
export const Allow = (policy: Policy): MethodDecorator & ClassDecorator => SetMetadata(POLICY_KEY, policy);

/** Roles that see class rosters and school structure. */
export const ROSTER_STAFF: readonly Role[] = ['teacher', 'school_admin', 'district_admin', 'platform_admin'];
/** Roles that manage classes. */
export const SCHOOL_MANAGERS: readonly Role[] = ['school_admin', 'district_admin', 'platform_admin'];
