import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const INSIGHTS = `query($id: ID!, $lang: String) { classInsights(assignmentId: $id, displayLanguage: $lang) {
  assignmentId language constructs { construct pairs preMean postMean gain }
  scenarios { scenarioId title nodes { nodeId text reached notYetChosen choices { choiceId text count percent } } } } }`;

interface Insights {
  assignmentId: string;
  language: string;
  constructs: {
    construct: string;
    pairs: string;
    preMean: number | null;
    postMean: number | null;
    gain: number | null;
  }[];
  scenarios: {
    scenarioId: string;
    title: string;
    nodes: {
      nodeId: string;
      text: string;
      reached: string;
      notYetChosen: number | null;
      choices: { choiceId: string; text: string; count: number | null; percent: number | null }[];
    }[];
  }[];
}

type Answer = [assessment: 'pre' | 'post', item: string, response: string];

describe('classInsights: aggregates of one assignment for its class', () => {
  let t: TestApp;
  let f: Fixtures;
  let assignmentId: string;
  // Eight students of a class made for this test: the grade 7 and grade 10 students of Bayside.
  const students = ['maya', 'jordan', 'ana', 'kai', 'noah', 'leo', 'priya', 'marcus'];

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    const teacher = f.demo.users.get('teacher@gulfcoast.example')!.id;
    const [cls] = await t.ds.query(
      `INSERT INTO class_section (school_id, name, grade_levels, school_year)
       VALUES ($1, 'Insights club', '{7,10}', '2026-2027') RETURNING id`,
      [f.demo.schools.get('BAYSIDE')!.id],
    );
    await t.ds.query(`INSERT INTO class_teacher (class_id, user_id) VALUES ($1, $2)`, [cls.id, teacher]);
    const ids = students.map((u) => f.demo.users.get(`BAYSIDE:${u}`)!.id);
    await t.ds.query(`INSERT INTO enrollment (class_id, student_id) SELECT $1, unnest($2::uuid[])`, [
      cls.id,
      ids,
    ]);
    const [mv] = await t.ds.query(`SELECT id FROM module_version WHERE module_id = 'online-safety-6-8'`);
    const [a] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at)
       VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [cls.id, mv.id, teacher],
    );
    assignmentId = a.id;

    // Pre/post, worked by hand (0-100 per item, a student's mean per construct):
    // knowledge: maya and jordan answer both pre items right (100), ana, kai and noah both wrong (0): pre mean
    //   40; all five right after (100): 5 pairs, gain 60.
    // attitudes (agree-5, reversed): only four answer it before and after ("4" = 25, "1" = 100): hidden.
    // session safety is answered by all five and must not appear.
    const answers = (i: number): Answer[] => [
      ['pre', 'grooming-definition', i < 2 ? 'build-trust' : 'hacking'],
      ['pre', 'secret-red-flag', i < 2 ? 'true' : 'false'],
      ['pre', 'victim-fault', '4'],
      ['post', 'grooming-definition', 'build-trust'],
      ['post', 'secret-red-flag', 'true'],
      ...(i < 4 ? ([['post', 'victim-fault', '1']] as Answer[]) : []),
      ['post', 'session-upsetting', '1'],
    ];
    // Scenario "the-new-follower", first runs (choice ids from the start node "the-post"):
    //   the-post  → reply-thanks → the-offer; check-profile → the-profile
    //   the-profile → block-report (ending) | reply-anyway → the-offer
    //   the-offer → show-parent | ask-sam | go-private
    const runs: Record<string, string[][]> = {
      maya: [
        ['reply-thanks', 'show-parent'],
        // A second run must not count: with it the-profile would have five students.
        ['check-profile', 'block-report'],
      ],
      jordan: [['reply-thanks', 'show-parent']],
      ana: [['reply-thanks', 'ask-sam']],
      kai: [['check-profile', 'reply-anyway', 'go-private']],
      noah: [['check-profile', 'reply-anyway']],
      leo: [['check-profile', 'block-report']],
      priya: [['check-profile', 'reply-anyway', 'show-parent']],
      marcus: [[]],
    };
    for (const [i, username] of students.entries()) {
      const [attempt] = await t.ds.query(
        `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, updated_at)
         VALUES ($1, $2, $3, 'in_progress', '2026-10-15') RETURNING id`,
        [ids[i], a.id, mv.id],
      );
      if (i < 5) {
        const rows = answers(i);
        await t.ds.query(
          `INSERT INTO assessment_response (attempt_id, assessment_id, item_id, response, correct)
           SELECT $1, x.a, x.i, x.r, NULL FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS x(a, i, r)`,
          [attempt.id, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
        );
      }
      for (const [n, path] of (runs[username] ?? []).entries()) {
        const ending = path.at(-1) === 'block-report' ? 'protective' : null;
        await t.ds.query(
          `INSERT INTO scenario_run (attempt_id, scenario_id, run_no, path, ended, outcome)
           VALUES ($1, 'the-new-follower', $2, $3::varchar[], $4, $5)`,
          [attempt.id, n + 1, path, ending !== null, ending],
        );
      }
    }
  });
  afterAll(() => t.close());

  const read = async (email: string, lang?: string) =>
    t.gql<{ classInsights: Insights }>(await signInStaff(t, email), INSIGHTS, { id: assignmentId, lang });

  it('shows pre/post means over matched pairs and hides a construct with fewer than 5 pairs', async () => {
    const r = await read('teacher@gulfcoast.example');
    expect(r.errors).toBeUndefined();
    const { constructs } = r.data!.classInsights;
    expect(constructs).toEqual([
      { construct: 'knowledge', pairs: '5', preMean: 40, postMean: 100, gain: 60 },
      { construct: 'attitudes', pairs: '<5', preMean: null, postMean: null, gain: null },
      { construct: 'help-seeking-intention', pairs: '<5', preMean: null, postMean: null, gain: null },
      { construct: 'self-efficacy', pairs: '<5', preMean: null, postMean: null, gain: null },
    ]);
    expect(constructs.map((c) => c.construct)).not.toContain('session-safety');

    const [audit] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'insights.read' AND target_id = $1`,
      [assignmentId],
    );
    expect(audit.n).toBeGreaterThan(0);
  });

  it("counts each student's first run per node, and hides nodes fewer than 5 students reached", async () => {
    const r = await read('teacher@gulfcoast.example', 'en');
    expect(r.errors).toBeUndefined();
    const [scenario] = r.data!.classInsights.scenarios;
    expect(scenario).toMatchObject({ scenarioId: 'the-new-follower', title: 'The New Follower' });
    const node = (id: string) => scenario.nodes.find((n) => n.nodeId === id)!;
    const shares = (id: string) => node(id).choices.map((c) => [c.choiceId, c.count, c.percent]);

    // Eight students started; three replied, four checked the profile, marcus has not chosen yet.
    expect(node('the-post')).toMatchObject({ reached: '8', notYetChosen: 1 });
    expect(shares('the-post')).toEqual([
      ['reply-thanks', 3, 37.5],
      ['check-profile', 4, 50],
    ]);
    // Six reached the offer (three from the post, three through the profile); noah has not chosen yet.
    expect(node('the-offer')).toMatchObject({ reached: '6', notYetChosen: 1 });
    expect(shares('the-offer')).toEqual([
      ['show-parent', 3, 50],
      ['ask-sam', 1, 16.7],
      ['go-private', 1, 16.7],
    ]);
    expect(node('the-offer').choices[0].text).toBe('Show the message to your parent or caregiver.');
    // Four reached the profile (maya's second run does not count): hidden.
    expect(node('the-profile')).toMatchObject({ reached: '<5', notYetChosen: null });
    expect(shares('the-profile')).toEqual([
      ['block-report', null, null],
      ['reply-anyway', null, null],
    ]);
    expect(node('ask-a-friend').reached).toBe('<5');
    // Endings have no choices and are not listed.
    expect(scenario.nodes.map((n) => n.nodeId)).not.toContain('blocked-early');
  });

  it('gives the texts in the requested language', async () => {
    const r = await read('teacher@gulfcoast.example', 'es');
    expect(r.errors).toBeUndefined();
    expect(r.data!.classInsights.language).toBe('es');
    const [scenario] = r.data!.classInsights.scenarios;
    expect(scenario.title).toBe('El nuevo seguidor');
    expect(scenario.nodes.find((n) => n.nodeId === 'the-offer')!.choices[0].text).toBe(
      'Mostrarle el mensaje a tu mamá, tu papá o quien te cuida.',
    );
  });

  it("answers the school's and district's admins, and NOT_FOUND to staff of other classes and districts", async () => {
    for (const email of ['principal@gulfcoast.example', 'admin@gulfcoast.example']) {
      const r = await read(email);
      expect(r.errors).toBeUndefined();
      expect(r.data!.classInsights.constructs[0].pairs).toBe('5');
    }
    for (const email of [
      'ms.rivera@gulfcoast.example',
      'teacher@lonestar.example',
      'admin@lonestar.example',
    ]) {
      const r = await read(email);
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
    }
    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    expect((await t.gql(student, INSIGHTS, { id: assignmentId })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await t.gql(await signInStaff(t, 'teacher@gulfcoast.example'), INSIGHTS, { id: 'nope' });
    expect(bad.errors?.[0].message).toBe('assignmentId must be an assignment id');
  });
});
