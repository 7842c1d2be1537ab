import { seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import type { Fixtures } from '../testing/fixtures';

const ASSIGN = 'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }';
const RECORD =
  'mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { courseCode current expiresAt source } }';

describe('facilitator training records', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
  });
  afterAll(() => t.close());

  it("lists staff trainings in the admin's scope, with expiry, and nothing outside it", async () => {
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const r = await t.gql<{
      staffTraining: {
        displayName: string;
        records: { courseCode: string; current: boolean; expiringSoon: boolean }[];
      }[];
    }>(
      principal,
      '{ staffTraining { displayName email roles records { courseCode current expiringSoon expiresAt } } }',
    );
    expect(r.errors).toBeUndefined();
    const names = r.data!.staffTraining.map((s) => s.displayName);
    expect(names).toEqual(['Mr. David Chen', 'Mr. James Okafor', 'Ms. Dana Brooks']);
    const okafor = r.data!.staffTraining.find((s) => s.displayName === 'Mr. James Okafor')!;
    expect(okafor.records.map((x) => x.courseCode).sort()).toEqual([
      'haven-facilitator-basics',
      'mandated-reporter',
    ]);
    expect(okafor.records.every((x) => x.current)).toBe(true);

    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const district = await t.gql<{ staffTraining: { email: string }[] }>(
      admin,
      '{ staffTraining { email } }',
    );
    expect(district.data!.staffTraining.map((s) => s.email)).not.toContain('teacher@lonestar.example');
    expect(district.data!.staffTraining.map((s) => s.email)).toContain('ms.rivera@gulfcoast.example');

    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await t.gql(teacher, '{ staffTraining { email } }')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const mine = await t.gql<{ myTrainings: { courseCode: string }[] }>(
      teacher,
      '{ myTrainings { courseCode courseTitle current } }',
    );
    expect(mine.data!.myTrainings).toHaveLength(2);
  });

  it('refuses an assignment by someone without the trainings the module requires, and says which', async () => {
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    const grade3 = f.demo.classes.get('Grade 3, Room 12')!.id;
    const ok = await t.gql(rivera, ASSIGN, { i: { classId: grade3, moduleId: 'my-body-my-boundaries-3-5' } });
    expect(ok.errors).toBeUndefined();

    // A principal without mandated-reporter training cannot assign the 9-12 trafficking module.
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const grade10 = f.demo.classes.get('Health 10, Period 4')!.id;
    const refused = await t.gql(principal, ASSIGN, {
      i: { classId: grade10, moduleId: 'recognizing-trafficking-9-12' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(
      /Only staff trained to deliver this module may assign it. You need: Mandated reporter training/,
    );
  });

  it('refuses a module written for another grade band', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const grade7 = f.demo.classes.get('Health 7, Period 2')!.id;
    const r = await t.gql(teacher, ASSIGN, { i: { classId: grade7, moduleId: 'body-autonomy-k-2' } });
    expect(r.errors?.[0].message).toMatch(/written for grades 0, 1, 2; this class is grade 7/);
  });

  it('lets an admin record an outside certificate, with the course validity as expiry, only for their staff', async () => {
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const principalId = f.demo.users.get('principal@gulfcoast.example')!.id;
    const r = await t.gql<{
      recordTraining: { courseCode: string; current: boolean; expiresAt: string | null };
    }>(principal, RECORD, {
      i: {
        userId: principalId,
        courseCode: 'mandated-reporter',
        completedAt: '2026-09-01T00:00:00Z',
        note: 'State online course',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordTraining).toEqual({
      courseCode: 'mandated-reporter',
      current: true,
      expiresAt: null,
      source: 'external',
    });

    const grade10 = f.demo.classes.get('Health 10, Period 4')!.id;
    const now = await t.gql(principal, ASSIGN, {
      i: { classId: grade10, moduleId: 'recognizing-trafficking-9-12' },
    });
    expect(now.errors).toBeUndefined();

    const rivera = f.demo.users.get('ms.rivera@gulfcoast.example')!.id;
    const outside = await t.gql(principal, RECORD, {
      i: { userId: rivera, courseCode: 'mandated-reporter', completedAt: '2026-09-01T00:00:00Z' },
    });
    expect(outside.errors?.[0]).toMatchObject({
      message: 'Staff member was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    const future = await t.gql(principal, RECORD, {
      i: { userId: principalId, courseCode: 'mandated-reporter', completedAt: '2099-01-01T00:00:00Z' },
    });
    expect(future.errors?.[0].message).toBe('completedAt cannot be in the future');
    const unknown = await t.gql(principal, RECORD, {
      i: { userId: principalId, courseCode: 'not-a-course', completedAt: '2026-09-01T00:00:00Z' },
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
