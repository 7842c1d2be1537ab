import { IssueList } from './issues';
import {
  ENTITY_KINDS,
  type EntityByKind,
  type EntityKind,
  type IncomingRoster,
  type PerKind,
  type Roster,
  type RosterIssues,
  type SourceLocation,
} from './types';

/** A record whose fields changed: only the changed fields are in `changes`. */
export interface EntityUpdate<T> {
  readonly sourcedId: string;
  readonly changes: Partial<Omit<T, 'sourcedId'>>;
}

export type DeactivationReason =
  /** `status` tobedeleted, or a user with `enabledUser` false. */
  | 'tobedeleted'
  /** Not in a bulk file that lists every record of its kind. */
  | 'missing-from-bulk'
  /** The user is now the other kind (student ↔ staff). */
  | 'changed-kind';

export interface Deactivation {
  readonly sourcedId: string;
  readonly reason: DeactivationReason;
}

export interface ImportPlan {
  readonly creates: { readonly [K in EntityKind]: readonly EntityByKind[K][] };
  readonly updates: { readonly [K in EntityKind]: readonly EntityUpdate<EntityByKind[K]>[] };
  readonly deactivations: PerKind<readonly Deactivation[]>;
  /** Problems only visible against what Haven already has (references, usernames, emails, school codes). */
  readonly issues: RosterIssues;
}

/**
 * What applying `incoming` to `existing` would do. `existing` is the active roster Haven holds for the
 * district, in the same normalised shape. Pure and deterministic: importing the same bundle twice gives an
 * empty plan the second time.
 *
 * - bulk kind: rows create or update; existing records not in the file are deactivated (except rows the
 *   file has but rejected with an error).
 * - delta kind: only listed rows are touched; `tobedeleted` rows are deactivated.
 * - absent kind: nothing of that kind changes.
 *
 * Creates and updates that would refer to a school, class or user that exists neither in Haven nor in the
 * bundle, or that would clash on username, email or school code, are dropped and reported as errors.
 */
export function planImport(existing: Roster, incoming: IncomingRoster): ImportPlan {
  const issues = new IssueList();
  const plan = {
    creates: perKind(() => [] as unknown[]),
    updates: perKind(() => [] as EntityUpdate<unknown>[]),
    deactivations: perKind(() => [] as Deactivation[]),
  };
  for (const kind of ENTITY_KINDS) diffKind(kind, existing, incoming, plan);
  userKindChanges(existing, incoming, plan);
  const typed = plan as unknown as Omit<ImportPlan, 'issues'>;
  const checked = checkReferences(existing, incoming, typed, issues);
  return { ...checked, issues: issues.toIssues() };
}

type MutablePlan = {
  creates: Record<EntityKind, unknown[]>;
  updates: Record<EntityKind, EntityUpdate<unknown>[]>;
  deactivations: Record<EntityKind, Deactivation[]>;
};

function diffKind(kind: EntityKind, existing: Roster, incoming: IncomingRoster, plan: MutablePlan): void {
  const mode = incoming.modes[kind];
  if (mode === 'absent') return;
  const before = new Map<string, { sourcedId: string }>(existing[kind].map((r) => [r.sourcedId, r]));
  const listed = new Set<string>();
  for (const record of incoming[kind]) {
    listed.add(record.sourcedId);
    const old = before.get(record.sourcedId);
    if (!old) {
      plan.creates[kind].push(record);
      continue;
    }
    const changes = changedFields(old, record);
    if (Object.keys(changes).length > 0) plan.updates[kind].push({ sourcedId: record.sourcedId, changes });
  }
  const deleted = new Set(incoming.deleted[kind]);
  for (const id of deleted)
    if (before.has(id) && !listed.has(id))
      plan.deactivations[kind].push({ sourcedId: id, reason: 'tobedeleted' });
  if (mode === 'bulk') {
    const rejected = new Set(incoming.rejected[kind]);
    for (const id of before.keys())
      if (!listed.has(id) && !deleted.has(id) && !rejected.has(id))
        plan.deactivations[kind].push({ sourcedId: id, reason: 'missing-from-bulk' });
  }
}

/** A user listed as the other kind (student ↔ staff) leaves the kind they were. */
function userKindChanges(existing: Roster, incoming: IncomingRoster, plan: MutablePlan): void {
  for (const [from, to] of [
    ['students', 'staff'],
    ['staff', 'students'],
  ] as const) {
    const now = new Set(incoming[to].map((r) => r.sourcedId));
    for (const old of existing[from]) {
      if (!now.has(old.sourcedId)) continue;
      const list = plan.deactivations[from];
      const i = list.findIndex((d) => d.sourcedId === old.sourcedId);
      if (i >= 0) list.splice(i, 1);
      list.push({ sourcedId: old.sourcedId, reason: 'changed-kind' });
    }
  }
}

function changedFields(old: object, next: object): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const o = old as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if (key === 'sourcedId') continue;
    if (JSON.stringify(o[key]) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes;
}

/**
 * Checks the roster that would result, record by record, for what `readRoster` could not check alone. A
 * failing create or update is dropped; the record's file and line come from `incoming.origins`.
 */
function checkReferences(
  existing: Roster,
  incoming: IncomingRoster,
  plan: Omit<ImportPlan, 'issues'>,
  issues: IssueList,
): Omit<ImportPlan, 'issues'> {
  const next = applyPlan(existing, plan);
  const ids = perKind((k) => new Set(next[k].map((r) => r.sourcedId)));
  const touched = perKind((k) => new Set([...plan.creates[k], ...plan.updates[k]].map((r) => r.sourcedId)));
  const drop = perKind(() => new Set<string>());
  const before = perKind((k) => new Set(existing[k].map((r) => r.sourcedId)));
  /** In the resulting roster: a create dropped for an error does not exist. */
  const exists = (kind: EntityKind, id: string): boolean =>
    ids[kind].has(id) && (before[kind].has(id) || !drop[kind].has(id));
  const where = (kind: EntityKind, id: string): SourceLocation =>
    incoming.origins[kind][id] ?? { file: fileOf(kind), line: 0 };
  const fail = (kind: EntityKind, id: string, message: string, hint: string): void => {
    const { file, line } = where(kind, id);
    issues.error('UNKNOWN_REFERENCE', file, line || null, message, hint, id);
    drop[kind].add(id);
  };

  unique(
    next.schools,
    (s) => s.code,
    touched.schools,
    (id, other, code) =>
      conflict(
        'schools',
        id,
        `school code ${code} is already used by school "${other}"`,
        'give each school its own identifier',
      ),
  );
  unique(
    next.students,
    (s) => `${s.schoolSourcedId} ${s.username}`,
    touched.students,
    (id, other) =>
      conflict(
        'students',
        id,
        `the username is already used by student "${other}" at the same school`,
        'usernames are unique within a school',
      ),
  );
  unique(
    next.staff,
    (s) => s.email,
    touched.staff,
    (id, other, email) =>
      conflict(
        'staff',
        id,
        `email ${email} is already used by "${other}"`,
        'each staff member has their own email',
      ),
  );

  for (const c of next.classes)
    if (touched.classes.has(c.sourcedId) && !exists('schools', c.schoolSourcedId))
      fail(
        'classes',
        c.sourcedId,
        `school "${c.schoolSourcedId}" is neither in Haven nor in orgs.csv`,
        'send orgs.csv',
      );
  for (const s of next.students)
    if (touched.students.has(s.sourcedId) && !exists('schools', s.schoolSourcedId))
      fail(
        'students',
        s.sourcedId,
        `school "${s.schoolSourcedId}" is neither in Haven nor in orgs.csv`,
        'send orgs.csv',
      );
  for (const s of next.staff)
    for (const r of s.roles)
      if (touched.staff.has(s.sourcedId) && !exists('schools', r.schoolSourcedId))
        fail(
          'staff',
          s.sourcedId,
          `school "${r.schoolSourcedId}" is neither in Haven nor in orgs.csv`,
          'send orgs.csv',
        );
  for (const e of next.enrollments) {
    if (!touched.enrollments.has(e.sourcedId)) continue;
    if (!exists('classes', e.classSourcedId))
      fail(
        'enrollments',
        e.sourcedId,
        `class "${e.classSourcedId}" is neither in Haven nor in classes.csv`,
        'send classes.csv',
      );
    else if (!exists(e.role === 'student' ? 'students' : 'staff', e.userSourcedId))
      fail(
        'enrollments',
        e.sourcedId,
        `${e.role} "${e.userSourcedId}" is neither in Haven nor in users.csv`,
        'send users.csv',
      );
  }
  function conflict(kind: EntityKind, id: string, message: string, hint: string): void {
    const { file, line } = where(kind, id);
    issues.error(
      kind === 'staff'
        ? 'DUPLICATE_EMAIL'
        : kind === 'schools'
          ? 'DUPLICATE_SCHOOL_CODE'
          : 'DUPLICATE_USERNAME',
      file,
      line || null,
      message,
      hint,
      id,
    );
    drop[kind].add(id);
  }

  return {
    creates: perKind((k) =>
      plan.creates[k].filter((r) => !drop[k].has(r.sourcedId)),
    ) as ImportPlan['creates'],
    updates: perKind((k) =>
      plan.updates[k].filter((r) => !drop[k].has(r.sourcedId)),
    ) as ImportPlan['updates'],
    deactivations: plan.deactivations,
  };
}

function unique<T extends { sourcedId: string }>(
  records: readonly T[],
  key: (r: T) => string,
  touched: Set<string>,
  onClash: (id: string, other: string, key: string) => void,
): void {
  const seen = new Map<string, string>();
  // Untouched records keep their key; touched ones clash with them or with each other.
  const ordered = [...records].sort(
    (a, b) => Number(touched.has(a.sourcedId)) - Number(touched.has(b.sourcedId)),
  );
  for (const r of ordered) {
    const k = key(r);
    const other = seen.get(k);
    if (other !== undefined && touched.has(r.sourcedId)) onClash(r.sourcedId, other, k);
    else seen.set(k, r.sourcedId);
  }
}

function fileOf(kind: EntityKind): string {
  return {
    schools: 'orgs.csv',
    classes: 'classes.csv',
    students: 'users.csv',
    staff: 'users.csv',
    enrollments: 'enrollments.csv',
  }[kind];
}

/** The roster after a plan: what Haven will hold once the API has applied it (used for checks and tests). */
export function applyPlan(existing: Roster, plan: Omit<ImportPlan, 'issues'>): Roster {
  const result = perKind((kind) => {
    const gone = new Set(plan.deactivations[kind].map((d) => d.sourcedId));
    const updates = new Map(plan.updates[kind].map((u) => [u.sourcedId, u.changes]));
    const kept = (existing[kind] as readonly { sourcedId: string }[])
      .filter((r) => !gone.has(r.sourcedId))
      .map((r) => ({ ...r, ...(updates.get(r.sourcedId) ?? {}) }));
    return [...kept, ...(plan.creates[kind] as readonly { sourcedId: string }[])].sort((a, b) =>
      a.sourcedId.localeCompare(b.sourcedId),
    );
  });
  return result as unknown as Roster;
}

/** True when the plan changes nothing. */
export function isEmptyPlan(plan: ImportPlan): boolean {
  return ENTITY_KINDS.every(
    (k) => plan.creates[k].length === 0 && plan.updates[k].length === 0 && plan.deactivations[k].length === 0,
  );
}

function perKind<T>(make: (kind: EntityKind) => T): Record<EntityKind, T> {
  return {
    schools: make('schools'),
    classes: make('classes'),
    students: make('students'),
    staff: make('staff'),
    enrollments: make('enrollments'),
  };
}
