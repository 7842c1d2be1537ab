import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { ConsentService } from './consent.service';
import { DEMO_PASSWORD } from '../seed/demo-district';
import { seedDistrict, SeededDistrict } from '../seed/district-seed';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const YEAR = '2026-2027';
const MODULE = 'online-safety-6-8';
const RECORD =
  'mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id kind moduleId note schoolYear } }';
const CLASS_CONSENT = `query($c: ID!, $y: String!) { classConsent(classId: $c, schoolYear: $y) {
  model state students { student { username } eligible status optOutNotRecognised records { id kind } } } }`;
const MY_ASSIGNMENT = `query($id: ID!) { myAssignment(id: $id) {
  excused alternativeActivity steps { id } lessons { id } scenarios { id } assessments { id } } }`;
const SUBMIT = `mutation($i: SubmitProgressInput!) { submitProgress(input: $i) { results { id outcome code } } }`;

interface ClassConsentData {
  classConsent: {
    model: string;
    state: string;
    students: {
      student: { username: string };
      eligible: boolean;
      status: string;
      optOutNotRecognised: boolean;
      records: { id: string; kind: string }[];
    }[];
  } | null;
}

function californiaDistrict(): Parameters<typeof seedDistrict>[1] {
  return {
    name: 'Golden Valley USD',
    state: 'CA',
    schools: [{ name: 'Valley Middle School', code: 'VALLEY', lowestGrade: 6, highestGrade: 8 }],
    staff: [
      {
        email: 'teacher@goldenvalley.example',
        displayName: 'Ms. Park',
        password: DEMO_PASSWORD,
        roles: [{ role: 'teacher', school: 'VALLEY' }],
      },
      {
        email: 'admin@goldenvalley.example',
        displayName: 'CA Admin',
        password: DEMO_PASSWORD,
        roles: [{ role: 'district_admin' }],
      },
    ],
    classes: [
      {
        school: 'VALLEY',
        name: 'Health 7',
        gradeLevels: [7],
        schoolYear: YEAR,
        teachers: ['teacher@goldenvalley.example'],
        students: [
          { username: 'ana', displayName: 'Ana', gradeLevel: 7, pin: '1111' },
          { username: 'ben', displayName: 'Ben', gradeLevel: 7, pin: '2222' },
        ],
      },
    ],
  };
}

describe('parental consent following the state consent model', () => {
  let t: TestApp;
  let f: Fixtures;
  let ca: SeededDistrict;
  const assignments = new Map<string, string>();

  async function assign(classId: string, teacherId: string): Promise<string> {
    const [mv] = await t.ds.query(`SELECT id FROM module_version WHERE module_id = $1`, [MODULE]);
    const [a] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [classId, mv.id, teacherId],
    );
    return a.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    ca = await t.ds.transaction((m) => seedDistrict(m, californiaDistrict()));
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    assignments.set(
      'CA',
      await assign(ca.classes.get('Health 7')!.id, ca.users.get('teacher@goldenvalley.example')!.id),
    );
    assignments.set(
      'TX',
      await assign(f.other.classes.get('Health 6')!.id, f.other.users.get('teacher@lonestar.example')!.id),
    );
    assignments.set(
      'FL',
      await assign(
        f.demo.classes.get('Health 7, Period 2')!.id,
        f.demo.users.get('teacher@gulfcoast.example')!.id,
      ),
    );
  });
  afterAll(() => t.close());

  it('California (opt-out): an opted-out student is excused, gets the alternative activity and cannot submit', async () => {
    const teacher = await signInStaff(t, 'teacher@goldenvalley.example');
    const classId = ca.classes.get('Health 7')!.id;
    const before = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(before.errors).toBeUndefined();
    expect(before.data!.classConsent).toMatchObject({
      model: 'opt-out',
      state: 'CA',
      students: [
        { student: { username: 'ana' }, eligible: true, status: 'eligible' },
        { student: { username: 'ben' }, eligible: true, status: 'eligible' },
      ],
    });

    const ben = ca.users.get('VALLEY:ben')!.id;
    const r = await t.gql<{ recordConsent: { id: string; kind: string; note: string } }>(teacher, RECORD, {
      i: { studentId: ben, schoolYear: YEAR, kind: 'opt-out', note: 'Letter from parent, 2 Sept' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordConsent).toMatchObject({ kind: 'opt-out', note: 'Letter from parent, 2 Sept' });
    const [audit] = await t.ds.query(
      `SELECT action, target_id FROM audit_event WHERE action = 'consent.record'`,
    );
    expect(audit).toEqual({ action: 'consent.record', target_id: ben });

    const after = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(after.data!.classConsent!.students[1]).toMatchObject({ eligible: false, status: 'opted-out' });

    const benAgent = await signInStudent(t, 'VALLEY', 'ben', '2222');
    const mod = await t.gql<{
      myAssignment: { excused: boolean; lessons: unknown[]; scenarios: unknown[]; assessments: unknown[] };
    }>(benAgent, MY_ASSIGNMENT, { id: assignments.get('CA') });
    expect(mod.errors).toBeUndefined();
    expect(mod.data!.myAssignment).toMatchObject({
      excused: true,
      lessons: [],
      scenarios: [],
      assessments: [],
    });
    const list = await t.gql<{ myLessons: { excused: boolean }[] }>(benAgent, '{ myLessons { id excused } }');
    expect(list.data!.myLessons).toEqual([expect.objectContaining({ excused: true })]);
    const submit = await t.gql<{ submitProgress: { results: { outcome: string; code: string }[] } }>(
      benAgent,
      SUBMIT,
      {
        i: {
          assignmentId: assignments.get('CA'),
          events: [
            {
              id: '6f1c2d3e-4a5b-4c6d-8e7f-000000000001',
              kind: 'reflection',
              at: '2026-11-26T10:00:00Z',
              promptId: 'p',
              text: 't',
            },
          ],
        },
      },
    );
    expect(submit.data?.submitProgress.results).toEqual([
      expect.objectContaining({ outcome: 'rejected', code: 'NOT_ELIGIBLE' }),
    ]);

    const ana = await signInStudent(t, 'VALLEY', 'ana', '1111');
    const anaMod = await t.gql<{ myAssignment: { excused: boolean; lessons: unknown[] } }>(
      ana,
      MY_ASSIGNMENT,
      {
        id: assignments.get('CA'),
      },
    );
    expect(anaMod.data!.myAssignment.excused).toBe(false);
    expect(anaMod.data!.myAssignment.lessons.length).toBeGreaterThan(0);

    // The teacher's progress view marks Ben as excused for consent.
    const progress = await t.gql<{
      assignmentProgress: { students: { student: { username: string }; excusedForConsent: boolean }[] };
    }>(
      teacher,
      `{ assignmentProgress(assignmentId: "${assignments.get('CA')}") { students { student { username } excusedForConsent } } }`,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.assignmentProgress.students).toEqual([
      { student: { username: 'ana' }, excusedForConsent: false },
      { student: { username: 'ben' }, excusedForConsent: true },
    ]);

    // Compliance: the opt-out counts as excused.
    const admin = await signInStaff(t, 'admin@goldenvalley.example');
    const c = await t.gql<{ studentCompliance: { rules: { outcome: string }[] } }>(
      admin,
      `{ studentCompliance(studentId: "${ben}", schoolYear: "${YEAR}") { rules { outcome } } }`,
    );
    expect(c.errors).toBeUndefined();
    expect(c.data!.studentCompliance.rules.map((x) => x.outcome)).toContain('excused-opt-out');

    // Removing the record makes Ben eligible again.
    const removed = await t.gql(teacher, `mutation { removeConsent(id: "${r.data!.recordConsent.id}") }`);
    expect(removed.errors).toBeUndefined();
    const again = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(again.data!.classConsent!.students[1]).toMatchObject({ eligible: true, records: [] });
  });

  it('Texas (opt-in written): no instruction until written consent is on file; compliance counts excused-no-consent', async () => {
    const teacher = await signInStaff(t, 'teacher@lonestar.example');
    const classId = f.other.classes.get('Health 6')!.id;
    const tex = f.other.users.get('PECAN:tex')!.id;
    const before = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(before.data!.classConsent).toMatchObject({
      model: 'opt-in-written',
      students: [{ eligible: false, status: 'consent-missing' }],
    });
    const admin = await signInStaff(t, 'admin@lonestar.example');
    const c = await t.gql<{ studentCompliance: { rules: { outcome: string }[] } }>(
      admin,
      `{ studentCompliance(studentId: "${tex}", schoolYear: "${YEAR}") { rules { outcome } } }`,
    );
    expect(c.data!.studentCompliance.rules.map((x) => x.outcome)).toContain('excused-no-consent');

    const rec = await t.gql(teacher, RECORD, {
      i: { studentId: tex, schoolYear: YEAR, kind: 'written-consent' },
    });
    expect(rec.errors).toBeUndefined();
    const after = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(after.data!.classConsent!.students[0]).toMatchObject({
      eligible: true,
      status: 'consent-on-file',
    });
    const student = await signInStudent(t, 'PECAN', 'tex', '9999');
    const mod = await t.gql<{ myAssignment: { excused: boolean; lessons: unknown[] } }>(
      student,
      MY_ASSIGNMENT,
      {
        id: assignments.get('TX'),
      },
    );
    expect(mod.data!.myAssignment.excused).toBe(false);
    expect(mod.data!.myAssignment.lessons.length).toBeGreaterThan(0);
  });

  it('Florida (no opt-out in law): an opt-out is recorded but not recognised, and the student stays eligible', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const classId = f.demo.classes.get('Health 7, Period 2')!.id;
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const rec = await t.gql(teacher, RECORD, { i: { studentId: maya, schoolYear: YEAR, kind: 'opt-out' } });
    expect(rec.errors).toBeUndefined();
    const r = await t.gql<ClassConsentData>(teacher, CLASS_CONSENT, { c: classId, y: YEAR });
    expect(r.data!.classConsent!.model).toBe('none');
    const row = r.data!.classConsent!.students.find((s) => s.student.username === 'maya')!;
    expect(row).toMatchObject({ eligible: true, status: 'eligible', optOutNotRecognised: true });
    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    const mod = await t.gql<{ myAssignment: { excused: boolean } }>(student, MY_ASSIGNMENT, {
      id: assignments.get('FL'),
    });
    expect(mod.data!.myAssignment.excused).toBe(false);
  });

  it('only staff who can see a class of the student may read or write their consent (no cross-district)', async () => {
    const tex = f.other.users.get('PECAN:tex')!.id;
    const gulfTeacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const cross = await t.gql(gulfTeacher, RECORD, {
      i: { studentId: tex, schoolYear: YEAR, kind: 'opt-out' },
    });
    expect(cross.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const gulfAdmin = await signInStaff(t, 'admin@gulfcoast.example');
    const read = await t.gql<ClassConsentData>(gulfAdmin, CLASS_CONSENT, {
      c: f.other.classes.get('Health 6')!.id,
      y: YEAR,
    });
    expect(read.data!.classConsent).toBeNull();
    const [own] = await t.ds.query(`SELECT id FROM consent_record WHERE student_id = $1`, [tex]);
    const remove = await t.gql(gulfAdmin, `mutation { removeConsent(id: "${own.id}") }`);
    expect(remove.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const student = await signInStudent(t, 'PECAN', 'tex', '9999');
    const asStudent = await t.gql(student, RECORD, {
      i: { studentId: tex, schoolYear: YEAR, kind: 'opt-out' },
    });
    expect(asStudent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("answers many students of different states in one call, each by their own state's rules and records", async () => {
    await t.ds.query(`DELETE FROM consent_record`);
    const ana = ca.users.get('VALLEY:ana')!.id;
    const ben = ca.users.get('VALLEY:ben')!.id;
    const tex = f.other.users.get('PECAN:tex')!.id;
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const txClass = f.other.classes.get('Health 6')!.id;
    await t.ds.query(
      `INSERT INTO consent_record (student_id, school_year, kind, module_id) VALUES
         ($1, $4, 'opt-out', NULL), ($2, $4, 'written-consent', $5), ($3, $4, 'opt-out', NULL),
         ($2, '2025-2026', 'written-consent', NULL)`,
      [ben, tex, maya, YEAR, MODULE],
    );
    const caClass = ca.classes.get('Health 7')!.id;
    const flClass = f.demo.classes.get('Health 7, Period 2')!.id;
    const answers = await t.app.get(ConsentService).eligibilities([
      { studentId: ana, classId: caClass, moduleId: MODULE },
      { studentId: ben, classId: caClass, moduleId: MODULE },
      { studentId: tex, classId: txClass, moduleId: MODULE },
      { studentId: tex, classId: txClass, moduleId: 'another-module' },
      { studentId: maya, classId: flClass, moduleId: MODULE },
    ]);
    expect(answers).toEqual([
      { model: 'opt-out', eligible: true }, // nothing on file
      { model: 'opt-out', eligible: false }, // opted out
      { model: 'opt-in-written', eligible: true }, // written consent for this module, this year
      { model: 'opt-in-written', eligible: false }, // not for another module (last year's consent does not count)
      { model: 'none', eligible: true }, // Florida: an opt-out is not recognised
    ]);
    // One student alone gets the same answer as within a batch.
    expect(
      await t.app.get(ConsentService).eligibilities([{ studentId: ben, classId: caClass, moduleId: MODULE }]),
    ).toEqual([answers[1]]);
    await t.ds.query(`DELETE FROM consent_record`);
  });
});
