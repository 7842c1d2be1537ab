import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const OUTCOMES = `query($y: String) { outcomesReport(schoolYear: $y) {
  districtName schoolYear groups { schoolName grade moduleId moduleVersion moduleTitle
    constructs { construct pairs preMean postMean gain } sessionSafety { respondents upsetPercent } } } }`;

interface Group {
  schoolName: string;
  grade: number;
  moduleId: string;
  moduleTitle: string;
  constructs: {
    construct: string;
    pairs: string;
    preMean: number | null;
    postMean: number | null;
    gain: number | null;
  }[];
  sessionSafety: { respondents: string; upsetPercent: number | null } | null;
}

describe('outcomes: pre/post gains per construct, school, grade and module version', () => {
  let t: TestApp;
  let f: Fixtures;
  const year = '2026-2027';

  /** One completed attempt per student on a module assigned to the class, with the given answers. */
  async function seed(
    className: string,
    moduleId: string,
    answers: Record<string, [assessment: string, item: string, response: string][]>,
  ): Promise<void> {
    const teacher = f.demo.users.get('teacher@gulfcoast.example')!.id;
    const classId = f.demo.classes.get(className)!.id;
    const [mv] = await t.ds.query(`SELECT id FROM module_version WHERE module_id = $1`, [moduleId]);
    const [a] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [classId, mv.id, teacher],
    );
    for (const [username, rows] of Object.entries(answers)) {
      const [attempt] = await t.ds.query(
        `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, completed_at, updated_at)
         VALUES ($1, $2, $3, 'completed', '2026-10-15', '2026-10-15') RETURNING id`,
        [f.demo.users.get(`BAYSIDE:${username}`)!.id, a.id, mv.id],
      );
      await t.ds.query(
        `INSERT INTO assessment_response (attempt_id, assessment_id, item_id, response, correct)
         SELECT $1, x.a, x.i, x.r, NULL FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS x(a, i, r)`,
        [attempt.id, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    // Grade 7, five students. Knowledge: pre 50/50/0/0/0 (mean 20), post 100 (gain 80). Attitudes (reversed
    // agree-5): pre "4" = 25, post "1" = 100. Help-seeking: only three answer both (hidden). Self-efficacy
    // (confidence-4): pre "2" = 33.3, post "4" = 100. Session safety: two of five upset (40%).
    const grade7 = ['maya', 'jordan', 'ana', 'kai', 'noah'];
    await seed(
      'Health 7, Period 2',
      'online-safety-6-8',
      Object.fromEntries(
        grade7.map((u, i) => [
          u,
          [
            ['pre', 'grooming-definition', 'hacking'],
            ['pre', 'secret-red-flag', i < 2 ? 'true' : 'false'],
            ['pre', 'victim-fault', '4'],
            ['pre', 'would-tell-adult', '2'],
            ['pre', 'can-change-settings', '2'],
            ['post', 'grooming-definition', 'build-trust'],
            ['post', 'secret-red-flag', 'true'],
            ['post', 'victim-fault', '1'],
            ...(i < 3 ? [['post', 'would-tell-adult', '5'] as [string, string, string]] : []),
            ['post', 'can-change-settings', '4'],
            ['post', 'session-upsetting', ['5', '4', '1', '1', '2'][i]],
          ],
        ]),
      ),
    );
    // Grade 10, three students: a group under 5 is hidden.
    await seed(
      'Health 10, Period 4',
      'recognizing-trafficking-9-12',
      Object.fromEntries(
        ['leo', 'priya', 'marcus'].map((u) => [
          u,
          [
            ['pre', 'amp-means', 'low-pay'],
            ['post', 'amp-means', 'force-fraud-coercion'],
            ['post', 'session-upsetting', '5'],
          ],
        ]),
      ),
    );
  });
  afterAll(() => t.close());

  it('reports means, gains and matched pairs per construct, and hides groups under 5', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql<{ outcomesReport: { districtName: string; groups: Group[] } }>(admin, OUTCOMES, {
      y: year,
    });
    expect(r.errors).toBeUndefined();
    const groups = r.data!.outcomesReport.groups;
    expect(groups.map((g) => [g.schoolName, g.grade, g.moduleId])).toEqual([
      ['Bayside Secondary School', 7, 'online-safety-6-8'],
      ['Bayside Secondary School', 10, 'recognizing-trafficking-9-12'],
    ]);
    const g7 = groups[0];
    const by = (g: Group, c: string) => g.constructs.find((x) => x.construct === c)!;
    expect(by(g7, 'knowledge')).toEqual({
      construct: 'knowledge',
      pairs: '5',
      preMean: 20,
      postMean: 100,
      gain: 80,
    });
    expect(by(g7, 'attitudes')).toMatchObject({ pairs: '5', preMean: 25, postMean: 100, gain: 75 });
    expect(by(g7, 'help-seeking-intention')).toEqual({
      construct: 'help-seeking-intention',
      pairs: '<5',
      preMean: null,
      postMean: null,
      gain: null,
    });
    expect(by(g7, 'self-efficacy')).toMatchObject({ pairs: '5', preMean: 33.3, postMean: 100, gain: 66.7 });
    expect(g7.constructs.map((c) => c.construct)).not.toContain('session-safety');
    expect(g7.sessionSafety).toEqual({ respondents: '5', upsetPercent: 40 });

    const g10 = groups[1];
    expect(by(g10, 'knowledge')).toEqual({
      construct: 'knowledge',
      pairs: '<5',
      preMean: null,
      postMean: null,
      gain: null,
    });
    expect(g10.sessionSafety).toEqual({ respondents: '<5', upsetPercent: null });

    const [audit] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'outcomes.read' AND actor_id = $1`,
      [f.demo.users.get('admin@gulfcoast.example')!.id],
    );
    expect(audit.n).toBeGreaterThan(0);
  });

  it('shows school admins their school, other districts nothing of this one, and refuses everyone else', async () => {
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const p = await t.gql<{ outcomesReport: { groups: Group[] } }>(principal, OUTCOMES, { y: year });
    expect(p.errors).toBeUndefined();
    expect(new Set(p.data!.outcomesReport.groups.map((g) => g.schoolName))).toEqual(
      new Set(['Bayside Secondary School']),
    );

    const texas = await signInStaff(t, 'admin@lonestar.example');
    const tx = await t.gql<{ outcomesReport: { groups: Group[] } }>(texas, OUTCOMES, { y: year });
    expect(tx.errors).toBeUndefined();
    expect(tx.data!.outcomesReport.groups).toEqual([]);

    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await t.gql(teacher, OUTCOMES, { y: year })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    expect((await t.gql(student, OUTCOMES, { y: year })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(await signInStaff(t, 'admin@gulfcoast.example'), OUTCOMES, { y: '2026' });
    expect(bad.errors?.[0].message).toBe('schoolYear must look like 2026-2027');
  });
});
