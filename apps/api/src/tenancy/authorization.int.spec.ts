import type TestAgent from 'supertest/lib/agent';
import type { Role } from '@haven/domain';
import { ClassSection } from '../identity/class-section.entity';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

type Who = Role | 'anonymous';
const EVERYONE: Who[] = [
  'anonymous',
  'student',
  'teacher',
  'school_admin',
  'district_admin',
  'author',
  'reviewer',
  'platform_admin',
];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous');
const ROSTER: Who[] = ['teacher', 'school_admin', 'district_admin', 'platform_admin'];
const STAFF: Who[] = ['teacher', 'school_admin', 'district_admin', 'author', 'reviewer', 'platform_admin'];

interface Case {
  name: string;
  query: (f: Fixtures) => string;
  allowed: Who[];
  /** Error codes an allowed caller may still get (e.g. NOT_FOUND for an id outside their scope). */
  tolerated?: string[];
}

const CASES: Case[] = [
  { name: 'Query.me', query: () => '{ me { id } }', allowed: EVERYONE },
  {
    name: 'Query.district',
    query: (f) => `{ district(id: "${f.demo.district.id}") { id name } }`,
    allowed: ['district_admin', 'platform_admin'],
  },
  {
    name: 'Query.school',
    query: (f) => `{ school(id: "${f.demo.schools.get('BAYSIDE')!.id}") { id } }`,
    allowed: ROSTER,
  },
  { name: 'Query.schools', query: () => '{ schools { id } }', allowed: ROSTER },
  { name: 'Query.classes', query: () => '{ classes { id } }', allowed: ROSTER },
  {
    name: 'Query.class',
    query: (f) => `{ class(id: "${f.demo.classes.get('Health 7, Period 2')!.id}") { id } }`,
    allowed: ROSTER,
  },
  { name: 'Query.myClasses', query: () => '{ myClasses { id name } }', allowed: ['student'] },
  {
    name: 'Class.students (through myClasses)',
    query: () => '{ myClasses { students { id } } }',
    allowed: [],
  },
  {
    name: 'Class.teachers (through myClasses)',
    query: () => '{ myClasses { teachers { displayName } } }',
    allowed: ['student'],
  },
  {
    name: 'District.schools',
    query: (f) => `{ district(id: "${f.demo.district.id}") { schools { id } } }`,
    allowed: ['district_admin', 'platform_admin'],
  },
  {
    name: 'Mutation.setPreferredLanguage',
    query: () => 'mutation { setPreferredLanguage(language: "en") { id } }',
    allowed: SIGNED_IN,
  },
  {
    name: 'Mutation.createClass',
    query: (f) =>
      `mutation { createClass(input: { schoolId: "${f.demo.schools.get('BAYSIDE')!.id}", name: "Matrix", gradeLevels: [9], schoolYear: "2026-2027" }) { id } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    // The second allowed caller meets the first one's class: class names are unique in a school year.
    tolerated: ['CONFLICT'],
  },
  {
    name: 'Mutation.updateClass',
    query: (f) =>
      `mutation { updateClass(input: { classId: "${f.demo.classes.get('Health 7, Period 2')!.id}", name: "Health 7, Period 2" }) { id } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  {
    name: 'Mutation.setClassTeachers',
    query: () =>
      'mutation { setClassTeachers(input: { classId: "00000000-0000-4000-8000-000000000000", teacherIds: [] }) { id } }',
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.enrollStudents',
    query: () =>
      'mutation { enrollStudents(input: { classId: "00000000-0000-4000-8000-000000000000", studentIds: ["00000000-0000-4000-8000-000000000001"] }) { id } }',
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.unenrollStudents',
    query: () =>
      'mutation { unenrollStudents(input: { classId: "00000000-0000-4000-8000-000000000000", studentIds: ["00000000-0000-4000-8000-000000000001"] }) { id } }',
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'School.staff',
    query: (f) => `{ school(id: "${f.demo.schools.get('BAYSIDE')!.id}") { staff { id } } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  {
    name: 'School.students',
    query: (f) => `{ school(id: "${f.demo.schools.get('BAYSIDE')!.id}") { students(first: 5) { id } } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  { name: 'Query.modules', query: () => '{ modules { moduleId } }', allowed: STAFF },
  { name: 'Query.moduleVersion', query: () => '{ moduleVersion(moduleId: "none") { id } }', allowed: STAFF },
  {
    name: 'Query.assignmentProgress',
    query: () =>
      '{ assignmentProgress(assignmentId: "00000000-0000-4000-8000-000000000000") { steps { id } } }',
    allowed: ROSTER,
  },
  {
    name: 'Query.classInsights',
    query: () =>
      '{ classInsights(assignmentId: "00000000-0000-4000-8000-000000000000") { constructs { pairs } } }',
    allowed: ROSTER,
    tolerated: ['NOT_FOUND'],
  },
  { name: 'Query.trainingCourses', query: () => '{ trainingCourses { code } }', allowed: STAFF },
  { name: 'Query.myTrainings', query: () => '{ myTrainings { id } }', allowed: STAFF },
  {
    name: 'Query.staffTraining',
    query: () => '{ staffTraining { userId } }',
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  {
    name: 'Mutation.recordTraining',
    query: () =>
      'mutation { recordTraining(input: { userId: "00000000-0000-4000-8000-000000000000", courseCode: "mandated-reporter", completedAt: "2026-09-01T00:00:00Z" }) { id } }',
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    tolerated: ['NOT_FOUND'],
  },
  { name: 'Query.stateFilings', query: () => '{ stateFilings { filingId } }', allowed: ['district_admin'] },
  {
    name: 'Query.floridaPlanDraft',
    query: () => '{ floridaPlanDraft(schoolYear: "2026-2027") { dueOn } }',
    allowed: ['district_admin'],
  },
  {
    name: 'Query.texasTrainedStaffDraft',
    query: () => '{ texasTrainedStaffDraft { districtName } }',
    allowed: ['district_admin'],
  },
  {
    name: 'Query.myFacilitatorProfile',
    query: () => '{ myFacilitatorProfile { userId } }',
    allowed: ['teacher', 'school_admin', 'district_admin'],
  },
  {
    name: 'Mutation.saveMyFacilitatorProfile',
    query: () => 'mutation { saveMyFacilitatorProfile(input: { displayName: "Someone" }) { userId } }',
    allowed: ['teacher', 'school_admin', 'district_admin'],
  },
  {
    name: 'Mutation.listMeAsSurvivorFacilitator',
    query: () => 'mutation { listMeAsSurvivorFacilitator(input: { statement: "My words" }) { userId } }',
    allowed: ['teacher', 'school_admin', 'district_admin'],
    tolerated: ['BAD_USER_INPUT'],
  },
  {
    name: 'Mutation.withdrawSurvivorListing',
    query: () => 'mutation { withdrawSurvivorListing { userId } }',
    allowed: ['teacher', 'school_admin', 'district_admin'],
  },
  { name: 'Query.facilitatorDirectory', query: () => '{ facilitatorDirectory { userId } }', allowed: STAFF },
  {
    name: 'Query.complianceReport',
    query: () => '{ complianceReport(schoolYear: "2026-2027") { schoolYear } }',
    allowed: ['school_admin', 'district_admin'],
  },
  {
    name: 'Query.gradeCompliance',
    query: (f) =>
      `{ gradeCompliance(schoolId: "${f.demo.schools.get('BAYSIDE')!.id}", grade: 7, schoolYear: "2026-2027") { studentId } }`,
    allowed: ['school_admin', 'district_admin'],
  },
  {
    name: 'Query.studentCompliance',
    query: () => '{ studentCompliance(studentId: "00000000-0000-4000-8000-000000000000") { studentId } }',
    allowed: ['school_admin', 'district_admin'],
  },
  { name: 'Query.myLessons', query: () => '{ myLessons { id } }', allowed: ['student'] },
  {
    name: 'Query.myAssignment',
    query: () => '{ myAssignment(id: "00000000-0000-4000-8000-000000000000") { title } }',
    allowed: ['student'],
  },
  {
    name: 'Mutation.assignModule',
    query: (f) =>
      `mutation { assignModule(input: { classId: "${f.demo.classes.get('Health 7, Period 2')!.id}", moduleId: "none" }) { id } }`,
    allowed: ROSTER,
    // allowed callers get NOT_FOUND here (no such module, or a class outside their scope): never FORBIDDEN.
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.moveAssignmentToVersion',
    query: () =>
      'mutation { moveAssignmentToVersion(input: { assignmentId: "00000000-0000-4000-8000-000000000000", version: "9.9.9" }) { id } }',
    allowed: ROSTER,
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.submitProgress',
    query: () =>
      `mutation { submitProgress(input: { assignmentId: "00000000-0000-4000-8000-000000000000", events: [{ id: "00000000-0000-4000-8000-000000000001", kind: reflection, at: "2026-11-26T10:00:00Z", promptId: "p", text: "t" }] }) { results { id } } }`,
    allowed: ['student'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Query.classConsent',
    query: (f) =>
      `{ classConsent(classId: "${f.demo.classes.get('Health 7, Period 2')!.id}", schoolYear: "2026-2027") { model } }`,
    allowed: ROSTER,
  },
  {
    name: 'Mutation.recordDelivery',
    query: () =>
      'mutation { recordDelivery(input: { assignmentId: "00000000-0000-4000-8000-000000000000", lessonId: "x", minutes: 30, presentStudentIds: [] }) { id } }',
    allowed: ['teacher', 'school_admin', 'district_admin'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Query.assignmentDeliveries',
    query: () => '{ assignmentDeliveries(assignmentId: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: ROSTER,
  },
  {
    name: 'Mutation.recordConsent',
    query: () =>
      'mutation { recordConsent(input: { studentId: "00000000-0000-4000-8000-000000000000", schoolYear: "2026-2027", kind: "opt-out" }) { id } }',
    allowed: ROSTER,
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.removeConsent',
    query: () => 'mutation { removeConsent(id: "00000000-0000-4000-8000-000000000000") }',
    allowed: ROSTER,
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Query.importRuns',
    query: () => '{ importRuns { id status } }',
    allowed: ['district_admin', 'platform_admin'],
  },
  {
    name: 'Query.schoolImportRuns',
    query: () => '{ schoolImportRuns { id status } }',
    allowed: ['school_admin'],
  },
  { name: 'Query.moduleDrafts', query: () => '{ moduleDrafts { id } }', allowed: ['author', 'reviewer'] },
  {
    name: 'Query.moduleDraft',
    query: () => '{ moduleDraft(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: ['author', 'reviewer'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Query.myReviewQualifications',
    query: () => '{ myReviewQualifications }',
    allowed: ['author', 'reviewer'],
  },
  {
    name: 'Query.moduleVersionDiff',
    query: () => '{ moduleVersionDiff(moduleId: "none", from: "1.0.0", to: "1.0.1") { label } }',
    allowed: STAFF,
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.createModuleDraft',
    query: () =>
      'mutation { createModuleDraft(input: { moduleId: "authz-probe", fromVersion: "9.9.9" }) { id } }',
    allowed: ['author'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.saveModuleDraft',
    query: () =>
      'mutation { saveModuleDraft(input: { id: "00000000-0000-4000-8000-000000000000", baseRevision: 1, document: {} }) { id } }',
    allowed: ['author'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.submitModuleDraft',
    query: () =>
      'mutation { submitModuleDraft(input: { id: "00000000-0000-4000-8000-000000000000", bump: "patch" }) { id } }',
    allowed: ['author'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.withdrawModuleDraft',
    query: () => 'mutation { withdrawModuleDraft(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: ['author'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.reviewModuleDraft',
    query: () =>
      'mutation { reviewModuleDraft(input: { id: "00000000-0000-4000-8000-000000000000", kind: "educator", outcome: "approve", checked: [] }) { id } }',
    allowed: ['reviewer'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.publishModuleDraft',
    query: () => 'mutation { publishModuleDraft(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: ['author', 'reviewer'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.addDraftComment',
    query: () =>
      'mutation { addDraftComment(input: { draftId: "00000000-0000-4000-8000-000000000000", anchor: { kind: "module", field: "title" }, body: "x" }) { id } }',
    allowed: ['author', 'reviewer'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.resolveDraftComment',
    query: () => 'mutation { resolveDraftComment(id: "00000000-0000-4000-8000-000000000000") { id } }',
    allowed: ['author', 'reviewer'],
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Mutation.askToTalk',
    query: () => 'mutation { askToTalk(input: { message: "matrix" }) { message } }',
    allowed: ['student'],
  },
  {
    name: 'Query.safeguardingInbox',
    query: () => '{ safeguardingInbox { designated openAlerts } }',
    allowed: STAFF,
  },
  {
    name: 'Query.safeguardingAlerts',
    query: () => '{ safeguardingAlerts { id text } }',
    allowed: STAFF,
  },
  {
    name: 'Mutation.acknowledgeSafeguardingAlert',
    query: () =>
      'mutation { acknowledgeSafeguardingAlert(input: { alertId: "00000000-0000-4000-8000-000000000000", note: "seen" }) { id } }',
    allowed: STAFF,
    tolerated: ['NOT_FOUND'],
  },
  {
    name: 'Query.schoolSafeguardingStaff',
    query: (f) =>
      `{ schoolSafeguardingStaff(schoolId: "${f.demo.schools.get('BAYSIDE')!.id}") { schoolId } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  {
    name: 'Mutation.designateSafeguardingStaff',
    query: (f) =>
      `mutation { designateSafeguardingStaff(input: { schoolId: "${f.demo.schools.get('BAYSIDE')!.id}", userId: "${f.demo.users.get('teacher@gulfcoast.example')!.id}" }) { schoolId } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
  },
  {
    name: 'Mutation.removeSafeguardingDesignee',
    query: (f) =>
      `mutation { removeSafeguardingDesignee(input: { schoolId: "${f.demo.schools.get('BAYSIDE')!.id}", userId: "${f.demo.users.get('teacher@gulfcoast.example')!.id}" }) { schoolId } }`,
    allowed: ['school_admin', 'district_admin', 'platform_admin'],
    // The second allowed caller finds the designee already removed.
    tolerated: ['NOT_FOUND'],
  },
  { name: 'Mutation.signOut', query: () => 'mutation { signOut }', allowed: EVERYONE },
];

describe('authorization: every role against every operation', () => {
  let t: TestApp;
  let f: Fixtures;
  const agents = new Map<Who, () => Promise<TestAgent>>();

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    const staff: Record<Exclude<Who, 'anonymous' | 'student'>, string> = {
      teacher: 'teacher@gulfcoast.example',
      school_admin: 'principal@gulfcoast.example',
      district_admin: 'admin@gulfcoast.example',
      author: 'author@gulfcoast.example',
      reviewer: 'reviewer@gulfcoast.example',
      platform_admin: 'platform@haven.example',
    };
    agents.set('anonymous', async () => t.agent());
    agents.set('student', () => signInStudent(t, 'BAYSIDE', 'maya', '2468'));
    for (const [role, email] of Object.entries(staff)) agents.set(role as Who, () => signInStaff(t, email));
  });
  afterAll(() => t.close());

  const table = CASES.flatMap((c) =>
    EVERYONE.map((who) => [c.name, who, c.allowed.includes(who) ? 'allowed' : 'denied', c] as const),
  );

  it.each(table)('%s as %s is %s', async (_name, who, expected, c) => {
    const agent = await agents.get(who)!();
    const r = await t.gql(agent, c.query(f));
    const codes = (r.errors ?? []).map((e) => e.extensions?.code);
    if (expected === 'allowed') {
      expect(codes.filter((code) => !(c.tolerated ?? []).includes(code as string))).toEqual([]);
    } else {
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED')).toBe(true);
      expect(codes).toContain(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});

describe('tenant isolation: what a caller may not see is "not found"', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
  });
  afterAll(() => t.close());

  it('a district admin sees nothing of another district', async () => {
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const otherSchool = f.other.schools.get('PECAN')!.id;
    const otherClass = f.other.classes.get('Health 6')!.id;
    const r = await t.gql(
      agent,
      `{ district(id: "${f.other.district.id}") { id } school(id: "${otherSchool}") { id } class(id: "${otherClass}") { id }
         schools { code } classes(first: 200) { name } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ district: null, school: null, class: null });
    expect((r.data!.schools as { code: string }[]).map((s) => s.code).sort()).toEqual([
      'BAYSIDE',
      'PALMETTO',
    ]);
    expect((r.data!.classes as { name: string }[]).map((c) => c.name)).not.toContain('Health 6');
  });

  it('a teacher sees only the classes they teach, and their rosters', async () => {
    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const grade3 = f.demo.classes.get('Grade 3, Room 12')!.id;
    const r = await t.gql(
      agent,
      `{ classes { name students { username } } class(id: "${grade3}") { id } schools { code } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      classes: [
        {
          name: 'Health 10, Period 4',
          students: ['eli', 'leo', 'marcus', 'priya'].map((username) => ({ username })),
        },
        {
          name: 'Health 7, Period 2',
          students: ['ana', 'jordan', 'kai', 'maya', 'noah'].map((username) => ({ username })),
        },
      ],
      class: null,
      schools: [{ code: 'BAYSIDE' }],
    });
  });

  it('a school admin sees their own school only', async () => {
    const agent = await signInStaff(t, 'principal@gulfcoast.example');
    const palmetto = f.demo.schools.get('PALMETTO')!.id;
    const r = await t.gql(
      agent,
      `{ school(id: "${palmetto}") { id } schools { code classCount studentCount } }`,
    );
    expect(r.data).toEqual({ school: null, schools: [{ code: 'BAYSIDE', classCount: 2, studentCount: 9 }] });
  });

  it('a school admin cannot create a class in another district, and nothing is written', async () => {
    const agent = await signInStaff(t, 'principal@gulfcoast.example');
    const before = await t.ds.getRepository(ClassSection).count();
    const r = await t.gql(
      agent,
      `mutation { createClass(input: { schoolId: "${f.other.schools.get('PECAN')!.id}", name: "Sneaky", gradeLevels: [6], schoolYear: "2026-2027" }) { id } }`,
    );
    expect(r.errors?.[0]).toMatchObject({
      message: 'School was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await t.ds.getRepository(ClassSection).count()).toBe(before);
  });

  it('an unknown or malformed id is simply not found', async () => {
    const agent = await signInStaff(t, 'platform@haven.example');
    const r = await t.gql(
      agent,
      '{ a: school(id: "not-a-uuid") { id } b: school(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: null, b: null });
  });

  it('a platform admin sees every district', async () => {
    const agent = await signInStaff(t, 'platform@haven.example');
    const r = await t.gql(agent, '{ schools { code } }');
    expect((r.data!.schools as { code: string }[]).map((s) => s.code).sort()).toEqual([
      'BAYSIDE',
      'PALMETTO',
      'PECAN',
    ]);
  });

  it('audits every roster read', async () => {
    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const classId = f.demo.classes.get('Health 7, Period 2')!.id;
    await t.gql(agent, `{ class(id: "${classId}") { students { id } } }`);
    const rows: { actor_id: string; target_id: string }[] = await t.ds.query(
      `SELECT actor_id, target_id FROM audit_event WHERE action = 'roster.read' AND target_id = $1`,
      [classId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[rows.length - 1].actor_id).toBe(f.demo.users.get('teacher@gulfcoast.example')!.id);
  });
});
