import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isSchoolYear } from '@haven/domain';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { appError, badInput, notFound } from '../common/errors';
import { ClassSection } from '../identity/class-section.entity';
import { School } from '../identity/school.entity';
import { TenancyService } from '../tenancy/tenancy.service';
import { CreateClassInput } from './dtos/create-class.input';
import { ClassStudentsInput, SetClassTeachersInput, UpdateClassInput } from './dtos/update-class.input';

/** A staff member of a school, as a class-teacher choice. */
export interface SchoolStaffRow {
  id: string;
  displayName: string;
  email: string;
}

/** A student of a school, as an enrollment choice: only what the choice needs. */
export interface SchoolStudentRow {
  id: string;
  username: string;
  displayName: string;
  gradeLevel: number;
}

/** Rows a data-changing statement touched (`sql` ends in RETURNING), counted in SQL. */
async function count(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = (await m.query(
    `WITH changed AS (${sql}) SELECT count(*)::int AS n FROM changed`,
    params,
  )) as {
    n: number;
  }[];
  return n;
}

const sortedGrades = (grades: number[]): number[] => [...new Set(grades)].sort((a, b) => a - b);

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  private checkGrades(school: School, grades: number[]): void {
    const outside = grades.filter((g) => g < school.lowestGrade || g > school.highestGrade);
    if (outside.length) {
      throw badInput(
        `gradeLevels ${outside.join(', ')} are not taught at ${school.name} (grades ${school.lowestGrade} to ${school.highestGrade})`,
      );
    }
  }

  private checkYear(schoolYear: string): void {
    if (!isSchoolYear(schoolYear)) throw badInput('schoolYear must be two consecutive years, e.g. 2026-2027');
  }

  /** Refuses a second class with the same name in the same school and year (names are what staff pick by). */
  private async checkUniqueName(
    m: EntityManager,
    schoolId: string,
    schoolYear: string,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    const [clash] = await m.query(
      `SELECT id FROM class_section WHERE school_id = $1 AND school_year = $2 AND lower(name) = lower($3)
          AND ($4::uuid IS NULL OR id <> $4::uuid) LIMIT 1`,
      [schoolId, schoolYear, name, exceptId ?? null],
    );
    if (clash) throw appError('CONFLICT', `A class named "${name}" already exists in ${schoolYear}.`);
  }

  /** Staff who may teach classes at a school: active staff holding a teacher or school admin role there. */
  private staffQuery(m: EntityManager, schoolId: string, ids?: string[]): Promise<SchoolStaffRow[]> {
    return m.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName", coalesce(u.email, '') AS email
         FROM app_user u JOIN role_grant g ON g.user_id = u.id
        WHERE u.kind = 'staff' AND u.disabled_at IS NULL AND g.school_id = $1
          AND g.role IN ('teacher', 'school_admin') AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
        ORDER BY "displayName", u.id`,
      [schoolId, ids ?? null],
    );
  }

  /** Writes the class's teachers to exactly `teacherIds` (after checking they are the school's staff). */
  private async writeTeachers(
    m: EntityManager,
    cls: ClassSection,
    school: School,
    teacherIds: string[],
  ): Promise<{ added: number; removed: number }> {
    const wanted = [...new Set(teacherIds)];
    if (wanted.length) {
      const staff = await this.staffQuery(m, school.id, wanted);
      if (staff.length !== wanted.length)
        throw badInput(`Some of the teachers are not staff of ${school.name}.`, {
          field: 'teacherIds',
          unknown: wanted.filter((id) => !staff.some((s) => s.id === id)),
        });
    }
    const removed = await count(
      m,
      `DELETE FROM class_teacher WHERE class_id = $1 AND NOT (user_id = ANY($2::uuid[])) RETURNING 1`,
      [cls.id, wanted],
    );
    const added = await count(
      m,
      `INSERT INTO class_teacher (class_id, user_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING 1`,
      [cls.id, wanted],
    );
    return { added, removed };
  }

  /** Creates a class in a school the caller manages; the class, its teachers and the audit entry together. */
  async createClass(actor: Actor, input: CreateClassInput): Promise<ClassSection> {
    const school = await this.tenancy.findManagedSchool(actor, input.schoolId);
    if (!school) throw notFound('School');
    this.checkYear(input.schoolYear);
    this.checkGrades(school, input.gradeLevels);
    const name = input.name.trim();
    if (!name) throw badInput('name must be 1 to 120 characters');
    return this.ds.transaction(async (m) => {
      await this.checkUniqueName(m, school.id, input.schoolYear, name);
      const created = await m.getRepository(ClassSection).save({
        schoolId: school.id,
        name,
        gradeLevels: sortedGrades(input.gradeLevels),
        schoolYear: input.schoolYear,
      });
      const teachers = await this.writeTeachers(m, created, school, input.teacherIds ?? []);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'class.create',
          targetType: 'class',
          targetId: created.id,
          districtId: school.districtId,
          detail: { teachers: teachers.added },
        },
        m,
      );
      return created;
    });
  }

  private async managed(actor: Actor, classId: string): Promise<{ cls: ClassSection; school: School }> {
    const found = await this.tenancy.findManagedClass(actor, classId);
    if (!found) throw notFound('Class');
    return found;
  }

  /** Renames a class or changes its grades or school year. Unchanged input writes nothing. */
  async updateClass(actor: Actor, input: UpdateClassInput): Promise<ClassSection> {
    const { cls, school } = await this.managed(actor, input.classId);
    const next = {
      name: input.name === undefined || input.name === null ? cls.name : input.name.trim(),
      gradeLevels: input.gradeLevels ? sortedGrades(input.gradeLevels) : cls.gradeLevels,
      schoolYear: input.schoolYear ?? cls.schoolYear,
    };
    if (!next.name) throw badInput('name must be 1 to 120 characters');
    if (input.schoolYear) this.checkYear(input.schoolYear);
    if (input.gradeLevels) this.checkGrades(school, input.gradeLevels);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(cls[k]),
    );
    if (!changed.length) return cls;
    return this.ds.transaction(async (m) => {
      if (changed.includes('name') || changed.includes('schoolYear'))
        await this.checkUniqueName(m, school.id, next.schoolYear, next.name, cls.id);
      await m.getRepository(ClassSection).update({ id: cls.id }, next);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'class.update',
          targetType: 'class',
          targetId: cls.id,
          districtId: school.districtId,
          detail: { changed },
        },
        m,
      );
      return { ...cls, ...next };
    });
  }

  /** Replaces a class's teachers. The same list again writes nothing. */
  async setClassTeachers(actor: Actor, input: SetClassTeachersInput): Promise<ClassSection> {
    const { cls, school } = await this.managed(actor, input.classId);
    return this.ds.transaction(async (m) => {
      const { added, removed } = await this.writeTeachers(m, cls, school, input.teacherIds);
      if (added || removed)
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'class.teachers.set',
            targetType: 'class',
            targetId: cls.id,
            districtId: school.districtId,
            detail: { added, removed },
          },
          m,
        );
      return cls;
    });
  }

  /** Enrolls students of the class's school; students already enrolled are left as they are. */
  async enrollStudents(actor: Actor, input: ClassStudentsInput): Promise<ClassSection> {
    const { cls, school } = await this.managed(actor, input.classId);
    const ids = [...new Set(input.studentIds)];
    return this.ds.transaction(async (m) => {
      const found: { id: string }[] = await m.query(
        `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND kind = 'student' AND school_id = $2
            AND disabled_at IS NULL`,
        [ids, school.id],
      );
      if (found.length !== ids.length)
        throw badInput(`Some of the students are not students of ${school.name}.`, {
          field: 'studentIds',
          unknown: ids.filter((id) => !found.some((s) => s.id === id)),
        });
      const added = await count(
        m,
        `INSERT INTO enrollment (class_id, student_id) SELECT $1, unnest($2::uuid[])
         ON CONFLICT DO NOTHING RETURNING 1`,
        [cls.id, ids],
      );
      if (added)
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'enrollment.add',
            targetType: 'class',
            targetId: cls.id,
            districtId: school.districtId,
            detail: { students: added },
          },
          m,
        );
      return cls;
    });
  }

  /** Unenrolls students from a class; students not enrolled are ignored (their progress records stay). */
  async unenrollStudents(actor: Actor, input: ClassStudentsInput): Promise<ClassSection> {
    const { cls, school } = await this.managed(actor, input.classId);
    return this.ds.transaction(async (m) => {
      const removed = await count(
        m,
        `DELETE FROM enrollment WHERE class_id = $1 AND student_id = ANY($2::uuid[]) RETURNING 1`,
        [cls.id, [...new Set(input.studentIds)]],
      );
      if (removed)
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'enrollment.remove',
            targetType: 'class',
            targetId: cls.id,
            districtId: school.districtId,
            detail: { students: removed },
          },
          m,
        );
      return cls;
    });
  }

  /** Who may be chosen as a teacher of the school's classes (null when the caller does not manage it). */
  async staffOfSchool(actor: Actor, schoolId: string): Promise<SchoolStaffRow[]> {
    const school = await this.tenancy.findManagedSchool(actor, schoolId);
    return school ? this.staffQuery(this.ds.manager, school.id) : [];
  }

  /** Students of a school a manager may enroll, optionally of some grades; the read is audited. */
  async studentsOfSchool(
    actor: Actor,
    schoolId: string,
    first: number,
    grades?: number[],
  ): Promise<SchoolStudentRow[]> {
    const school = await this.tenancy.findManagedSchool(actor, schoolId);
    if (!school) return [];
    const rows: SchoolStudentRow[] = await this.ds.query(
      `SELECT id, coalesce(username, '') AS username, display_name AS "displayName",
              coalesce(grade_level, 0) AS "gradeLevel"
         FROM app_user WHERE kind = 'student' AND school_id = $1 AND disabled_at IS NULL
          AND ($2::int[] IS NULL OR grade_level = ANY($2::int[]))
        ORDER BY display_name, username LIMIT $3`,
      [school.id, grades?.length ? grades : null, first],
    );
    await this.audit.record({
      actorId: actor.userId,
      action: 'roster.read',
      targetType: 'school',
      targetId: school.id,
      districtId: school.districtId,
      detail: { students: rows.length },
    });
    return rows;
  }
}
