import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const PLAN = `query($y: String) { floridaPlanDraft(schoolYear: $y) {
  districtName schoolYear planYear dueOn
  basis { filingId citation recipient certainty evidenceNote ruleNote }
  grades { grade minutes
    modules { moduleId title version licence lessons scenarios assessments minutes status classes }
    instructors { displayName trainings { courseTitle } } } } }`;
const TX = `{ texasTrainedStaffDraft { districtName trainings basis { filingId certainty citation }
  staff { displayName email completions { courseCode completedAt expiresAt source current } } } }`;

interface PlanGrade {
  grade: number;
  minutes: number;
  modules: Record<string, unknown>[];
  instructors: { displayName: string; trainings: { courseTitle: string }[] }[];
}

describe('state filing drafts', () => {
  let t: TestApp;
  let f: Fixtures;
  const year = '2026-2027';

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    // Mr. Okafor assigned the 6-8 module to Health 7 (Maya completed it) and the 9-12 module to Health 10.
    const teacher = f.demo.users.get('teacher@gulfcoast.example')!.id;
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const version = async (id: string): Promise<string> =>
      (
        await t.ds.query(
          `SELECT id FROM module_version WHERE module_id = $1 ORDER BY version_sort DESC LIMIT 1`,
          [id],
        )
      )[0].id;
    const online = await version('online-safety-6-8');
    const trafficking = await version('recognizing-trafficking-9-12');
    const [a7] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [f.demo.classes.get('Health 7, Period 2')!.id, online, teacher],
    );
    await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-02')`,
      [f.demo.classes.get('Health 10, Period 4')!.id, trafficking, teacher],
    );
    await t.ds.query(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, completed_at, updated_at)
       VALUES ($1, $2, $3, 'completed', '2026-10-15', '2026-10-15')`,
      [maya, a7.id, online],
    );
  });
  afterAll(() => t.close());

  it("drafts Florida's implementation plan per grade from the school year's assignments", async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql<{
      floridaPlanDraft: {
        districtName: string;
        schoolYear: string;
        planYear: string;
        dueOn: string;
        basis: Record<string, string>;
        grades: PlanGrade[];
      };
    }>(admin, PLAN, { y: year });
    expect(r.errors).toBeUndefined();
    const plan = r.data!.floridaPlanDraft;
    expect(plan).toMatchObject({
      districtName: 'Gulf Coast County Schools',
      schoolYear: '2026-2027',
      planYear: '2027-2028',
      dueOn: '2027-07-01', // annual, 1 July, from the rule data
    });
    expect(plan.basis).toMatchObject({
      filingId: 'implementation-plan',
      recipient: 'Florida Department of Education',
      certainty: 'secondary-source',
    });
    expect(plan.basis.evidenceNote).toMatch(/2024 amendment/);
    // K-12 across the two schools: every grade is listed, even those with nothing yet.
    expect(plan.grades.map((g) => g.grade)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const g7 = plan.grades.find((g) => g.grade === 7)!;
    expect(g7.modules).toEqual([
      {
        moduleId: 'online-safety-6-8',
        title: 'Real Friends, Fake Offers: Staying Safe Online',
        version: '1.2.0',
        licence: 'CC-BY-SA-4.0',
        lessons: 3,
        scenarios: 1,
        assessments: ['pre', 'post'],
        minutes: 170,
        status: 'delivered',
        classes: 1,
      },
    ]);
    expect(g7.minutes).toBe(170);
    expect(g7.instructors).toEqual([
      {
        displayName: 'Mr. James Okafor',
        trainings: [
          { courseTitle: 'Mandated reporter training under state law' },
          {
            courseTitle:
              'Haven facilitator basics: trauma-informed delivery, disclosure protocol, quick exit',
          },
        ],
      },
    ]);
    const g10 = plan.grades.find((g) => g.grade === 10)!;
    expect(g10.modules).toMatchObject([
      {
        moduleId: 'recognizing-trafficking-9-12',
        lessons: 3,
        scenarios: 1,
        minutes: 185,
        status: 'assigned',
      },
    ]);
    expect(g10.minutes).toBe(185);
    const g3 = plan.grades.find((g) => g.grade === 3)!;
    expect(g3).toEqual({ grade: 3, minutes: 0, modules: [], instructors: [] });

    // The same draft as CSV, one row per grade and module.
    const res = await admin.get(`/exports/filings/fl-implementation-plan.csv?schoolYear=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="haven-fl-implementation-plan-2027-2028-draft.csv"',
    );
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(
      /^district,plan_year,based_on_school_year,due_on,grade,material,module,version,licence/,
    );
    expect(lines).toHaveLength(1 + 13);
    const row7 = lines.find((l) => l.includes('online-safety-6-8'))!;
    expect(row7).toContain('Gulf Coast County Schools,2027-2028,2026-2027,2027-07-01,7,');
    expect(row7).toContain(',1.2.0,CC-BY-SA-4.0,3,1,pre post,170,delivered,Mr. James Okafor,');
    expect(row7).toContain('DRAFT: check before filing');
    expect(lines.find((l) => l.includes(',K,'))).toBeDefined();
  });

  it('lists the filings of the district’s own state, with the ones Haven drafts', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql<{ stateFilings: { filingId: string; draft: string | null; nextDue: string }[] }>(
      admin,
      '{ stateFilings { filingId draft nextDue certainty } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.stateFilings).toHaveLength(1);
    expect(r.data!.stateFilings[0]).toMatchObject({
      filingId: 'implementation-plan',
      draft: 'fl-implementation-plan',
    });
    expect(r.data!.stateFilings[0].nextDue).toMatch(/^\d{4}-07-01$/);
    // Florida has no Texas list.
    expect(
      (await t.gql<{ texasTrainedStaffDraft: null }>(admin, TX)).data!.texasTrainedStaffDraft,
    ).toBeNull();
    expect((await admin.get('/exports/filings/tx-trained-staff.csv')).status).toBe(404);
  });

  it("lists Texas' trained staff of the Lone Star district with completion and expiry dates", async () => {
    const admin = await signInStaff(t, 'admin@lonestar.example');
    const teacherId = f.other.users.get('teacher@lonestar.example')!.id;
    const authorId = f.other.users.get('author@lonestar.example')!.id;
    const RECORD = 'mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { id } }';
    for (const i of [
      { userId: teacherId, courseCode: 'trafficking-awareness-staff', completedAt: '2026-08-10T00:00:00Z' },
      {
        userId: authorId,
        courseCode: 'trafficking-awareness-staff',
        completedAt: '2025-08-01T00:00:00Z',
        expiresAt: '2026-08-01T00:00:00Z',
      },
      // Not a training the Texas rule names: not on the list.
      { userId: authorId, courseCode: 'mandated-reporter', completedAt: '2026-01-05T00:00:00Z' },
    ])
      expect((await t.gql(admin, RECORD, { i })).errors).toBeUndefined();

    const r = await t.gql<{
      texasTrainedStaffDraft: {
        districtName: string;
        trainings: string[];
        basis: { filingId: string; certainty: string };
        staff: { displayName: string; completions: Record<string, unknown>[] }[];
      };
    }>(admin, TX);
    expect(r.errors).toBeUndefined();
    const list = r.data!.texasTrainedStaffDraft;
    expect(list.districtName).toBe('Lone Star ISD');
    expect(list.trainings).toEqual(['trafficking-awareness-staff']);
    expect(list.basis).toMatchObject({ filingId: 'trained-staff-records', certainty: 'secondary-source' });
    expect(list.staff).toEqual([
      {
        displayName: 'Other Author',
        email: 'author@lonestar.example',
        completions: [
          {
            courseCode: 'trafficking-awareness-staff',
            completedAt: '2025-08-01T00:00:00.000Z',
            expiresAt: '2026-08-01T00:00:00.000Z',
            source: 'external',
            current: false,
          },
        ],
      },
      {
        displayName: 'Other Teacher',
        email: 'teacher@lonestar.example',
        completions: [
          {
            courseCode: 'trafficking-awareness-staff',
            completedAt: '2026-08-10T00:00:00.000Z',
            expiresAt: null,
            source: 'external',
            current: true,
          },
        ],
      },
    ]);
    const res = await admin.get('/exports/filings/tx-trained-staff.csv');
    expect(res.status).toBe(200);
    expect(res.text.trim().split('\n')).toEqual([
      'district,name,email,training,training_title,completed_on,expires_on,source,current',
      'Lone Star ISD,Other Author,author@lonestar.example,trafficking-awareness-staff,Staff training on human trafficking awareness (e.g. Texas TEC 38.0041),2025-08-01,2026-08-01,external,no',
      'Lone Star ISD,Other Teacher,teacher@lonestar.example,trafficking-awareness-staff,Staff training on human trafficking awareness (e.g. Texas TEC 38.0041),2026-08-10,,external,yes',
    ]);
    // A Texas district has no Florida plan, and its admin never sees Gulf Coast's data.
    expect(
      (await t.gql<{ floridaPlanDraft: null }>(admin, PLAN, { y: year })).data!.floridaPlanDraft,
    ).toBeNull();
    expect((await admin.get(`/exports/filings/fl-implementation-plan.csv?schoolYear=${year}`)).status).toBe(
      404,
    );
  });

  it('only district admins draft filings', async () => {
    for (const email of [
      'principal@gulfcoast.example',
      'teacher@gulfcoast.example',
      'author@gulfcoast.example',
    ]) {
      const who = await signInStaff(t, email);
      expect((await t.gql(who, PLAN, { y: year })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await who.get(`/exports/filings/fl-implementation-plan.csv?schoolYear=${year}`)).status).toBe(
        403,
      );
    }
    expect((await t.agent().get('/exports/filings/fl-implementation-plan.csv')).status).toBe(401);
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    expect((await t.gql(admin, PLAN, { y: 'last year' })).errors?.[0].message).toBe(
      'schoolYear must look like 2026-2027',
    );
  });
});
