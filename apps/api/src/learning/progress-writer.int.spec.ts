import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { seedFixtures } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { emptySnapshot, type AttemptSnapshot, type ProgressPlan } from './progress-rules';
import { ProgressWriter } from './progress-writer';

interface Record {
  id: string;
  version: number;
}

/** A record as read: only the id and version matter to the writer. */
const snapshotOf = (r: Record): AttemptSnapshot => emptySnapshot(r.id, r.version);

/** One scenario choice: the event, the run it extends, and the record's new position. */
const choicePlan = (eventId: string, path: string[]): ProgressPlan => ({
  results: [{ id: eventId, outcome: 'accepted', code: null, message: null }],
  events: [
    {
      id: eventId,
      kind: 'scenario_choice',
      at: new Date('2026-11-26T10:00:00Z'),
      scenarioId: 'party-invite',
      runNo: 1,
      choiceId: path[path.length - 1],
    },
  ],
  runs: [{ scenarioId: 'party-invite', runNo: 1, path, ended: false, outcome: null }],
  answers: [],
  attempt: {
    status: 'in_progress',
    stepIndex: 2,
    blockIndex: 1,
    completedSteps: [0, 1],
    alternativeTopics: ['online-grooming'],
    completedAt: null,
  },
});

describe('progress writer: many students in one statement, each record judged on its own', () => {
  let t: TestApp;
  let writer: ProgressWriter;
  let records: Record[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    writer = t.app.get(ProgressWriter);
    const [{ district }] = await t.ds.query(
      `INSERT INTO district (name, state) VALUES ('Writer District', 'FL') RETURNING id AS district`,
    );
    const [{ school }] = await t.ds.query(
      `INSERT INTO school (district_id, name, code, lowest_grade, highest_grade) VALUES ($1, 'Writer School', 'WRITER', 6, 8) RETURNING id AS school`,
      [district],
    );
    const [{ cls }] = await t.ds.query(
      `INSERT INTO class_section (school_id, name, grade_levels, school_year) VALUES ($1, 'Writer 7', '{7}', '2026-2027') RETURNING id AS cls`,
      [school],
    );
    const [{ mv }] = await t.ds.query(`SELECT id AS mv FROM module_version ORDER BY id LIMIT 1`);
    const [{ assignment }] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at)
       SELECT $1, $2, id, now() FROM app_user WHERE email = 'teacher@gulfcoast.example' RETURNING id AS assignment`,
      [cls, mv],
    );
    const students: { id: string }[] = await t.ds.query(
      `INSERT INTO app_user (kind, display_name, username, school_id, grade_level, password_hash)
       SELECT 'student', 'Writer ' || g, 'writer' || g, $1, 7, 'not-a-pin' FROM generate_series(1, 12) g RETURNING id`,
      [school],
    );
    records = await t.ds.query(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id)
       SELECT unnest($1::uuid[]), $2, $3 RETURNING id, version`,
      [students.map((s) => s.id), assignment, mv],
    );
  });
  afterAll(() => t.close());

  /** Statements that wrote these events: rows of one statement share its transaction's time. */
  const statementsFor = async (eventIds: string[]): Promise<number> =>
    (
      await t.ds.query(
        `SELECT count(DISTINCT received_at)::int AS n FROM progress_event WHERE id = ANY($1::uuid[])`,
        [eventIds],
      )
    )[0].n;

  const stored = async (ids: string[]) =>
    (
      await t.ds.query(
        `SELECT t.id, t.version, t.step_index, t.completed_steps, t.alternative_topics, r.path,
                (SELECT count(*)::int FROM progress_event p WHERE p.attempt_id = t.id) AS events
           FROM attempt t LEFT JOIN scenario_run r ON r.attempt_id = t.id WHERE t.id = ANY($1::uuid[])`,
        [ids],
      )
    ).sort((a: Record, b: Record) => ids.indexOf(a.id) - ids.indexOf(b.id));

  it('writes steps that arrive in one turn of the event loop in one statement, every field of every record intact', async () => {
    const eventIds = records.map(() => randomUUID());
    const written = await Promise.all(
      records.map((r, i) => writer.write(snapshotOf(r), choicePlan(eventIds[i], ['start', `choice-${i}`]))),
    );
    expect(written).toEqual(records.map(() => true));
    const statements = await statementsFor(eventIds);
    expect(statements).toBe(1);
    const rows = await stored(records.map((r) => r.id));
    rows.forEach((row: Record & { [k: string]: unknown }, i: number) => {
      expect(row).toMatchObject({
        version: 1,
        step_index: 2,
        completed_steps: [0, 1],
        alternative_topics: ['online-grooming'],
        path: ['start', `choice-${i}`],
        events: 1,
      });
    });
  });

  it('skips a record whose version moved on, and still writes the others in the same statement', async () => {
    const current = records.map((r) => ({ ...r, version: 1 }));
    const stale = { ...current[0], version: 0 };
    const first = await Promise.all([
      // All in one statement, the stale one among them.
      ...current
        .slice(1, 5)
        .map((r) => writer.write(snapshotOf(r), choicePlan(randomUUID(), ['start', 'a']))),
      writer.write(snapshotOf(stale), choicePlan(randomUUID(), ['start', 'stale'])),
      ...current.slice(5).map((r) => writer.write(snapshotOf(r), choicePlan(randomUUID(), ['start', 'b']))),
    ]);
    expect(first[4]).toBe(false);
    expect(first.filter((w) => w)).toHaveLength(records.length - 1);
    const [untouched] = await stored([stale.id]);
    expect(untouched).toMatchObject({ version: 1, events: 1, path: ['start', 'choice-0'] });
  });

  it('gives a failing record its error alone: the others of its statement are written', async () => {
    const rows: Record[] = await t.ds.query(`SELECT id, version FROM attempt WHERE id = ANY($1::uuid[])`, [
      records.map((r) => r.id),
    ]);
    const [{ id: taken }] = await t.ds.query(`SELECT id FROM progress_event LIMIT 1`);
    const busy = rows
      .slice(0, 4)
      .map((r) => writer.write(snapshotOf(r), choicePlan(randomUUID(), ['start', 'c'])));
    const failing = writer.write(snapshotOf(rows[4]), choicePlan(taken, ['start', 'again']));
    const others = rows
      .slice(5)
      .map((r) => writer.write(snapshotOf(r), choicePlan(randomUUID(), ['start', 'd'])));
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await Promise.all([...busy, ...others])).toEqual(rows.filter((_, i) => i !== 4).map(() => true));
    const [kept] = await stored([rows[4].id]);
    expect(kept.version).toBe(rows[4].version);
  });

  it('never writes one record in two statements at once: the second write is judged after the first', async () => {
    const [row]: Record[] = await t.ds.query(`SELECT id, version FROM attempt WHERE id = $1`, [
      records[6].id,
    ]);
    const outcomes = await Promise.all([
      writer.write(snapshotOf(row), choicePlan(randomUUID(), ['start', 'phone'])),
      writer.write(snapshotOf(row), choicePlan(randomUUID(), ['start', 'laptop'])),
    ]);
    expect(outcomes).toEqual([true, false]);
    const [after] = await stored([row.id]);
    expect(after).toMatchObject({ version: row.version + 1, path: ['start', 'phone'] });
  });
});
