import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ENTITY_KINDS,
  IssueList,
  isEmptyPlan,
  parseCsv,
  planImport,
  readRoster,
  type EntityKind,
  type ImportPlan,
  type OneRosterBundle,
  type ReadRosterResult,
  type Roster,
  type RosterClass,
  type RosterEnrollment,
  type RosterIssue,
  type RosterSchool,
  type RosterStaff,
  type RosterStudent,
  type StaffRoleGrant,
} from '@haven/oneroster';
import { Actor, districtsWhere, hasRole } from '../auth/actor';
import { hashSecret } from '../auth/password';
import { AuditService } from '../audit/audit.service';
import { ClassSection } from '../identity/class-section.entity';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';
import { ImportMode, ImportRun, ImportStatus, RosterSource } from './roster-import.entities';

/** At most this many issues are kept with an import run (errors first); the response has them all. */
export const MAX_STORED_ISSUES = 500;

export type KindCounts = Record<EntityKind, number>;

export interface ImportCounts {
  created: KindCounts;
  updated: KindCounts;
  deactivated: KindCounts;
  errors: number;
  warnings: number;
  /** CSV files in the bundle. */
  files: string[];
}

export interface CreatedStudent {
  username: string;
  displayName: string;
  /** The school code the student types to sign in. */
  school: string;
  schoolName: string;
  /** Shown once, to hand out; only its hash is stored. */
  initialPin: string;
}

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  /** The uploaded file or the path given to the CLI, for the run's record. */
  fileName: string;
  /** A school admin's import: only these schools' rows are applied (absent: the whole district). */
  scope?: SchoolScope;
}

/** The schools a school admin's import may touch (their own), in the import's district. */
export interface SchoolScope {
  schools: { id: string; code: string }[];
}

/** The issue code of a row a school admin's import leaves alone (a warning: it blocks nothing). */
export const OUTSIDE_SCOPE = 'OUTSIDE_SCOPE' satisfies RosterIssue['code'];
const OUTSIDE_MESSAGE = 'outside your school: not imported';

export interface ImportResult {
  runId: string | null;
  dryRun: boolean;
  mode: ImportMode;
  /** `dry-run` when nothing was meant to be written. */
  status: ImportStatus | 'dry-run';
  counts: ImportCounts;
  issues: RosterIssue[];
  /** What Haven deliberately does not keep (said once). */
  notes: string[];
  createdStudents: CreatedStudent[];
}

/** Who runs an import: a signed-in admin, or the command line (no user). */
export interface ImportCaller {
  userId: string | null;
}

type Ids = Map<string, string>;

type MutableKinds<T> = Record<EntityKind, T>;

/** The district's stored roster in the library's shape, and the Haven ids behind each sourcedId. */
export interface ExistingRoster {
  roster: Roster;
  /** Every mapped sourcedId (also deactivated ones, so a record that comes back is reused). */
  school: Ids;
  class: Ids;
  user: Ids;
  userKind: Map<string, User['kind']>;
  enrollment: Map<string, { classId: string; memberId: string; role: 'student' | 'teacher' }>;
  /** Haven ids of records mapped in this district. */
  mappedEntities: Set<string>;
}

interface Planned {
  read: ReadRosterResult;
  existing: ExistingRoster;
  /** A school admin's import: their schools linked to an org row by school code (written as mappings). */
  links: Ids;
  plan: ImportPlan;
  /** Records the import creates that Haven already holds unmapped (same school code, email, username). */
  adopt: Ids;
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

const LIMITS = { name: 200, classname: 120, displayName: 120, username: 64, email: 254 } as const;

function zeroCounts(): KindCounts {
  return { schools: 0, classes: 0, students: 0, staff: 0, enrollments: 0 };
}

function compareGrants(a: StaffRoleGrant, b: StaffRoleGrant): number {
  return a.schoolSourcedId.localeCompare(b.schoolSourcedId) || a.role.localeCompare(b.role);
}

const FILE_OF: Record<EntityKind, string> = {
  schools: 'orgs.csv',
  classes: 'classes.csv',
  students: 'users.csv',
  staff: 'users.csv',
  enrollments: 'enrollments.csv',
};

/** The sourcedIds of each kind, as sets. */
function perKindSets(lists: {
  readonly [K in EntityKind]: readonly (string | { sourcedId: string })[];
}): Record<EntityKind, Set<string>> {
  const ids = (kind: EntityKind): Set<string> =>
    new Set(lists[kind].map((r) => (typeof r === 'string' ? r : r.sourcedId)));
  return {
    schools: ids('schools'),
    classes: ids('classes'),
    students: ids('students'),
    staff: ids('staff'),
    enrollments: ids('enrollments'),
  };
}

/** The rows of orgs.csv that are not schools (the district org and the like), for a school admin's report. */
function nonSchoolOrgs(bundle: OneRosterBundle): Omit<RosterIssue, 'message'>[] {
  const text = bundle.files['orgs.csv'];
  const table = text === undefined ? null : parseCsv('orgs.csv', text, new IssueList());
  return (table?.rows ?? [])
    .filter((r) => r.values['type'] && r.values['type'] !== 'school' && r.values['sourcedId'])
    .map((r) => ({
      severity: 'warning',
      code: OUTSIDE_SCOPE,
      file: 'orgs.csv',
      line: r.line,
      sourcedId: r.values['sourcedId'],
    }));
}

function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Applies a OneRoster bundle to one district: reads and plans with `@haven/oneroster`, checks the plan against
 * the whole database (school codes and staff emails are unique across districts), then writes it in one
 * transaction. The HTTP route and the CLI both call `run`.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The district an admin may import into: a district_admin's own (or the one they name, if theirs), any for
   * a platform_admin (who must name it). Anything else is null ("not found").
   */
  async districtFor(actor: Actor, districtId?: string): Promise<District | null> {
    const own = districtsWhere(actor, 'district_admin');
    const platform = hasRole(actor, 'platform_admin');
    const id = districtId ?? (own.length === 1 ? own[0] : undefined);
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    if (!platform && !own.includes(id)) return null;
    return this.ds.getRepository(District).findOne({ where: { id } });
  }

  /** Recent import runs of the districts the actor administers (a platform admin: all, or the one named). */
  async runs(actor: Actor, first: number, districtId?: string): Promise<ImportRun[]> {
    const platform = hasRole(actor, 'platform_admin');
    const own = districtsWhere(actor, 'district_admin');
    const scope = districtId ? (platform || own.includes(districtId) ? [districtId] : []) : own;
    if (!platform && scope.length === 0) return [];
    const qb = this.ds.getRepository(ImportRun).createQueryBuilder('r');
    if (scope.length || !platform) qb.where('r.district_id IN (:...scope)', { scope });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').take(first).getMany();
  }

  /**
   * Recent school-scoped import runs whose every school is one of `schoolIds` (a school admin's own); district
   * imports are not listed (they may hold other schools' details).
   */
  schoolRuns(districtId: string, schoolIds: string[], first: number): Promise<ImportRun[]> {
    return this.ds
      .getRepository(ImportRun)
      .createQueryBuilder('r')
      .where('r.district_id = :districtId', { districtId })
      .andWhere(`jsonb_typeof(r.counts -> 'scope' -> 'schoolIds') = 'array'`)
      .andWhere(`r.counts -> 'scope' -> 'schoolIds' <@ CAST(:mine AS jsonb)`, {
        mine: JSON.stringify(schoolIds),
      })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id')
      .take(first)
      .getMany();
  }

  /** Display names of the staff who started runs (for the admin page). */
  async starterNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.ds.getRepository(User).findBy({ id: In(ids) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** The district's active roster as `planImport` expects it, keyed by sourcedId. */
  async loadExisting(m: EntityManager, districtId: string): Promise<ExistingRoster> {
    const mappings = await m.getRepository(RosterSource).find({ where: { districtId } });
    const school: Ids = new Map();
    const klass: Ids = new Map();
    const user: Ids = new Map();
    const sidOf = {
      school: new Map<string, string>(),
      class: new Map<string, string>(),
      user: new Map<string, string>(),
    };
    const active = new Set<string>();
    for (const r of mappings) {
      if (r.kind === 'enrollment') continue;
      ({ school, class: klass, user })[r.kind].set(r.sourcedId, r.entityId);
      sidOf[r.kind].set(r.entityId, r.sourcedId);
      if (!r.deactivatedAt) active.add(`${r.kind}:${r.sourcedId}`);
    }
    const mappedEntities = new Set(mappings.filter((r) => r.kind !== 'enrollment').map((r) => r.entityId));

    const schools = (await m.getRepository(School).find({ where: { districtId } })).filter((s) =>
      active.has(`school:${sidOf.school.get(s.id)}`),
    );
    const classIds = [...klass.values()];
    const classes = classIds.length
      ? await m
          .getRepository(ClassSection)
          .createQueryBuilder('c')
          .innerJoin(School, 's', 's.id = c.school_id AND s.district_id = :districtId', { districtId })
          .where('c.id IN (:...classIds)', { classIds })
          .getMany()
      : [];
    const userIds = [...user.values()];
    const users = userIds.length ? await m.getRepository(User).findBy({ id: In(userIds) }) : [];
    const grants: { user_id: string; role: 'teacher' | 'school_admin'; school_id: string }[] = userIds.length
      ? await m.query(
          `SELECT user_id, role, school_id FROM role_grant
            WHERE user_id = ANY($1::uuid[]) AND district_id = $2 AND role IN ('teacher', 'school_admin')`,
          [userIds, districtId],
        )
      : [];
    const members: { class_id: string; user_id: string }[] = classIds.length
      ? await m.query(
          `SELECT class_id, student_id AS user_id FROM enrollment WHERE class_id = ANY($1::uuid[])
           UNION ALL SELECT class_id, user_id FROM class_teacher WHERE class_id = ANY($1::uuid[])`,
          [classIds],
        )
      : [];
    const memberSet = new Set(members.map((r) => `${r.class_id} ${r.user_id}`));
    const userKind = new Map(users.map((u) => [u.id, u.kind]));

    const rSchools: RosterSchool[] = schools.map((s) => ({
      sourcedId: sidOf.school.get(s.id)!,
      name: s.name,
      code: s.code,
      lowestGrade: s.lowestGrade,
      highestGrade: s.highestGrade,
    }));
    const rClasses: RosterClass[] = [];
    for (const c of classes) {
      const sid = sidOf.class.get(c.id)!;
      const schoolSid = sidOf.school.get(c.schoolId);
      if (!active.has(`class:${sid}`) || !schoolSid) continue;
      rClasses.push({
        sourcedId: sid,
        schoolSourcedId: schoolSid,
        name: c.name,
        gradeLevels: c.gradeLevels.map(Number),
        schoolYear: c.schoolYear,
      });
    }
    const students: RosterStudent[] = [];
    const staff: RosterStaff[] = [];
    const activeUsers = new Set<string>();
    for (const u of users) {
      const sid = sidOf.user.get(u.id)!;
      if (u.disabledAt || user.get(sid) !== u.id) continue;
      if (u.kind === 'student') {
        const schoolSid = u.schoolId ? sidOf.school.get(u.schoolId) : undefined;
        if (!schoolSid || u.username === null || u.gradeLevel === null) continue;
        students.push({
          sourcedId: sid,
          schoolSourcedId: schoolSid,
          username: u.username,
          displayName: u.displayName,
          gradeLevel: u.gradeLevel,
        });
      } else {
        const roles = grants
          .filter((g) => g.user_id === u.id && sidOf.school.has(g.school_id))
          .map((g) => ({ role: g.role, schoolSourcedId: sidOf.school.get(g.school_id)! }))
          .sort(compareGrants);
        staff.push({
          sourcedId: sid,
          email: (u.email ?? '').toLowerCase(),
          displayName: u.displayName,
          roles,
        });
      }
      activeUsers.add(u.id);
    }
    const activeClasses = new Set(rClasses.map((c) => klass.get(c.sourcedId)!));
    const enrollment: ExistingRoster['enrollment'] = new Map();
    const enrollments: RosterEnrollment[] = [];
    for (const r of mappings) {
      if (r.kind !== 'enrollment' || !r.memberId) continue;
      const role = userKind.get(r.memberId) === 'student' ? 'student' : 'teacher';
      enrollment.set(r.sourcedId, { classId: r.entityId, memberId: r.memberId, role });
      const classSid = sidOf.class.get(r.entityId);
      const userSid = sidOf.user.get(r.memberId);
      if (
        !classSid ||
        !userSid ||
        !activeClasses.has(r.entityId) ||
        !activeUsers.has(r.memberId) ||
        !memberSet.has(`${r.entityId} ${r.memberId}`)
      )
        continue;
      enrollments.push({ sourcedId: r.sourcedId, classSourcedId: classSid, userSourcedId: userSid, role });
    }
    const bySid = <T extends { sourcedId: string }>(a: T, b: T): number =>
      a.sourcedId.localeCompare(b.sourcedId);
    return {
      roster: {
        schools: rSchools.sort(bySid),
        classes: rClasses.sort(bySid),
        students: students.sort(bySid),
        staff: staff.sort(bySid),
        enrollments: enrollments.sort(bySid),
      },
      school,
      class: klass,
      user,
      userKind: new Map(userIds.map((id) => [id, userKind.get(id) ?? 'staff'])),
      enrollment,
      mappedEntities,
    };
  }

  /** Reads, plans and checks a bundle against the district; writes nothing. */
  async plan(
    districtId: string,
    bundle: OneRosterBundle,
    m: EntityManager = this.ds.manager,
    scope?: SchoolScope & { callerId: string | null },
  ): Promise<Planned> {
    const fullRead = readRoster(bundle);
    const fullExisting = await this.loadExisting(m, districtId);
    const scoped = scope
      ? await this.scopeToSchools(m, bundle, fullRead, fullExisting, scope)
      : { read: fullRead, existing: fullExisting, outside: [], links: new Map<string, string>() };
    const { read, existing } = scoped;
    const raw = planImport(existing.roster, read.roster);
    // A school admin never removes or changes a school (not even their own: its name, code and grades are the
    // district's to set), and never creates one (their school is linked in `scopeToSchools`).
    const schoolIssue = (sid: string, message: string): RosterIssue => ({
      severity: 'warning',
      code: OUTSIDE_SCOPE,
      file: 'orgs.csv',
      line: read.roster.origins.schools[sid]?.line || null,
      sourcedId: sid,
      message,
    });
    const schoolChanges: RosterIssue[] = scope
      ? [
          ...raw.deactivations.schools.map((d) =>
            schoolIssue(d.sourcedId, 'removing a school is for the district admin: not imported'),
          ),
          ...raw.updates.schools.map((u) =>
            schoolIssue(
              u.sourcedId,
              'the school’s name, code or grades differ from Haven: the district admin changes them, so not imported',
            ),
          ),
          ...raw.creates.schools.map((c) => schoolIssue(c.sourcedId, OUTSIDE_MESSAGE)),
        ]
      : [];
    const { plan, adopt, issues } = await this.checkDatabase(
      m,
      districtId,
      read,
      existing,
      scope
        ? {
            ...raw,
            creates: { ...raw.creates, schools: [] },
            updates: { ...raw.updates, schools: [] },
            deactivations: { ...raw.deactivations, schools: [] },
          }
        : raw,
    );
    return {
      read,
      existing,
      links: scoped.links,
      plan,
      adopt,
      errors: [...read.issues.errors, ...raw.issues.errors, ...issues],
      warnings: [...read.issues.warnings, ...raw.issues.warnings, ...scoped.outside, ...schoolChanges],
    };
  }

  /**
   * A school admin's view of an import: the existing roster and the bundle cut down to the rows of their own
   * schools. A row is theirs when everything it touches is: a school org (matched to a Haven school by
   * sourcedId, or by school code like the import adopts schools), a class or student of one of those schools
   * (before and after the import), a staff member whose every role is there (never the importing admin, never
   * a district or platform admin), an enrollment whose class and user are theirs. Every other row is reported
   * as a warning and left alone; it is also marked as rejected, so a bulk file that omits it removes nothing.
   */
  private async scopeToSchools(
    m: EntityManager,
    bundle: OneRosterBundle,
    read: ReadRosterResult,
    existing: ExistingRoster,
    scope: SchoolScope & { callerId: string | null },
  ): Promise<{ read: ReadRosterResult; existing: ExistingRoster; outside: RosterIssue[]; links: Ids }> {
    const inc = read.roster;
    const ex = existing.roster;
    const scopeIds = new Set(scope.schools.map((s) => s.id));
    const scopeCodes = new Map(scope.schools.map((s) => [s.code, s.id]));
    const mappedSchoolIds = new Set(existing.school.values());
    // Schools: mapped to one of theirs, or (unmapped) carrying the code of one of theirs not yet mapped.
    const schoolSids = new Set<string>();
    for (const [sid, id] of existing.school) if (scopeIds.has(id)) schoolSids.add(sid);
    // An unmapped school of theirs is linked to its org row as it stands in Haven (so the row changes nothing).
    const links: Ids = new Map();
    for (const s of inc.schools) {
      const id = scopeCodes.get(s.code);
      if (
        id &&
        !existing.school.has(s.sourcedId) &&
        !mappedSchoolIds.has(id) &&
        ![...links.values()].includes(id)
      ) {
        schoolSids.add(s.sourcedId);
        links.set(s.sourcedId, id);
      }
    }
    const linkedSchools: RosterSchool[] = [];
    for (const [sid, id] of links) {
      const row = await m.getRepository(School).findOneByOrFail({ id });
      linkedSchools.push({
        sourcedId: sid,
        name: row.name,
        code: row.code,
        lowestGrade: row.lowestGrade,
        highestGrade: row.highestGrade,
      });
    }
    // Where Haven's mapped classes and users are now (also deactivated ones a row could bring back).
    const classIds = [...existing.class.values()];
    const classSchool = new Map<string, string>(
      classIds.length
        ? (
            (await m.query(`SELECT id, school_id FROM class_section WHERE id = ANY($1::uuid[])`, [
              classIds,
            ])) as { id: string; school_id: string }[]
          ).map((r) => [r.id, r.school_id])
        : [],
    );
    const userIds = [...existing.user.values()];
    const emails = inc.staff.map((s) => s.email);
    const people: { id: string; kind: string; school_id: string | null; email: string | null }[] =
      userIds.length || emails.length
        ? await m.query(
            `SELECT id, kind, school_id, lower(email) AS email FROM app_user
              WHERE id = ANY($1::uuid[]) OR lower(email) = ANY($2::text[])`,
            [userIds, emails],
          )
        : [];
    const personIds = people.map((p) => p.id);
    const personById = new Map(people.map((p) => [p.id, p] as const));
    const personByEmail = new Map(people.filter((p) => p.email).map((p) => [p.email!, p] as const));
    const grants: { user_id: string; role: string; school_id: string | null }[] = personIds.length
      ? await m.query(`SELECT user_id, role, school_id FROM role_grant WHERE user_id = ANY($1::uuid[])`, [
          personIds,
        ])
      : [];
    const grantsOf = new Map<string, typeof grants>();
    for (const g of grants) grantsOf.set(g.user_id, [...(grantsOf.get(g.user_id) ?? []), g]);
    /** A Haven user the school admin may change: a student of theirs, or staff working only at their schools. */
    const ownPerson = (id: string): boolean => {
      if (id === scope.callerId) return false;
      const p = personById.get(id);
      if (!p) return false;
      const mine = grantsOf.get(id) ?? [];
      if (p.kind === 'student') return !!p.school_id && scopeIds.has(p.school_id);
      return (
        mine.length > 0 &&
        mine.every(
          (g) => (g.role === 'teacher' || g.role === 'school_admin') && scopeIds.has(g.school_id ?? ''),
        )
      );
    };
    const ownClassId = (id: string): boolean => scopeIds.has(classSchool.get(id) ?? '');
    const userOk = (sid: string): boolean => {
      const id = existing.user.get(sid);
      return !id || ownPerson(id);
    };

    const scopedEx = {
      schools: [...ex.schools.filter((s) => schoolSids.has(s.sourcedId)), ...linkedSchools],
      classes: ex.classes.filter((c) => schoolSids.has(c.schoolSourcedId)),
      students: ex.students.filter((s) => schoolSids.has(s.schoolSourcedId) && userOk(s.sourcedId)),
      staff: ex.staff.filter(
        (s) =>
          s.roles.length > 0 &&
          s.roles.every((r) => schoolSids.has(r.schoolSourcedId)) &&
          userOk(s.sourcedId),
      ),
      enrollments: [] as RosterEnrollment[],
    };
    const exClassSids = new Set(scopedEx.classes.map((c) => c.sourcedId));
    scopedEx.enrollments = ex.enrollments.filter((e) => exClassSids.has(e.classSourcedId));

    const keptSchools = inc.schools.filter((s) => schoolSids.has(s.sourcedId));
    const keptClasses = inc.classes.filter((c) => {
      const id = existing.class.get(c.sourcedId);
      return schoolSids.has(c.schoolSourcedId) && (!id || ownClassId(id));
    });
    const keptStudents = inc.students.filter((s) => schoolSids.has(s.schoolSourcedId) && userOk(s.sourcedId));
    const keptStaff = inc.staff.filter((s) => {
      if (!s.roles.length || !s.roles.every((r) => schoolSids.has(r.schoolSourcedId))) return false;
      if (!userOk(s.sourcedId)) return false;
      // A new staff row whose email Haven already knows would adopt that account: only one of theirs.
      const owner = personByEmail.get(s.email);
      return !owner || owner.id === existing.user.get(s.sourcedId) || ownPerson(owner.id);
    });
    const classSids = new Set([...exClassSids, ...keptClasses.map((c) => c.sourcedId)]);
    const studentSids = new Set([...scopedEx.students, ...keptStudents].map((s) => s.sourcedId));
    const staffSids = new Set([...scopedEx.staff, ...keptStaff].map((s) => s.sourcedId));
    const keptEnrollments = inc.enrollments.filter((e) => {
      const old = existing.enrollment.get(e.sourcedId);
      return (
        classSids.has(e.classSourcedId) &&
        (e.role === 'student' ? studentSids : staffSids).has(e.userSourcedId) &&
        (!old || ownClassId(old.classId))
      );
    });
    const kept = {
      schools: keptSchools,
      classes: keptClasses,
      students: keptStudents,
      staff: keptStaff,
      enrollments: keptEnrollments,
    } satisfies Roster;

    const outside: RosterIssue[] = [];
    const rejected: MutableKinds<string[]> = {
      schools: [...inc.rejected.schools],
      classes: [...inc.rejected.classes],
      students: [...inc.rejected.students],
      staff: [...inc.rejected.staff],
      enrollments: [...inc.rejected.enrollments],
    };
    const reported = new Set<string>();
    const report = (kind: EntityKind, sid: string): void => {
      // A deleted user is listed under both students and staff (users.csv does not say which).
      const key = `${FILE_OF[kind]} ${sid}`;
      if (reported.has(key)) return;
      reported.add(key);
      const origin = inc.origins[kind][sid];
      outside.push({
        severity: 'warning',
        code: OUTSIDE_SCOPE,
        file: origin?.file ?? FILE_OF[kind],
        line: origin?.line || null,
        sourcedId: sid,
        message: OUTSIDE_MESSAGE,
      });
    };
    const deleted: MutableKinds<string[]> = {
      schools: [],
      classes: [],
      students: [],
      staff: [],
      enrollments: [],
    };
    for (const kind of ENTITY_KINDS) {
      const keep = new Set(kept[kind].map((r) => r.sourcedId));
      for (const r of inc[kind])
        if (!keep.has(r.sourcedId)) {
          report(kind, r.sourcedId);
          // Never "missing from the file" either: the row is there, just not theirs.
          rejected[kind].push(r.sourcedId);
        }
      const mine = new Set(scopedEx[kind].map((r) => r.sourcedId));
      for (const sid of inc.deleted[kind]) if (mine.has(sid)) deleted[kind].push(sid);
    }
    // A deletion of a record Haven holds for another school (users.csv lists a deleted user under both kinds).
    const sameFile = (kind: EntityKind): EntityKind[] =>
      ENTITY_KINDS.filter((k) => FILE_OF[k] === FILE_OF[kind]);
    const heldSids = perKindSets(ex);
    const deletedSids = perKindSets(deleted);
    for (const kind of ENTITY_KINDS)
      for (const sid of inc.deleted[kind]) {
        const held = sameFile(kind).some((k) => heldSids[k].has(sid));
        const mine = sameFile(kind).some((k) => deletedSids[k].has(sid));
        if (held && !mine) report(kind, sid);
      }
    for (const org of nonSchoolOrgs(bundle)) outside.push({ ...org, message: OUTSIDE_MESSAGE });
    outside.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

    return {
      read: { ...read, roster: { ...inc, ...kept, deleted, rejected } },
      existing: {
        ...existing,
        roster: scopedEx,
        school: new Map([...existing.school, ...links]),
        mappedEntities: new Set([...existing.mappedEntities, ...links.values()]),
      },
      outside,
      links,
    };
  }

  /**
   * Reads a bundle and applies it to the district in one transaction. With errors in all-or-nothing mode, or
   * a dry run, nothing of the roster is written (a rejected run is still recorded).
   */
  async run(
    caller: ImportCaller,
    districtId: string,
    bundle: OneRosterBundle,
    options: ImportOptions,
  ): Promise<ImportResult> {
    return this.ds.transaction(async (m) => {
      const planned = await this.plan(
        districtId,
        bundle,
        m,
        options.scope && { ...options.scope, callerId: caller.userId },
      );
      const { plan, read, errors, warnings } = planned;
      const counts: ImportCounts = {
        created: zeroCounts(),
        updated: zeroCounts(),
        deactivated: zeroCounts(),
        errors: errors.length,
        warnings: warnings.length,
        files: Object.keys(bundle.files).sort(),
      };
      for (const k of ENTITY_KINDS) {
        counts.created[k] = plan.creates[k].length;
        counts.updated[k] = plan.updates[k].length;
        counts.deactivated[k] = plan.deactivations[k].length;
      }
      const issues = [...errors, ...warnings];
      const result: ImportResult = {
        runId: null,
        dryRun: options.dryRun,
        mode: options.mode,
        status: 'dry-run',
        counts,
        issues,
        notes: [...read.notes],
        createdStudents: [],
      };
      if (options.dryRun) return result;
      const rejected = errors.length > 0 && options.mode === 'all-or-nothing';
      const status: ImportStatus = rejected ? 'rejected' : isEmptyPlan(plan) ? 'unchanged' : 'applied';
      if (status === 'applied')
        result.createdStudents = await this.apply(m, caller, districtId, planned, options.scope);
      const scope = options.scope && { schoolIds: options.scope.schools.map((s) => s.id) };
      const run = await m.getRepository(ImportRun).save({
        districtId,
        startedBy: caller.userId,
        fileName: options.fileName.slice(0, 255),
        mode: options.mode,
        status,
        counts: { ...counts, createdStudents: result.createdStudents.length, ...(scope ? { scope } : {}) },
        issues: issues.slice(0, MAX_STORED_ISSUES),
      });
      if (status === 'applied')
        await this.audit.record(
          {
            actorId: caller.userId,
            action: 'roster.import',
            targetType: 'import_run',
            targetId: run.id,
            districtId,
            detail: {
              mode: options.mode,
              created: counts.created,
              updated: counts.updated,
              deactivated: counts.deactivated,
              errors: counts.errors,
              ...(scope ? { scope: { kind: 'school', ...scope } } : {}),
            },
          },
          m,
        );
      return { ...result, runId: run.id, status };
    });
  }

  /**
   * What `planImport` cannot see: school codes and staff emails are unique across all districts, usernames
   * per school also among students created by hand, and column lengths. A record Haven already holds without
   * a sourcedId (same school code, staff email, or username at the school) is adopted rather than duplicated.
   * Failing creates and updates are dropped with an error, and so is what refers to a dropped create.
   */
  private async checkDatabase(
    m: EntityManager,
    districtId: string,
    read: ReadRosterResult,
    existing: ExistingRoster,
    plan: ImportPlan,
  ): Promise<{ plan: ImportPlan; adopt: Ids; issues: RosterIssue[] }> {
    const issues: RosterIssue[] = [];
    const adopt: Ids = new Map();
    const drop = {
      schools: new Set<string>(),
      classes: new Set<string>(),
      students: new Set<string>(),
      staff: new Set<string>(),
      enrollments: new Set<string>(),
    };
    const fail = (
      kind: EntityKind,
      sid: string,
      code: RosterIssue['code'],
      message: string,
      hint: string,
    ): void => {
      const origin = read.roster.origins[kind][sid];
      issues.push({
        severity: 'error',
        code,
        file: origin?.file ?? 'users.csv',
        line: origin?.line || null,
        sourcedId: sid,
        message,
        hint,
      });
      drop[kind].add(sid);
    };
    const tooLong = (kind: EntityKind, sid: string, field: string, value: unknown, max: number): boolean => {
      if (typeof value !== 'string' || value.length <= max) return false;
      fail(kind, sid, 'INVALID_VALUE', `${field} is longer than ${max} characters`, `shorten the ${field}`);
      return true;
    };
    const written = <K extends EntityKind>(kind: K) => [
      ...plan.creates[kind].map((r) => ({
        sid: r.sourcedId,
        fields: r as Partial<Roster[K][number]>,
        create: true,
      })),
      ...plan.updates[kind].map((u) => ({
        sid: u.sourcedId,
        fields: u.changes as Partial<Roster[K][number]>,
        create: false,
      })),
    ];
    /** The Haven record a sourcedId already stands for, when it is of the right kind. */
    const mappedUser = (sid: string, kind: User['kind']): string | undefined => {
      const id = existing.user.get(sid);
      return id && existing.userKind.get(id) === kind ? id : undefined;
    };

    // Schools: code unique across Haven.
    const schools = written('schools');
    const codes = schools
      .map((s) => (s.fields as Partial<RosterSchool>).code)
      .filter((c): c is string => !!c);
    const codeOwners: { id: string; district_id: string; code: string }[] = codes.length
      ? await m.query(`SELECT id, district_id, code FROM school WHERE code = ANY($1::text[])`, [codes])
      : [];
    for (const s of schools) {
      const f = s.fields as Partial<RosterSchool>;
      if (tooLong('schools', s.sid, 'school name', f.name, LIMITS.name)) continue;
      if (!f.code) continue;
      const target = existing.school.get(s.sid);
      const owner = codeOwners.find((o) => o.code === f.code);
      if (!owner || owner.id === target) continue;
      if (s.create && !target && owner.district_id === districtId && !existing.mappedEntities.has(owner.id))
        adopt.set(`schools:${s.sid}`, owner.id);
      else
        fail(
          'schools',
          s.sid,
          'DUPLICATE_SCHOOL_CODE',
          `school code ${f.code} is already used by another school in Haven`,
          'give the school another identifier in the SIS',
        );
    }

    // Staff: email unique across Haven.
    const staff = written('staff');
    const emails = staff.map((s) => (s.fields as Partial<RosterStaff>).email).filter((e): e is string => !!e);
    const emailOwners: { id: string; kind: string; email: string; elsewhere: boolean }[] = emails.length
      ? await m.query(
          `SELECT u.id, u.kind, u.email,
                  EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND (g.district_id IS NULL OR g.district_id <> $2)) AS elsewhere
             FROM app_user u WHERE u.email = ANY($1::text[])`,
          [emails, districtId],
        )
      : [];
    for (const s of staff) {
      const f = s.fields as Partial<RosterStaff>;
      if (tooLong('staff', s.sid, 'name', f.displayName, LIMITS.displayName)) continue;
      if (tooLong('staff', s.sid, 'email', f.email, LIMITS.email)) continue;
      if (!f.email) continue;
      const target = mappedUser(s.sid, 'staff');
      const owner = emailOwners.find((o) => o.email === f.email);
      if (!owner || owner.id === target) continue;
      if (
        s.create &&
        !target &&
        owner.kind === 'staff' &&
        !owner.elsewhere &&
        !existing.mappedEntities.has(owner.id)
      )
        adopt.set(`staff:${s.sid}`, owner.id);
      else
        fail(
          'staff',
          s.sid,
          'DUPLICATE_EMAIL',
          `email ${f.email} is already used by another account in Haven`,
          'each staff member has their own email',
        );
    }

    // Students: username unique per school, also among students Haven holds without a sourcedId.
    const incomingStudents = new Map(read.roster.students.map((s) => [s.sourcedId, s]));
    const schoolIdOf = (sid: string): string | undefined =>
      existing.school.get(sid) ?? adopt.get(`schools:${sid}`);
    const keys: { sid: string; create: boolean; schoolId: string; username: string }[] = [];
    for (const s of written('students')) {
      const f = s.fields as Partial<RosterStudent>;
      if (tooLong('students', s.sid, 'name', f.displayName, LIMITS.displayName)) continue;
      if (tooLong('students', s.sid, 'username', f.username, LIMITS.username)) continue;
      const full = incomingStudents.get(s.sid);
      const schoolId = full && schoolIdOf(full.schoolSourcedId);
      if (full && schoolId && (f.username || f.schoolSourcedId))
        keys.push({ sid: s.sid, create: s.create, schoolId, username: full.username });
    }
    const userOwners: { id: string; school_id: string; username: string }[] = keys.length
      ? await m.query(
          `SELECT u.id, u.school_id, u.username FROM app_user u
             JOIN unnest($1::uuid[], $2::text[]) AS k(school_id, username)
               ON u.school_id = k.school_id AND u.username = k.username`,
          [keys.map((k) => k.schoolId), keys.map((k) => k.username)],
        )
      : [];
    for (const k of keys) {
      const target = mappedUser(k.sid, 'student');
      const owner = userOwners.find((o) => o.school_id === k.schoolId && o.username === k.username);
      if (!owner || owner.id === target) continue;
      if (k.create && !target && !existing.mappedEntities.has(owner.id))
        adopt.set(`students:${k.sid}`, owner.id);
      else
        fail(
          'students',
          k.sid,
          'DUPLICATE_USERNAME',
          `username ${k.username} is already used at this school in Haven`,
          'usernames are unique within a school',
        );
    }
    for (const c of written('classes'))
      tooLong('classes', c.sid, 'class name', (c.fields as Partial<RosterClass>).name, LIMITS.classname);

    if (issues.length === 0) return { plan, adopt, issues };
    // What refers to a dropped create cannot be written either.
    const droppedCreate = (kind: EntityKind, sid: string): boolean =>
      drop[kind].has(sid) && plan.creates[kind].some((r) => r.sourcedId === sid);
    const cascade = (kind: EntityKind, sid: string, what: string, ref: string): void => {
      if (drop[kind].has(sid)) return;
      fail(kind, sid, 'REJECTED_REFERENCE', `${what} "${ref}" was rejected`, 'fix the row it refers to');
    };
    const all = <K extends EntityKind>(kind: K): Roster[K] => read.roster[kind];
    for (const c of all('classes'))
      if (droppedCreate('schools', c.schoolSourcedId))
        cascade('classes', c.sourcedId, 'school', c.schoolSourcedId);
    for (const s of all('students'))
      if (droppedCreate('schools', s.schoolSourcedId))
        cascade('students', s.sourcedId, 'school', s.schoolSourcedId);
    for (const s of all('staff'))
      for (const r of s.roles)
        if (droppedCreate('schools', r.schoolSourcedId))
          cascade('staff', s.sourcedId, 'school', r.schoolSourcedId);
    for (const e of all('enrollments')) {
      if (droppedCreate('classes', e.classSourcedId))
        cascade('enrollments', e.sourcedId, 'class', e.classSourcedId);
      const userKind = e.role === 'student' ? 'students' : 'staff';
      if (droppedCreate(userKind, e.userSourcedId))
        cascade('enrollments', e.sourcedId, 'user', e.userSourcedId);
    }
    const keep = <T extends { sourcedId: string }>(kind: EntityKind, list: readonly T[]): T[] =>
      list.filter((r) => !drop[kind].has(r.sourcedId));
    return {
      plan: {
        creates: {
          schools: keep('schools', plan.creates.schools),
          classes: keep('classes', plan.creates.classes),
          students: keep('students', plan.creates.students),
          staff: keep('staff', plan.creates.staff),
          enrollments: keep('enrollments', plan.creates.enrollments),
        },
        updates: {
          schools: keep('schools', plan.updates.schools),
          classes: keep('classes', plan.updates.classes),
          students: keep('students', plan.updates.students),
          staff: keep('staff', plan.updates.staff),
          enrollments: keep('enrollments', plan.updates.enrollments),
        },
        deactivations: plan.deactivations,
        issues: plan.issues,
      },
      adopt,
      issues,
    };
  }

  /** Writes a checked plan with the transaction's manager only. Returns the new students and their PINs. */
  private async apply(
    m: EntityManager,
    caller: ImportCaller,
    districtId: string,
    { plan, existing, adopt, read, links }: Planned,
    scope?: SchoolScope,
  ): Promise<CreatedStudent[]> {
    const ids = {
      school: new Map(existing.school),
      class: new Map(existing.class),
      user: new Map(existing.user),
    };
    /** Users as they were before this import (deactivations refer to these, also after a change of kind). */
    const usersBefore = new Map(existing.user);
    const map = (kind: 'school' | 'class' | 'user', sourcedId: string, entityId: string): Promise<unknown> =>
      m.query(
        `INSERT INTO roster_source (district_id, kind, sourced_id, entity_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (district_id, kind, sourced_id)
         DO UPDATE SET entity_id = EXCLUDED.entity_id, member_id = NULL, deactivated_at = NULL`,
        [districtId, kind, sourcedId, entityId],
      );
    const schoolId = (sid: string): string => {
      const id = ids.school.get(sid);
      if (!id) throw new Error(`import: school ${sid} is not in Haven`);
      return id;
    };
    const mappedUser = (sid: string, kind: User['kind']): string | undefined => {
      const id = existing.user.get(sid);
      return id && existing.userKind.get(id) === kind ? id : undefined;
    };

    // 1. Schools (a school admin's import only links their own).
    for (const [sid, id] of links) await map('school', sid, id);
    const schoolRepo = m.getRepository(School);
    for (const s of plan.creates.schools) {
      const { sourcedId, ...fields } = s;
      const target = existing.school.get(sourcedId) ?? adopt.get(`schools:${sourcedId}`);
      let id = target;
      if (target) await schoolRepo.update(target, fields);
      else if (scope) throw new Error(`import: a school import cannot create school ${sourcedId}`);
      else id = (await schoolRepo.save({ ...fields, districtId })).id;
      ids.school.set(sourcedId, id!);
      await map('school', sourcedId, id!);
    }
    for (const u of plan.updates.schools) await schoolRepo.update(schoolId(u.sourcedId), u.changes);

    // 2. Staff and their school roles.
    const userRepo = m.getRepository(User);
    const mappedSchools = (): string[] => (scope ? scope.schools.map((s) => s.id) : [...ids.school.values()]);
    const syncGrants = async (userId: string, roles: readonly StaffRoleGrant[]): Promise<void> => {
      await m.query(
        `DELETE FROM role_grant WHERE user_id = $1 AND district_id = $2 AND role IN ('teacher', 'school_admin')
            AND school_id = ANY($3::uuid[])`,
        [userId, districtId, mappedSchools()],
      );
      for (const r of roles)
        await m.query(
          `INSERT INTO role_grant (user_id, role, district_id, school_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [userId, r.role, districtId, schoolId(r.schoolSourcedId)],
        );
    };
    for (const s of plan.creates.staff) {
      const target = mappedUser(s.sourcedId, 'staff') ?? adopt.get(`staff:${s.sourcedId}`);
      let id = target;
      if (target)
        await userRepo.update(target, { email: s.email, displayName: s.displayName, disabledAt: null });
      else
        id = (
          await userRepo.save({
            kind: 'staff',
            email: s.email,
            displayName: s.displayName,
            // Nobody knows this password: staff set their own (or sign in through the district's SSO).
            passwordHash: await hashSecret(randomBytes(32).toString('base64url')),
          })
        ).id;
      ids.user.set(s.sourcedId, id!);
      await map('user', s.sourcedId, id!);
      await syncGrants(id!, s.roles);
    }
    const incomingStaff = new Map(read.roster.staff.map((s) => [s.sourcedId, s]));
    for (const u of plan.updates.staff) {
      const id = ids.user.get(u.sourcedId)!;
      const { roles, ...fields } = u.changes;
      if (Object.keys(fields).length) await userRepo.update(id, fields);
      if (roles) await syncGrants(id, incomingStaff.get(u.sourcedId)?.roles ?? roles);
    }

    // 3. Students: a new student gets a PIN, returned once.
    const created: CreatedStudent[] = [];
    const schoolsById = new Map(
      (await schoolRepo.find({ where: { districtId } })).map((s) => [s.id, s] as const),
    );
    const studentGrant = async (userId: string, school: string): Promise<void> => {
      await m.query(`DELETE FROM role_grant WHERE user_id = $1 AND role = 'student'`, [userId]);
      await m.query(
        `INSERT INTO role_grant (user_id, role, district_id, school_id) VALUES ($1, 'student', $2, $3)`,
        [userId, districtId, school],
      );
    };
    for (const s of plan.creates.students) {
      const school = schoolId(s.schoolSourcedId);
      const fields = {
        username: s.username,
        displayName: s.displayName,
        gradeLevel: s.gradeLevel,
        schoolId: school,
      };
      const target = mappedUser(s.sourcedId, 'student') ?? adopt.get(`students:${s.sourcedId}`);
      let id = target;
      if (target) await userRepo.update(target, { ...fields, disabledAt: null });
      else {
        const pin = newPin();
        id = (await userRepo.save({ kind: 'student', ...fields, passwordHash: await hashSecret(pin) })).id;
        const row = schoolsById.get(school);
        created.push({
          username: s.username,
          displayName: s.displayName,
          school: row?.code ?? '',
          schoolName: row?.name ?? '',
          initialPin: pin,
        });
      }
      ids.user.set(s.sourcedId, id!);
      await map('user', s.sourcedId, id!);
      await studentGrant(id!, school);
    }
    for (const u of plan.updates.students) {
      const id = ids.user.get(u.sourcedId)!;
      const { schoolSourcedId, ...fields } = u.changes;
      const school = schoolSourcedId ? schoolId(schoolSourcedId) : undefined;
      await userRepo.update(id, { ...fields, ...(school ? { schoolId: school } : {}) });
      if (school) await studentGrant(id, school);
    }

    // 4. Classes.
    const classRepo = m.getRepository(ClassSection);
    for (const c of plan.creates.classes) {
      const fields = {
        name: c.name,
        gradeLevels: [...c.gradeLevels],
        schoolYear: c.schoolYear,
        schoolId: schoolId(c.schoolSourcedId),
      };
      const target = existing.class.get(c.sourcedId);
      let id = target;
      if (target) await classRepo.update(target, fields);
      else id = (await classRepo.save(fields)).id;
      ids.class.set(c.sourcedId, id!);
      await map('class', c.sourcedId, id!);
    }
    for (const u of plan.updates.classes) {
      const { schoolSourcedId, gradeLevels, ...rest } = u.changes;
      await classRepo.update(ids.class.get(u.sourcedId)!, {
        ...rest,
        ...(gradeLevels ? { gradeLevels: [...gradeLevels] } : {}),
        ...(schoolSourcedId ? { schoolId: schoolId(schoolSourcedId) } : {}),
      });
    }

    // 5. Class teachers and enrollments.
    const removeMember = async (classId: string, memberId: string): Promise<void> => {
      await m.query(`DELETE FROM enrollment WHERE class_id = $1 AND student_id = $2`, [classId, memberId]);
      await m.query(`DELETE FROM class_teacher WHERE class_id = $1 AND user_id = $2`, [classId, memberId]);
    };
    const incomingEnrollments = new Map(read.roster.enrollments.map((e) => [e.sourcedId, e]));
    const enrol = async (e: RosterEnrollment): Promise<void> => {
      const classId = ids.class.get(e.classSourcedId);
      const userId = ids.user.get(e.userSourcedId);
      if (!classId || !userId)
        throw new Error(`import: enrollment ${e.sourcedId} refers to a record not in Haven`);
      await m.query(
        e.role === 'student'
          ? `INSERT INTO enrollment (class_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
          : `INSERT INTO class_teacher (class_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [classId, userId],
      );
      await m.query(
        `INSERT INTO roster_source (district_id, kind, sourced_id, entity_id, member_id) VALUES ($1, 'enrollment', $2, $3, $4)
         ON CONFLICT (district_id, kind, sourced_id) DO UPDATE SET entity_id = EXCLUDED.entity_id, member_id = EXCLUDED.member_id`,
        [districtId, e.sourcedId, classId, userId],
      );
    };
    for (const e of plan.creates.enrollments) await enrol(e);
    for (const u of plan.updates.enrollments) {
      const old = existing.enrollment.get(u.sourcedId);
      if (old) await removeMember(old.classId, old.memberId);
      const next = incomingEnrollments.get(u.sourcedId);
      if (next) await enrol(next);
    }

    // 6. Deactivations, most dependent first. History (attempts, assignments) is kept.
    const dropEnrollmentMappings = (column: 'entity_id' | 'member_id', id: string): Promise<unknown> =>
      m.query(`DELETE FROM roster_source WHERE district_id = $1 AND kind = 'enrollment' AND ${column} = $2`, [
        districtId,
        id,
      ]);
    for (const d of plan.deactivations.enrollments) {
      const old = existing.enrollment.get(d.sourcedId);
      if (!old) continue;
      await removeMember(old.classId, old.memberId);
      await m.query(
        `DELETE FROM roster_source WHERE district_id = $1 AND kind = 'enrollment' AND sourced_id = $2`,
        [districtId, d.sourcedId],
      );
    }
    for (const kind of ['students', 'staff'] as const)
      for (const d of plan.deactivations[kind]) {
        const id = usersBefore.get(d.sourcedId);
        if (!id) continue;
        await m.query(`DELETE FROM enrollment WHERE student_id = $1`, [id]);
        await m.query(`DELETE FROM class_teacher WHERE user_id = $1`, [id]);
        await dropEnrollmentMappings('member_id', id);
        // Never lock out the admin running the import, nor district or platform admins granted by hand.
        const admin: unknown[] = await m.query(
          `SELECT 1 FROM role_grant WHERE user_id = $1 AND role IN ('district_admin', 'platform_admin')`,
          [id],
        );
        if (admin.length || id === caller.userId) {
          await syncGrants(id, []);
          continue;
        }
        await m.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL`, [id]);
      }
    for (const d of plan.deactivations.classes) {
      const id = existing.class.get(d.sourcedId);
      if (!id) continue;
      await m.query(`DELETE FROM enrollment WHERE class_id = $1`, [id]);
      await m.query(`DELETE FROM class_teacher WHERE class_id = $1`, [id]);
      await dropEnrollmentMappings('entity_id', id);
    }
    const archive = (kind: 'class' | 'school', sids: string[]): Promise<unknown> =>
      sids.length
        ? m.query(
            `UPDATE roster_source SET deactivated_at = now()
              WHERE district_id = $1 AND kind = $2 AND sourced_id = ANY($3::text[]) AND deactivated_at IS NULL`,
            [districtId, kind, sids],
          )
        : Promise.resolve();
    await archive(
      'class',
      plan.deactivations.classes.map((d) => d.sourcedId),
    );
    await archive(
      'school',
      plan.deactivations.schools.map((d) => d.sourcedId),
    );
    return created;
  }
}
