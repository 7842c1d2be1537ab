import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Role } from '@haven/domain';
import { Actor, districtsWhere, hasRole, schoolsWhere } from '../auth/actor';
import { ClassSection } from '../identity/class-section.entity';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import { Assignment } from '../learning/learning.entities';
import { preparedQuery } from '../database/prepared';

/**
 * Tenant isolation in one place. Every read of districts, schools and classes goes through here; a row the
 * caller may not see is simply absent ("not found"), never an error that confirms it exists.
 *
 * Who sees what:
 * - platform_admin: everything;
 * - district_admin: their district, its schools and classes;
 * - school_admin: their school and its classes;
 * - teacher: their school, and the classes they teach;
 * - student: the classes they are enrolled in (through `classesOfStudent`);
 * - author, reviewer: their district (name only), no schools or rosters.
 */
@Injectable()
export class TenancyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private isPlatform(actor: Actor): boolean {
    return hasRole(actor, 'platform_admin');
  }

  /** Adds the condition "this school is visible to the actor" for the school alias `s`. */
  private scopeSchools(actor: Actor, qb: WhereExpressionBuilder, alias: string): void {
    if (this.isPlatform(actor)) return;
    const districts = districtsWhere(actor, 'district_admin');
    const schools = schoolsWhere(actor, 'school_admin', 'teacher');
    qb.andWhere(
      new Brackets((w) => {
        w.where('FALSE');
        if (districts.length)
          w.orWhere(`${alias}.district_id IN (:...scopeDistricts)`, { scopeDistricts: districts });
        if (schools.length) w.orWhere(`${alias}.id IN (:...scopeSchools)`, { scopeSchools: schools });
      }),
    );
  }

  /** Adds the condition "this class is visible to the actor" for the class alias. */
  private scopeClasses(actor: Actor, qb: WhereExpressionBuilder, alias: string): void {
    if (this.isPlatform(actor)) return;
    const districts = districtsWhere(actor, 'district_admin');
    const schools = schoolsWhere(actor, 'school_admin');
    const teaches = hasRole(actor, 'teacher');
    qb.andWhere(
      new Brackets((w) => {
        w.where('FALSE');
        if (districts.length)
          w.orWhere(
            `${alias}.school_id IN (SELECT id FROM school WHERE district_id IN (:...scopeDistricts))`,
            {
              scopeDistricts: districts,
            },
          );
        if (schools.length) w.orWhere(`${alias}.school_id IN (:...scopeSchools)`, { scopeSchools: schools });
        if (teaches)
          w.orWhere(`${alias}.id IN (SELECT class_id FROM class_teacher WHERE user_id = :scopeTeacher)`, {
            scopeTeacher: actor.userId,
          });
      }),
    );
  }

  async findDistrict(actor: Actor, id: string): Promise<District | null> {
    const visible =
      this.isPlatform(actor) ||
      districtsWhere(actor, 'district_admin', 'author', 'reviewer', 'school_admin', 'teacher').includes(id);
    return visible ? this.ds.getRepository(District).findOne({ where: { id } }) : null;
  }

  schoolsQuery(actor: Actor): SelectQueryBuilder<School> {
    const qb = this.ds.getRepository(School).createQueryBuilder('s');
    this.scopeSchools(actor, qb, 's');
    return qb;
  }

  listSchools(actor: Actor, first: number, districtId?: string): Promise<School[]> {
    const qb = this.schoolsQuery(actor);
    if (districtId) qb.andWhere('s.district_id = :districtId', { districtId });
    return qb.orderBy('s.name').addOrderBy('s.id').take(first).getMany();
  }

  findSchool(actor: Actor, id: string): Promise<School | null> {
    return this.schoolsQuery(actor).andWhere('s.id = :id', { id }).getOne();
  }

  classesQuery(actor: Actor): SelectQueryBuilder<ClassSection> {
    const qb = this.ds.getRepository(ClassSection).createQueryBuilder('c');
    this.scopeClasses(actor, qb, 'c');
    return qb;
  }

  listClasses(actor: Actor, first: number, schoolId?: string): Promise<ClassSection[]> {
    const qb = this.classesQuery(actor);
    if (schoolId) qb.andWhere('c.school_id = :schoolId', { schoolId });
    return qb.orderBy('c.name').addOrderBy('c.id').take(first).getMany();
  }

  findClass(actor: Actor, id: string): Promise<ClassSection | null> {
    return this.classesQuery(actor).andWhere('c.id = :id', { id }).getOne();
  }

  /**
   * Schools whose classes the actor may manage (create, rename, staff, enroll) and whose designated
   * safeguarding staff they may name: district admins their district's schools, school admins their own
   * school, platform admins all. Teachers manage none.
   */
  findManagedSchool(actor: Actor, id: string): Promise<School | null> {
    const qb = this.ds.getRepository(School).createQueryBuilder('s').where('s.id = :id', { id });
    if (!this.isPlatform(actor)) {
      const districts = districtsWhere(actor, 'district_admin');
      const schools = schoolsWhere(actor, 'school_admin');
      qb.andWhere(
        new Brackets((w) => {
          w.where('FALSE');
          if (districts.length) w.orWhere('s.district_id IN (:...mDistricts)', { mDistricts: districts });
          if (schools.length) w.orWhere('s.id IN (:...mSchools)', { mSchools: schools });
        }),
      );
    }
    return qb.getOne();
  }

  /** A class the actor may manage (see `findManagedSchool`), with its school; null otherwise. */
  async findManagedClass(actor: Actor, id: string): Promise<{ cls: ClassSection; school: School } | null> {
    const cls = await this.ds.getRepository(ClassSection).findOne({ where: { id } });
    if (!cls) return null;
    const school = await this.findManagedSchool(actor, cls.schoolId);
    return school ? { cls, school } : null;
  }

  /**
   * What a district report may cover: district admins their whole district (schoolIds null), school admins
   * their own schools; null for anyone else.
   */
  async reportingScope(
    actor: Actor,
  ): Promise<{ district: { id: string; name: string; state: string }; schoolIds: string[] | null } | null> {
    const districtId = districtsWhere(actor, 'district_admin')[0];
    if (districtId) {
      const district = await this.districtRow(districtId);
      return district ? { district, schoolIds: null } : null;
    }
    const schoolIds = schoolsWhere(actor, 'school_admin');
    if (!schoolIds.length) return null;
    const [district] = await this.ds.query(
      `SELECT d.id, d.name, d.state FROM district d JOIN school s ON s.district_id = d.id WHERE s.id = $1`,
      [schoolIds[0]],
    );
    return district ? { district, schoolIds } : null;
  }

  /**
   * The schools a school admin may import a roster into, all in one district: the one they name (if they
   * administer it) or every school they administer. Grants from district or platform roles do not count here
   * (those import the whole district). Null when there is none ("not found").
   */
  async rosterImportSchools(
    actor: Actor,
    schoolId?: string,
  ): Promise<{ districtId: string; schools: School[] } | null> {
    const own = schoolsWhere(actor, 'school_admin');
    const ids = schoolId ? (own.includes(schoolId) ? [schoolId] : []) : own;
    if (!ids.length || ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) return null;
    const schools = await this.ds
      .getRepository(School)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.name')
      .getMany();
    const districts = new Set(schools.map((s) => s.districtId));
    // A school admin of schools in several districts names the school they import into.
    if (!schools.length || districts.size !== 1) return null;
    return { districtId: schools[0].districtId, schools };
  }

  /**
   * Module drafts the actor may see in the authoring studio: authors every draft of their district, reviewers
   * the drafts of their district waiting for review or publication (their queue). Nobody else sees drafts.
   */
  draftVisibility(actor: Actor): {
    authorIn: string[];
    reviewerIn: string[];
    statusesForReviewers: string[];
  } {
    return {
      authorIn: districtsWhere(actor, 'author'),
      reviewerIn: districtsWhere(actor, 'reviewer'),
      statusesForReviewers: ['in_review', 'approved', 'changes_requested', 'published'],
    };
  }

  /** Roles the actor holds in a district (district-scoped roles only). */
  rolesInDistrict(actor: Actor, districtId: string): Role[] {
    return [
      ...new Set(actor.grants.filter((g) => g.districtId === districtId && !g.schoolId).map((g) => g.role)),
    ];
  }

  /**
   * Is the actor one of the class's own teachers (not an admin who may see it)? What is private to a student
   * and their teachers, such as reflection texts, goes only to them.
   */
  async teachesClass(actor: Actor, classId: string): Promise<boolean> {
    if (!hasRole(actor, 'teacher')) return false;
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM class_teacher WHERE class_id = $1 AND user_id = $2 LIMIT 1`,
      [classId, actor.userId],
    );
    return rows.length > 0;
  }

  /**
   * A class whose lessons the actor may record as taught in person (facilitation mode): its own teachers and
   * the admins of its school or district. Platform admins teach no class. Null otherwise ("not found").
   */
  findClassToTeach(actor: Actor, id: string): Promise<ClassSection | null> {
    const districts = districtsWhere(actor, 'district_admin');
    const schools = schoolsWhere(actor, 'school_admin');
    const teaches = hasRole(actor, 'teacher');
    return this.ds
      .getRepository(ClassSection)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .andWhere(
        new Brackets((w) => {
          w.where('FALSE');
          if (districts.length)
            w.orWhere('c.school_id IN (SELECT id FROM school WHERE district_id IN (:...tDistricts))', {
              tDistricts: districts,
            });
          if (schools.length) w.orWhere('c.school_id IN (:...tSchools)', { tSchools: schools });
          if (teaches)
            w.orWhere('c.id IN (SELECT class_id FROM class_teacher WHERE user_id = :tTeacher)', {
              tTeacher: actor.userId,
            });
        }),
      )
      .getOne();
  }

  /**
   * For each (student, assignment) asked, the assignment if it is open in a class the student is enrolled in,
   * in the order asked (the caller has checked each is a student): the check behind every step a student sends
   * (remembered by the caller), one statement for a classroom's first steps. An id that is not a UUID finds
   * nothing (and does not fail the others' statement).
   */
  async assignmentsForStudents(
    asked: readonly { studentId: string; assignmentId: string }[],
  ): Promise<(Assignment | undefined)[]> {
    const valid = asked.map((a) => UUID_PATTERN.test(a.studentId) && UUID_PATTERN.test(a.assignmentId));
    const rows = await preparedQuery<{
      i: string;
      id: string;
      class_id: string;
      module_version_id: string;
      assigned_by: string;
      opens_at: Date;
      due_at: Date | null;
      created_at: Date;
    }>(
      this.ds,
      'haven_assignments_for_students',
      `SELECT k.i, a.id, a.class_id, a.module_version_id, a.assigned_by, a.opens_at, a.due_at, a.created_at
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(student_id, assignment_id, i)
         JOIN assignment a ON a.id = k.assignment_id AND a.opens_at <= now()
         JOIN enrollment e ON e.class_id = a.class_id AND e.student_id = k.student_id`,
      [
        asked.map((a, i) => (valid[i] ? a.studentId : null)),
        asked.map((a, i) => (valid[i] ? a.assignmentId : null)),
      ],
    );
    const found = new Map(rows.map((row) => [Number(row.i) - 1, row]));
    return asked.map((_, i) => {
      const row = found.get(i);
      return row
        ? this.ds.getRepository(Assignment).create({
            id: row.id,
            classId: row.class_id,
            moduleVersionId: row.module_version_id,
            assignedBy: row.assigned_by,
            opensAt: new Date(row.opens_at),
            dueAt: row.due_at ? new Date(row.due_at) : null,
            createdAt: new Date(row.created_at),
          })
        : undefined;
    });
  }

  /** Assignments of the classes a student is enrolled in, once they are open. */
  assignmentsOfStudent(actor: Actor): Promise<Assignment[]> {
    if (actor.kind !== 'student') return Promise.resolve([]);
    const qb = this.ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin('enrollment', 'e', 'e.class_id = a.class_id AND e.student_id = :me', { me: actor.userId })
      .where('a.opens_at <= now()');
    return qb.orderBy('a.due_at', 'ASC', 'NULLS LAST').addOrderBy('a.opens_at', 'DESC').getMany();
  }

  /** Assignments of a class the actor may see (teachers of the class, admins of its school or district). */
  async assignmentsOfClass(actor: Actor, classId: string): Promise<Assignment[]> {
    if (!(await this.findClass(actor, classId))) return [];
    return this.ds.getRepository(Assignment).find({ where: { classId }, order: { opensAt: 'DESC' } });
  }

  /**
   * Schools whose safeguarding alerts the actor may read: those where they are named designated staff and
   * still hold a staff role (teacher or school admin) at that school. Nobody else, whatever their role:
   * not other schools' staff, not district or platform admins.
   */
  async safeguardingSchools(actor: Actor): Promise<string[]> {
    const schools = schoolsWhere(actor, 'teacher', 'school_admin');
    if (actor.kind !== 'staff' || !schools.length) return [];
    const rows: { school_id: string }[] = await this.ds.query(
      `SELECT school_id FROM safeguarding_designee WHERE user_id = $1 AND school_id = ANY($2::uuid[])`,
      [actor.userId, schools],
    );
    return rows.map((r) => r.school_id);
  }

  /** The school a student belongs to (their own, from their grant); null for anyone else. */
  studentSchool(actor: Actor): string | null {
    return actor.kind === 'student' ? (schoolsWhere(actor, 'student')[0] ?? null) : null;
  }

  /** The classes a student is enrolled in (students see only their own). */
  classesOfStudent(actor: Actor): Promise<ClassSection[]> {
    if (actor.kind !== 'student') return Promise.resolve([]);
    return this.ds
      .getRepository(ClassSection)
      .createQueryBuilder('c')
      .innerJoin('enrollment', 'e', 'e.class_id = c.id AND e.student_id = :me', { me: actor.userId })
      .orderBy('c.name')
      .getMany();
  }

  /** The district whose filings the actor may draft: a district admin's own district; null for anyone else. */
  async filingDistrict(actor: Actor): Promise<{ id: string; name: string; state: string } | null> {
    const districtId = districtsWhere(actor, 'district_admin')[0];
    return districtId ? this.districtRow(districtId) : null;
  }

  private async districtRow(id: string): Promise<{ id: string; name: string; state: string } | null> {
    const [district] = await this.ds.query(`SELECT id, name, state FROM district WHERE id = $1`, [id]);
    return district ?? null;
  }

  /** Districts the actor works in as staff (any staff role; platform admins belong to none). */
  staffDistricts(actor: Actor): string[] {
    return districtsWhere(actor, 'teacher', 'school_admin', 'district_admin', 'author', 'reviewer');
  }
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
