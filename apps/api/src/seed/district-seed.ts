import type { Role, WorkflowReviewKind } from '@haven/domain';
import { EntityManager } from 'typeorm';
import { hashSecret } from '../auth/password';
import { ClassSection, ClassTeacher, Enrollment } from '../identity/class-section.entity';
import { District } from '../identity/district.entity';
import { RoleGrant } from '../identity/role-grant.entity';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';

export interface StaffSpec {
  email: string;
  displayName: string;
  password: string;
  /** Role, and for school roles the school code. */
  roles: { role: Role; school?: string }[];
  /** Trainings held: course code and completion date (expiry follows the course's validity). */
  trainings?: { course: string; completedAt: string }[];
  /** Reviewers: the kinds of module review they are qualified to give. */
  reviewKinds?: WorkflowReviewKind[];
  /** School codes where they are designated safeguarding staff (told of talk requests and disclosures). */
  safeguardingFor?: { school: string; title: string }[];
}

export interface DistrictSpec {
  name: string;
  state: string;
  schools: { name: string; code: string; lowestGrade: number; highestGrade: number }[];
  staff: StaffSpec[];
  classes: {
    school: string;
    name: string;
    gradeLevels: number[];
    schoolYear: string;
    teachers: string[];
    students: { username: string; displayName: string; gradeLevel: number; pin: string }[];
  }[];
}

export interface SeededDistrict {
  district: District;
  schools: Map<string, School>;
  users: Map<string, User>;
  classes: Map<string, ClassSection>;
}

/** Writes a whole district (schools, staff with roles, classes, students, enrollments) with one manager. */
export async function seedDistrict(m: EntityManager, spec: DistrictSpec): Promise<SeededDistrict> {
  const district = await m.getRepository(District).save({ name: spec.name, state: spec.state });
  const schools = new Map<string, School>();
  for (const s of spec.schools)
    schools.set(s.code, await m.getRepository(School).save({ ...s, districtId: district.id }));
  const schoolOf = (code: string): School => {
    const school = schools.get(code);
    if (!school) throw new Error(`Seed refers to unknown school ${code}`);
    return school;
  };

  const users = new Map<string, User>();
  for (const person of spec.staff) {
    const user = await m.getRepository(User).save({
      kind: 'staff',
      email: person.email.toLowerCase(),
      displayName: person.displayName,
      passwordHash: await hashSecret(person.password),
    });
    users.set(person.email, user);
    for (const t of person.trainings ?? []) {
      await m.query(
        `INSERT INTO training_record (user_id, course_code, completed_at, expires_at, source)
         SELECT $1, c.code, $3::timestamptz,
                CASE WHEN c.validity_months IS NULL THEN NULL ELSE $3::timestamptz + make_interval(months => c.validity_months) END,
                'haven'
           FROM training_course c WHERE c.code = $2`,
        [user.id, t.course, t.completedAt],
      );
    }
    for (const kind of person.reviewKinds ?? [])
      await m.query(`INSERT INTO reviewer_qualification (user_id, kind) VALUES ($1, $2)`, [user.id, kind]);
    for (const { role, school } of person.roles) {
      const schoolRow = school ? schoolOf(school) : null;
      await m.getRepository(RoleGrant).save({
        userId: user.id,
        role,
        districtId: role === 'platform_admin' ? null : district.id,
        schoolId: schoolRow?.id ?? null,
      });
    }
    for (const { school, title } of person.safeguardingFor ?? [])
      await m.query(`INSERT INTO safeguarding_designee (school_id, user_id, title) VALUES ($1, $2, $3)`, [
        schoolOf(school).id,
        user.id,
        title,
      ]);
  }

  const classes = new Map<string, ClassSection>();
  for (const c of spec.classes) {
    const school = schoolOf(c.school);
    const row = await m
      .getRepository(ClassSection)
      .save({ schoolId: school.id, name: c.name, gradeLevels: c.gradeLevels, schoolYear: c.schoolYear });
    classes.set(c.name, row);
    for (const email of c.teachers) {
      const teacher = users.get(email);
      if (!teacher) throw new Error(`Seed refers to unknown teacher ${email}`);
      await m.getRepository(ClassTeacher).save({ classId: row.id, userId: teacher.id });
    }
    for (const s of c.students) {
      const key = `${c.school}:${s.username}`;
      let student = users.get(key);
      if (!student) {
        student = await m.getRepository(User).save({
          kind: 'student',
          username: s.username.toLowerCase(),
          displayName: s.displayName,
          gradeLevel: s.gradeLevel,
          schoolId: school.id,
          passwordHash: await hashSecret(s.pin),
        });
        users.set(key, student);
        await m
          .getRepository(RoleGrant)
          .save({ userId: student.id, role: 'student', districtId: district.id, schoolId: school.id });
      }
      await m.getRepository(Enrollment).save({ classId: row.id, studentId: student.id });
    }
  }
  return { district, schools, users, classes };
}
