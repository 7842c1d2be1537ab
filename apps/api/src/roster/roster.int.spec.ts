import type TestAgent from 'supertest/lib/agent';
import { Fixtures, seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const CREATE = `mutation($i: CreateClassInput!) {
  createClass(input: $i) { id name gradeLevels schoolYear teachers { id displayName } }
}`;
const UPDATE =
  'mutation($i: UpdateClassInput!) { updateClass(input: $i) { id name gradeLevels schoolYear } }';
const TEACHERS =
  'mutation($i: SetClassTeachersInput!) { setClassTeachers(input: $i) { id teachers { id displayName } } }';
const ENROLL =
  'mutation($i: ClassStudentsInput!) { enrollStudents(input: $i) { id studentCount students { username } } }';
const UNENROLL =
  'mutation($i: ClassStudentsInput!) { unenrollStudents(input: $i) { id studentCount students { username } } }';

describe('classes by hand', () => {
  let t: TestApp;
  let f: Fixtures;
  let principal: TestAgent;
  let admin: TestAgent;
  let bayside: string;
  let teacherId: string;
  let principalId: string;

  const userId = (email: string): string => (f.demo.users.get(email) ?? f.other.users.get(email))!.id;
  const studentId = async (username: string, schoolId = bayside): Promise<string> =>
    (
      await t.ds.query(`SELECT id FROM app_user WHERE username = $1 AND school_id = $2`, [username, schoolId])
    )[0].id;
  const audits = async (classId: string): Promise<string[]> =>
    (
      await t.ds.query(
        `SELECT action FROM audit_event WHERE target_id = $1 AND action <> 'roster.read' ORDER BY id`,
        [classId],
      )
    ).map((r: { action: string }) => r.action);
  const fingerprint = async (): Promise<string> =>
    JSON.stringify(
      await t.ds.query(
        `SELECT (SELECT count(*) FROM class_section) AS c, (SELECT count(*) FROM class_teacher) AS ct,
                (SELECT count(*) FROM enrollment) AS e,
                (SELECT string_agg(name || grade_levels::text || school_year, '|' ORDER BY id) FROM class_section) AS n`,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    principal = await signInStaff(t, 'principal@gulfcoast.example');
    admin = await signInStaff(t, 'admin@gulfcoast.example');
    bayside = f.demo.schools.get('BAYSIDE')!.id;
    teacherId = userId('teacher@gulfcoast.example');
    principalId = userId('principal@gulfcoast.example');
  });
  afterAll(() => t.close());

  it('a school admin creates a class with teachers from the school staff, audited', async () => {
    const r = await t.gql(principal, CREATE, {
      i: {
        schoolId: bayside,
        name: '  Health 8, Period 1 ',
        gradeLevels: [8],
        schoolYear: '2026-2027',
        teacherIds: [teacherId],
      },
    });
    expect(r.errors).toBeUndefined();
    const c = r.data!.createClass as { id: string; name: string; teachers: { id: string }[] };
    expect(c).toMatchObject({ name: 'Health 8, Period 1', teachers: [{ id: teacherId }] });
    expect(await audits(c.id)).toEqual(['class.create']);

    // The same name again in the same school year is a clear conflict, not a second class.
    const again = await t.gql(principal, CREATE, {
      i: { schoolId: bayside, name: 'health 8, period 1', gradeLevels: [8], schoolYear: '2026-2027' },
    });
    expect(again.errors?.[0]).toMatchObject({
      message: 'A class named "health 8, period 1" already exists in 2026-2027.',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('lists the school staff who may teach and the students who may be enrolled (audited)', async () => {
    const r = await t.gql(
      principal,
      `{ school(id: "${bayside}") { staff { displayName email } students(gradeLevels: [10]) { username gradeLevel } } }`,
    );
    expect(r.errors).toBeUndefined();
    const school = r.data!.school as {
      staff: { displayName: string }[];
      students: { username: string; gradeLevel: number }[];
    };
    // The Palmetto teacher and the district admin are not Bayside staff.
    const names = school.staff.map((s) => s.displayName);
    expect(names).toEqual(expect.arrayContaining(['Mr. David Chen', 'Mr. James Okafor']));
    expect(names).not.toContain('Ms. Sofia Rivera');
    expect(names).not.toContain('Dr. Alicia Moreno');
    expect(school.students.map((s) => s.username).sort()).toEqual(['eli', 'leo', 'marcus', 'priya']);
    expect(school.students.every((s) => s.gradeLevel === 10)).toBe(true);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'roster.read' AND target_type = 'school' AND target_id = $1`,
      [bayside],
    );
    expect(n).toBeGreaterThan(0);
  });

  it('renames a class, changes its grades; an unchanged update writes nothing', async () => {
    const { id } = (
      await t.gql(principal, CREATE, {
        i: { schoolId: bayside, name: 'Health 9', gradeLevels: [9], schoolYear: '2026-2027' },
      })
    ).data!.createClass as { id: string };
    const r = await t.gql(principal, UPDATE, {
      i: { classId: id, name: 'Health 9, Period 3', gradeLevels: [9, 10] },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateClass).toEqual({
      id,
      name: 'Health 9, Period 3',
      gradeLevels: [9, 10],
      schoolYear: '2026-2027',
    });
    const before = await fingerprint();
    const same = await t.gql(principal, UPDATE, { i: { classId: id, name: 'Health 9, Period 3' } });
    expect(same.errors).toBeUndefined();
    expect(await fingerprint()).toBe(before);
    expect(await audits(id)).toEqual(['class.create', 'class.update']);
  });

  it('validates updates with clear messages and writes nothing', async () => {
    const classId = f.demo.classes.get('Health 10, Period 4')!.id;
    const before = await fingerprint();
    const bad = await t.gql(principal, UPDATE, {
      i: { classId, name: '', gradeLevels: [], schoolYear: '2026' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('name must be 1 to 120 characters');
    expect(bad.errors?.[0].message).toContain('gradeLevels needs at least one grade');
    expect(bad.errors?.[0].message).toContain('schoolYear must look like 2026-2027');
    const grade3 = await t.gql(principal, UPDATE, { i: { classId, gradeLevels: [3] } });
    expect(grade3.errors?.[0].message).toMatch(/gradeLevels 3 are not taught at Bayside Secondary School/);
    const clash = await t.gql(principal, UPDATE, { i: { classId, name: 'Health 7, Period 2' } });
    expect(clash.errors?.[0].extensions?.code).toBe('CONFLICT');
    const blank = await t.gql(principal, UPDATE, { i: { classId, name: '   ' } });
    expect(blank.errors?.[0].message).toBe('name must be 1 to 120 characters');
    expect(await fingerprint()).toBe(before);
  });

  it('sets teachers idempotently and refuses staff of another school or district', async () => {
    const classId = f.demo.classes.get('Health 10, Period 4')!.id;
    const set = await t.gql(principal, TEACHERS, { i: { classId, teacherIds: [teacherId, principalId] } });
    expect(set.errors).toBeUndefined();
    expect(
      (set.data!.setClassTeachers as { teachers: { id: string }[] }).teachers.map((x) => x.id).sort(),
    ).toEqual([teacherId, principalId].sort());
    const before = await fingerprint();
    const auditsBefore = await audits(classId);
    await t.gql(principal, TEACHERS, { i: { classId, teacherIds: [principalId, teacherId, teacherId] } });
    expect(await fingerprint()).toBe(before);
    expect(await audits(classId)).toEqual(auditsBefore);

    for (const email of [
      'ms.rivera@gulfcoast.example',
      'teacher@lonestar.example',
      'admin@gulfcoast.example',
    ]) {
      const r = await t.gql(principal, TEACHERS, { i: { classId, teacherIds: [userId(email)] } });
      expect(r.errors?.[0]).toMatchObject({
        message: 'Some of the teachers are not staff of Bayside Secondary School.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await fingerprint()).toBe(before);
    const back = await t.gql(principal, TEACHERS, { i: { classId, teacherIds: [teacherId] } });
    expect((back.data!.setClassTeachers as { teachers: { id: string }[] }).teachers).toEqual([
      { id: teacherId, displayName: 'Mr. James Okafor' },
    ]);
  });

  it('enrolls and unenrolls students of the school, idempotently', async () => {
    const { id: classId } = (
      await t.gql(admin, CREATE, {
        i: { schoolId: bayside, name: 'Health 10, Period 6', gradeLevels: [10], schoolYear: '2026-2027' },
      })
    ).data!.createClass as { id: string };
    const leo = await studentId('leo');
    const eli = await studentId('eli');
    const r = await t.gql(admin, ENROLL, { i: { classId, studentIds: [leo, eli, leo] } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.enrollStudents).toMatchObject({ studentCount: 2 });
    const before = await fingerprint();
    const again = await t.gql(admin, ENROLL, { i: { classId, studentIds: [eli] } });
    expect(again.data!.enrollStudents).toMatchObject({ studentCount: 2 });
    expect(await fingerprint()).toBe(before);

    const sam = await studentId('sam', f.demo.schools.get('PALMETTO')!.id);
    const tex = await studentId('tex', f.other.schools.get('PECAN')!.id);
    for (const other of [sam, tex, teacherId]) {
      const refused = await t.gql(admin, ENROLL, { i: { classId, studentIds: [leo, other] } });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'Some of the students are not students of Bayside Secondary School.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await fingerprint()).toBe(before);

    const out = await t.gql(admin, UNENROLL, { i: { classId, studentIds: [leo] } });
    expect(out.data!.unenrollStudents).toMatchObject({ studentCount: 1, students: [{ username: 'eli' }] });
    const outAgain = await t.gql(admin, UNENROLL, { i: { classId, studentIds: [leo] } });
    expect(outAgain.data!.unenrollStudents).toMatchObject({ studentCount: 1 });
    expect(await audits(classId)).toEqual(['class.create', 'enrollment.add', 'enrollment.remove']);
  });

  it('lists a teacher of several classes with each of them (one batch)', async () => {
    const r = await t.gql(principal, '{ classes { name teachers { displayName } } }');
    const byName = new Map(
      (r.data!.classes as { name: string; teachers: { displayName: string }[] }[]).map((c) => [
        c.name,
        c.teachers.map((x) => x.displayName),
      ]),
    );
    expect(byName.get('Health 7, Period 2')).toEqual(['Mr. James Okafor']);
    expect(byName.get('Health 10, Period 4')).toEqual(['Mr. James Okafor']);
  });

  it('nobody manages classes outside their school or district: not found, nothing written', async () => {
    const pecanClass = f.other.classes.get('Health 6')!.id;
    const palmettoClass = f.demo.classes.get('Grade 3, Room 12')!.id;
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const otherAdmin = await signInStaff(t, 'admin@lonestar.example');
    const tex = await studentId('tex', f.other.schools.get('PECAN')!.id);
    const before = await fingerprint();
    const attempts: [TestAgent, string, Record<string, unknown>][] = [
      [principal, UPDATE, { classId: palmettoClass, name: 'Mine now' }],
      [principal, UPDATE, { classId: pecanClass, name: 'Mine now' }],
      [admin, UPDATE, { classId: pecanClass, name: 'Mine now' }],
      [admin, TEACHERS, { classId: pecanClass, teacherIds: [] }],
      [admin, ENROLL, { classId: pecanClass, studentIds: [tex] }],
      [admin, UNENROLL, { classId: pecanClass, studentIds: [tex] }],
      [otherAdmin, UPDATE, { classId: f.demo.classes.get('Health 7, Period 2')!.id, name: 'Mine now' }],
    ];
    for (const [agent, query, i] of attempts) {
      const r = await t.gql(agent, query, { i });
      expect(r.errors?.[0]).toMatchObject({
        message: 'Class was not found.',
        extensions: { code: 'NOT_FOUND' },
      });
    }
    // A teacher may see the class they teach but not manage it.
    const own = await t.gql(teacher, UPDATE, {
      i: { classId: f.demo.classes.get('Health 7, Period 2')!.id, name: 'Mine now' },
    });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const pecanStaff = await t.gql(
      admin,
      `{ school(id: "${f.other.schools.get('PECAN')!.id}") { staff { id } students { id } } }`,
    );
    expect(pecanStaff.data).toEqual({ school: null });
    expect(await fingerprint()).toBe(before);
  });
});
