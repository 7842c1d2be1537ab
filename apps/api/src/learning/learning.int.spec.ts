import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { availableChoices, replay, start } from '@haven/scenario-engine';
import type { ModuleVersion } from '@haven/curriculum';
import type TestAgent from 'supertest/lib/agent';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { ModuleBundles } from './module-bundles';
import { LearningService } from './learning.service';
import type { ProgressEventInput } from './learning.models';
import type { Actor } from '../auth/actor';
import { TenancyService } from '../tenancy/tenancy.service';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const MODULE = 'online-safety-6-8';
const SUBMIT = `mutation($i: SubmitProgressInput!) { submitProgress(input: $i) {
  results { id outcome code message }
  progress { status stepIndex blockIndex completedSteps alternativeTopics scenarioRuns { scenarioId runNo path ended outcome } answers { itemId response } reflections { promptId text } } } }`;

interface Progress {
  status: string;
  stepIndex: number;
  completedSteps: number[];
  alternativeTopics: string[];
  scenarioRuns: {
    scenarioId: string;
    runNo: number;
    path: string[];
    ended: boolean;
    outcome: string | null;
  }[];
  answers: { itemId: string; response: string }[];
  reflections: { promptId: string; text: string }[];
}
interface SubmitResult {
  submitProgress: {
    results: { id: string; outcome: string; code: string | null; message: string | null }[];
    progress: Progress;
  };
}

type Event = Record<string, unknown> & { kind: string };

describe('students learning: assignments and progress that is never recorded twice', () => {
  let t: TestApp;
  let f: Fixtures;
  let bundle: ModuleVersion;
  let assignmentId: string;
  let maya: TestAgent;

  const ev = (e: Event): Event & { id: string; at: string } => ({
    id: randomUUID(),
    at: new Date().toISOString(),
    ...e,
  });
  const submit = (agent: TestAgent, events: Event[], id = assignmentId) =>
    t.gql<SubmitResult>(agent, SUBMIT, { i: { assignmentId: id, events } });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    const report = await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    expect(report.refused).toEqual([]);
    const [{ id }] = await t.ds.query(`SELECT id FROM module_version WHERE module_id = $1`, [MODULE]);
    bundle = await t.app.get(ModuleBundles).get(id);
    maya = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
  });
  afterAll(() => t.close());

  it('lets a teacher assign a module to their class, and not to a class they do not teach', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const classId = f.demo.classes.get('Health 7, Period 2')!.id;
    const r = await t.gql<{ assignModule: { id: string; moduleId: string; title: string } }>(
      teacher,
      'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id moduleId version title classId } }',
      { i: { classId, moduleId: MODULE } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.assignModule.moduleId).toBe(MODULE);
    assignmentId = r.data!.assignModule.id;

    const other = await t.gql(
      teacher,
      'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }',
      {
        i: { classId: f.demo.classes.get('Grade 3, Room 12')!.id, moduleId: MODULE },
      },
    );
    expect(other.errors?.[0]).toMatchObject({
      message: 'Class was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    const unknown = await t.gql(
      teacher,
      'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }',
      {
        i: { classId, moduleId: 'no-such-module' },
      },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The same module again, twice at once (a double submit): refused both times, nothing written.
    const again = await Promise.all(
      [1, 2].map(() =>
        t.gql(teacher, 'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }', {
          i: { classId, moduleId: MODULE },
        }),
      ),
    );
    for (const r2 of again) {
      expect(r2.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/already assigned to this class/),
        extensions: { code: 'CONFLICT', details: { assignmentId } },
      });
    }

    const listed = await t.gql<{ class: { assignments: { id: string }[] } }>(
      teacher,
      `{ class(id: "${classId}") { assignments { id moduleId } } }`,
    );
    expect(listed.data!.class.assignments.map((a) => a.id)).toEqual([assignmentId]);
  });

  it('gives a class each module once, even when two teachers assign it at the same moment', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const classId = f.demo.classes.get('Health 10, Period 4')!.id;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.gql<{ assignModule: { id: string } }>(
          teacher,
          'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }',
          { i: { classId, moduleId: 'healthy-relationships-9-12' } },
        ),
      ),
    );
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM assignment WHERE class_id = $1`, [
      classId,
    ]);
    expect(n).toBe(1);
    await t.ds.query(`DELETE FROM assignment WHERE class_id = $1`, [classId]);
  });

  it('shows the assignment to the students of that class only', async () => {
    const mine = await t.gql<{
      myLessons: { id: string; status: string; totalSteps: number; className: string }[];
    }>(maya, '{ myLessons { id title status completedSteps totalSteps className } }');
    expect(mine.data!.myLessons).toEqual([
      expect.objectContaining({
        id: assignmentId,
        status: 'not_started',
        totalSteps: bundle.sequence.length,
        className: 'Health 7, Period 2',
      }),
    ]);
    const leo = await signInStudent(t, 'BAYSIDE', 'leo', '1357');
    expect((await t.gql(leo, '{ myLessons { id } }')).data).toEqual({ myLessons: [] });
    expect((await t.gql(leo, `{ myAssignment(id: "${assignmentId}") { title } }`)).data).toEqual({
      myAssignment: null,
    });
    const r = await submit(leo, [ev({ kind: 'reflection', promptId: 'p', text: 'hi' })]);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("checks many students' access in one statement, each alone: enrolled, not enrolled, unknown, malformed", async () => {
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const leo = f.demo.users.get('BAYSIDE:leo')!.id;
    const found = await t.app.get(TenancyService).assignmentsForStudents([
      { studentId: leo, assignmentId },
      { studentId: maya, assignmentId },
      { studentId: maya, assignmentId: randomUUID() },
      { studentId: maya, assignmentId: 'not-an-id' },
      { studentId: maya, assignmentId },
    ]);
    expect(found.map((a) => a?.id)).toEqual([undefined, assignmentId, undefined, undefined, assignmentId]);
    expect(found[1]).toMatchObject({ classId: f.demo.classes.get('Health 7, Period 2')!.id });
  });

  it('remembers the access check of opening the module, so the first step does not ask again', async () => {
    const kai = await signInStudent(t, 'BAYSIDE', 'kai', '5656');
    const checks = jest.spyOn(t.app.get(TenancyService), 'assignmentsForStudents');
    try {
      const opened = await t.gql<{ myAssignment: { title: string } | null }>(
        kai,
        `{ myAssignment(id: "${assignmentId}") { title } }`,
      );
      expect(opened.data?.myAssignment).not.toBeNull();
      const afterOpening = checks.mock.calls.length;
      expect(afterOpening).toBeGreaterThan(0); // opening the page checks fresh
      // A step the rules refuse (no such scenario): it records nothing, but it passes the access check first.
      const r = await submit(kai, [
        ev({ kind: 'scenario_choice', scenarioId: 'no-such', runNo: 1, choiceId: 'x' }),
      ]);
      expect(r.errors).toBeUndefined();
      expect(r.data!.submitProgress.results[0].outcome).toBe('rejected');
      expect(checks.mock.calls.length).toBe(afterOpening);
    } finally {
      checks.mockRestore();
    }
  });

  it('serves the module to the student without facilitator notes or answer keys', async () => {
    const r = await t.gql<{
      myAssignment: {
        steps: { kind: string; id: string }[];
        lessons: { blocks: { kind: string }[] }[];
        progress: Progress;
      };
    }>(
      maya,
      `{ myAssignment(id: "${assignmentId}") { title language contentWarnings { topic text } alternativeActivity
          steps { index kind id title } lessons { id blocks { kind html } } scenarios { id start nodes { id choices { id next } } }
          assessments { id items { id type options { id text } } } progress { status stepIndex completedSteps } } }`,
    );
    expect(r.errors).toBeUndefined();
    const m = r.data!.myAssignment;
    expect(m.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(bundle.sequence.map((s) => `${s.kind}:${s.id}`));
    expect(JSON.stringify(m)).not.toMatch(/answerKey|facilitator/i);
    expect(m.progress).toEqual({ status: 'not_started', stepIndex: 0, completedSteps: [] });
    const notes = await t.gql(
      maya,
      `{ myAssignment(id: "${assignmentId}") { lessons { facilitatorNotes { html } } } }`,
    );
    expect(notes.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps steps in order: the pre-test comes first', async () => {
    const lessonIndex = bundle.sequence.findIndex((s) => s.kind === 'lesson');
    const r = await submit(maya, [ev({ kind: 'lesson_position', stepIndex: lessonIndex, blockIndex: 0 })]);
    expect(r.data!.submitProgress.results[0]).toMatchObject({ outcome: 'rejected', code: 'STEP_LOCKED' });
  });

  it('records the pre-test once, refuses invalid answers, and recognises retries', async () => {
    const pre = bundle.assessments.find((a) => a.kind === 'pre')!;
    const preIndex = bundle.sequence.findIndex((s) => s.kind === 'assessment' && s.id === pre.id);
    const answers = pre.items.map((item) =>
      ev({
        kind: 'assessment_response',
        assessmentId: pre.id,
        itemId: item.id,
        response:
          item.type === 'multiple-choice' ? item.options[0].id : item.type === 'true-false' ? 'true' : '1',
      }),
    );
    const bad = await submit(maya, [
      ev({ kind: 'assessment_response', assessmentId: pre.id, itemId: pre.items[0].id, response: 'banana' }),
    ]);
    expect(bad.data!.submitProgress.results[0]).toMatchObject({
      outcome: 'rejected',
      code: 'INVALID_RESPONSE',
    });

    const first = await submit(maya, [...answers, ev({ kind: 'step_complete', stepIndex: preIndex })]);
    expect(first.errors).toBeUndefined();
    expect(first.data!.submitProgress.results.every((x) => x.outcome === 'accepted')).toBe(true);
    expect(first.data!.submitProgress.progress.completedSteps).toEqual([preIndex]);

    // The network dropped the answer: the browser sends the same batch again.
    const retry = await submit(maya, answers);
    expect(retry.data!.submitProgress.results.every((x) => x.outcome === 'duplicate')).toBe(true);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM assessment_response`);
    expect(n).toBe(pre.items.length);
    const [{ events }] = await t.ds.query(`SELECT count(*)::int AS events FROM progress_event`);
    expect(events).toBe(pre.items.length + 1);
  });

  it('accepts only scenario steps the engine allows, to an ending, and a new run after it', async () => {
    const scenario = bundle.scenarios[0];
    const index = bundle.sequence.findIndex((s) => s.kind === 'scenario' && s.id === scenario.id);
    // Finish the steps before the scenario.
    for (let i = 0; i < index; i++) {
      const step = bundle.sequence[i];
      if (step.kind === 'lesson') {
        const r = await submit(maya, [
          ev({ kind: 'lesson_position', stepIndex: i, blockIndex: 0 }),
          ev({ kind: 'step_complete', stepIndex: i }),
        ]);
        expect(r.data!.submitProgress.results.map((x) => x.outcome)).toEqual(['accepted', 'accepted']);
      }
    }
    const invalid = await submit(maya, [
      ev({ kind: 'scenario_choice', scenarioId: scenario.id, choiceId: 'no-such-choice' }),
    ]);
    expect(invalid.data!.submitProgress.results[0]).toMatchObject({
      outcome: 'rejected',
      code: 'UNKNOWN_CHOICE',
    });
    expect(invalid.data!.submitProgress.results[0].message).toMatch(/no-such-choice/);

    let state = start(scenario);
    const path: string[] = [];
    while (!state.ended && path.length < 100) {
      const choice = availableChoices(scenario, state)[0];
      const r = await submit(maya, [
        ev({ kind: 'scenario_choice', scenarioId: scenario.id, runNo: 1, choiceId: choice.id }),
      ]);
      expect(r.data!.submitProgress.results[0].outcome).toBe('accepted');
      path.push(choice.id);
      const replayed = replay(scenario, path);
      if (!replayed.ok) throw replayed.error;
      state = replayed.state;
    }
    expect(state.ended).toBe(true);
    const after = await submit(maya, [
      ev({ kind: 'scenario_choice', scenarioId: scenario.id, choiceId: path[0] }),
    ]);
    expect(after.data!.submitProgress.results[0].code).toBe('ALREADY_ENDED');

    const done = await submit(maya, [
      ev({ kind: 'step_complete', stepIndex: index }),
      ev({ kind: 'scenario_restart', scenarioId: scenario.id, runNo: 2 }),
    ]);
    const p = done.data!.submitProgress.progress;
    expect(done.data!.submitProgress.results.map((x) => x.outcome)).toEqual(['accepted', 'accepted']);
    expect(p.scenarioRuns).toEqual([
      { scenarioId: scenario.id, runNo: 1, path, ended: true, outcome: state.ending!.outcome },
      { scenarioId: scenario.id, runNo: 2, path: [], ended: false, outcome: null },
    ]);
  });

  it('gives two devices one consistent record', async () => {
    const scenario = bundle.scenarios[0];
    const tablet = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    const choices = availableChoices(scenario, start(scenario));
    const [a, b] = await Promise.all([
      submit(maya, [
        ev({ kind: 'scenario_choice', scenarioId: scenario.id, runNo: 2, choiceId: choices[0].id }),
      ]),
      submit(tablet, [
        ev({
          kind: 'scenario_choice',
          scenarioId: scenario.id,
          runNo: 2,
          choiceId: choices[choices.length - 1].id,
        }),
      ]),
    ]);
    const outcomes = [a, b].map((r) => r.data!.submitProgress.results[0].outcome).sort();
    const runs = await t.ds.query(`SELECT path FROM scenario_run WHERE scenario_id = $1 AND run_no = 2`, [
      scenario.id,
    ]);
    expect(runs).toHaveLength(1);
    if (choices.length > 1 && outcomes.includes('rejected')) {
      expect(runs[0].path).toHaveLength(1);
    } else {
      // Both accepted: the second was valid after the first, and both are in the single record, in order.
      expect(outcomes).toEqual(['accepted', 'accepted']);
      expect(replay(scenario, runs[0].path).ok).toBe(true);
    }
  });

  it('records reflections privately and the choice of an alternative activity', async () => {
    const topic = bundle.contentWarnings[0].topic;
    const r = await submit(maya, [
      ev({ kind: 'reflection', promptId: 'lesson-1', text: 'I would tell my aunt.' }),
      ev({ kind: 'content_alternative', topic }),
      ev({ kind: 'content_alternative', topic: 'not-a-warning-topic' }),
    ]);
    expect(r.data!.submitProgress.results.map((x) => x.outcome)).toEqual([
      'accepted',
      'accepted',
      'rejected',
    ]);
    expect(r.data!.submitProgress.progress.reflections).toEqual([
      { promptId: 'lesson-1', text: 'I would tell my aunt.' },
    ]);
    expect(r.data!.submitProgress.progress.alternativeTopics).toEqual([topic]);
  });

  it("shows the teacher every student's progress and reflections, audited, and nobody else", async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const q = `{ assignmentProgress(assignmentId: "${assignmentId}") {
        assignment { moduleId } steps { index kind title }
        students { student { username } status completedSteps currentStep alternativeTopics reflections { promptId text } } } }`;
    const r = await t.gql<{
      assignmentProgress: {
        steps: { kind: string }[];
        students: {
          student: { username: string };
          status: string;
          completedSteps: number[];
          reflections: { text: string }[];
        }[];
      };
    }>(teacher, q);
    expect(r.errors).toBeUndefined();
    const view = r.data!.assignmentProgress;
    expect(view.steps).toHaveLength(bundle.sequence.length);
    expect(view.students.map((s) => s.student.username)).toEqual(['ana', 'jordan', 'kai', 'maya', 'noah']);
    const mayaRow = view.students.find((s) => s.student.username === 'maya')!;
    expect(mayaRow.status).toBe('in_progress');
    expect(mayaRow.completedSteps.length).toBeGreaterThan(0);
    expect(mayaRow.reflections.map((x) => x.text)).toEqual(['I would tell my aunt.']);
    expect(view.students.find((s) => s.student.username === 'ana')).toMatchObject({
      status: 'not_started',
      completedSteps: [],
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'progress.read' AND target_id = $1`,
      [assignmentId],
    );
    expect(n).toBe(1);

    const other = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    expect((await t.gql(other, q)).data).toEqual({ assignmentProgress: null });
    const elsewhere = await signInStaff(t, 'admin@lonestar.example');
    expect((await t.gql(elsewhere, q)).data).toEqual({ assignmentProgress: null });
    const student = await t.gql(maya, q);
    expect(student.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("gives the school's and the district's admins the progress view, but never a reflection's text", async () => {
    const q = `{ assignmentProgress(assignmentId: "${assignmentId}") {
        students { student { username } status completedSteps reflections { id promptId text at } } } }`;
    type View = {
      assignmentProgress: {
        students: {
          student: { username: string };
          status: string;
          completedSteps: number[];
          reflections: { id: string; promptId: string; text: string | null; at: string }[];
        }[];
      };
    };
    const teacher = await t.gql<View>(await signInStaff(t, 'teacher@gulfcoast.example'), q);
    expect(teacher.errors).toBeUndefined();
    const taught = teacher.data!.assignmentProgress.students.find((s) => s.student.username === 'maya')!;
    expect(taught.reflections.map((x) => x.text)).toEqual(['I would tell my aunt.']);

    for (const email of ['principal@gulfcoast.example', 'admin@gulfcoast.example']) {
      const r = await t.gql<View>(await signInStaff(t, email), q);
      expect(r.errors).toBeUndefined();
      const view = r.data!.assignmentProgress;
      expect(view.students.map((s) => s.student.username)).toEqual(['ana', 'jordan', 'kai', 'maya', 'noah']);
      const mayaRow = view.students.find((s) => s.student.username === 'maya')!;
      expect(mayaRow.status).toBe('in_progress');
      expect(mayaRow.completedSteps).toEqual(taught.completedSteps);
      // They see that Maya wrote a reflection, and when, not what she wrote.
      expect(mayaRow.reflections).toEqual([{ ...taught.reflections[0], text: null }]);
      expect(JSON.stringify(r.data)).not.toMatch(/aunt/);
    }
    const audited: { text: boolean }[] = await t.ds.query(
      `SELECT (detail->>'reflectionTexts')::boolean AS text FROM audit_event
        WHERE action = 'progress.read' AND target_id = $1 ORDER BY id`,
      [assignmentId],
    );
    expect(audited.slice(-3).map((a) => a.text)).toEqual([true, false, false]);
  });

  it('validates the batch itself', async () => {
    const empty = await submit(maya, []);
    expect(empty.errors?.[0].message).toMatch(/events must not be empty/);
    const badId = await submit(maya, [
      { id: 'not-a-uuid', kind: 'reflection', at: new Date().toISOString(), promptId: 'x', text: 'y' },
    ]);
    expect(badId.errors?.[0].message).toMatch(/id must be a UUID/);
  });

  it("takes a classroom's first steps together: each student's record is started once and written once", async () => {
    const pre = bundle.assessments.find((a) => a.kind === 'pre')!;
    const item = pre.items[0];
    const response =
      item.type === 'multiple-choice' ? item.options[0].id : item.type === 'true-false' ? 'true' : '1';
    const students: Actor[] = ['jordan', 'ana', 'kai', 'noah'].map((name) => ({
      userId: f.demo.users.get(`BAYSIDE:${name}`)!.id,
      kind: 'student',
      displayName: name,
      preferredLanguage: 'en',
      grants: [],
      sessionId: randomUUID(),
    }));
    const events: ProgressEventInput[] = students.map(() => ({
      id: randomUUID(),
      at: new Date(),
      kind: 'assessment_response',
      assessmentId: pre.id,
      itemId: item.id,
      response,
    }));
    const service = t.app.get(LearningService);
    // Called in one turn of the event loop, as when the requests reach the server together; the last is
    // Jordan's device sending the same step again.
    const results = await Promise.all([
      ...students.map((s, i) => service.submit(s, { assignmentId, events: [events[i]] })),
      service.submit(students[0], { assignmentId, events: [events[0]] }),
    ]);
    const outcomes = results.map((r) => r.results[0].outcome);
    expect(outcomes.slice(1, 4)).toEqual(['accepted', 'accepted', 'accepted']);
    expect([outcomes[0], outcomes[4]].sort()).toEqual(['accepted', 'duplicate']);
    expect(results[0].attemptId).toBe(results[4].attemptId);
    const ids = students.map((s) => s.userId);
    const [counts] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM attempt WHERE assignment_id = $1 AND student_id = ANY($2::uuid[])) AS attempts,
              (SELECT count(*)::int FROM progress_event WHERE id = ANY($3::uuid[])) AS events,
              (SELECT count(*)::int FROM assessment_response r JOIN attempt t ON t.id = r.attempt_id
                WHERE t.assignment_id = $1 AND t.student_id = ANY($2::uuid[])) AS answers`,
      [assignmentId, ids, events.map((e) => e.id)],
    );
    expect(counts).toEqual({ attempts: 4, events: 4, answers: 4 });
  });

  it("refuses an event id that is already a classmate's, and records nothing of it for either", async () => {
    const pre = bundle.assessments.find((a) => a.kind === 'pre')!;
    const item = pre.items[1];
    const response =
      item.type === 'multiple-choice' ? item.options[0].id : item.type === 'true-false' ? 'true' : '1';
    const jordan = await signInStudent(t, 'BAYSIDE', 'jordan', '1212');
    const noah = await signInStudent(t, 'BAYSIDE', 'noah', '7878');
    const theirs = ev({ kind: 'assessment_response', assessmentId: pre.id, itemId: item.id, response });
    expect((await submit(jordan, [theirs])).data!.submitProgress.results[0].outcome).toBe('accepted');
    const reused = await submit(noah, [{ ...theirs, at: new Date().toISOString() }]);
    expect(reused.errors).toBeUndefined();
    expect(reused.data!.submitProgress.results[0]).toMatchObject({ outcome: 'rejected', code: 'ID_IN_USE' });
    expect(reused.data!.submitProgress.progress.answers.map((a) => a.itemId)).not.toContain(item.id);
    const rows: { student: string }[] = await t.ds.query(
      `SELECT u.username AS student FROM progress_event p JOIN attempt a ON a.id = p.attempt_id
         JOIN app_user u ON u.id = a.student_id WHERE p.id = $1`,
      [theirs.id],
    );
    expect(rows).toEqual([{ student: 'jordan' }]);
  });
});
