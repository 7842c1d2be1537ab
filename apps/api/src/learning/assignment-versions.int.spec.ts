import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  compileModule,
  parseModule,
  readModuleDocument,
  readModuleFiles,
  writeModuleFiles,
  type ModuleDocument,
} from '@haven/curriculum';
import type TestAgent from 'supertest/lib/agent';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const MODULE = 'online-safety-6-8';
const CURRICULA = join(__dirname, '../../../../curricula');
const FIELDS = 'id moduleId version newerVersion';
const ASSIGN = `mutation($i: AssignModuleInput!) { assignModule(input: $i) { ${FIELDS} } }`;
const MOVE = `mutation($i: MoveAssignmentToVersionInput!) { moveAssignmentToVersion(input: $i) { ${FIELDS} } }`;

interface AssignmentFields {
  id: string;
  moduleId: string;
  version: string;
  newerVersion: string | null;
}

describe('assignments keep their module version; teachers may move one nobody has started', () => {
  let t: TestApp;
  let f: Fixtures;
  let teacher: TestAgent;
  let classId: string;
  /** A second grade 7 class of the same teacher, without students: a class gets each module version once. */
  let emptyClassId: string;
  let shipped: string;
  let untouched: string;
  let started: string;

  /** Publishes a copy of the shipped module as `version`, as the authoring studio would. */
  async function publish(version: string, change: (doc: ModuleDocument) => void = () => undefined) {
    const read = readModuleDocument(await readModuleFiles(join(CURRICULA, MODULE)));
    const doc = structuredClone(read.document!);
    doc.manifest.version = version;
    change(doc);
    const files = writeModuleFiles(doc);
    const outcome = await t.app
      .get(CurriculumLoader)
      .store(compileModule(parseModule(files)), { files, origin: 'studio', publishedBy: null });
    expect(outcome).toBe('loaded');
  }

  const assign = async (toClass: string): Promise<AssignmentFields> => {
    const r = await t.gql<{ assignModule: AssignmentFields }>(teacher, ASSIGN, {
      i: { classId: toClass, moduleId: MODULE },
    });
    expect(r.errors).toBeUndefined();
    return r.data!.assignModule;
  };
  const move = (agent: TestAgent, assignmentId: string, version: string) =>
    t.gql<{ moveAssignmentToVersion: AssignmentFields }>(agent, MOVE, { i: { assignmentId, version } });
  /** The assignments of both classes. */
  const listed = async (): Promise<AssignmentFields[]> => {
    const all: AssignmentFields[] = [];
    for (const id of [classId, emptyClassId]) {
      const r = await t.gql<{ class: { assignments: AssignmentFields[] } }>(
        teacher,
        `{ class(id: "${id}") { assignments { ${FIELDS} } } }`,
      );
      expect(r.errors).toBeUndefined();
      all.push(...r.data!.class.assignments);
    }
    return all;
  };
  const versionOf = async (id: string): Promise<string> =>
    (
      await t.ds.query(
        `SELECT v.version FROM assignment a JOIN module_version v ON v.id = a.module_version_id WHERE a.id = $1`,
        [id],
      )
    )[0].version;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    const report = await t.app.get(CurriculumLoader).loadDirectory(CURRICULA);
    expect(report.refused).toEqual([]);
    [{ version: shipped }] = await t.ds.query(`SELECT version FROM module_version WHERE module_id = $1`, [
      MODULE,
    ]);
    teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    classId = f.demo.classes.get('Health 7, Period 2')!.id;
    [{ id: emptyClassId }] = await t.ds.query(
      `INSERT INTO class_section (school_id, name, grade_levels, school_year)
       SELECT school_id, 'Health 7, Period 5', grade_levels, school_year FROM class_section WHERE id = $1 RETURNING id`,
      [classId],
    );
    await t.ds.query(
      `INSERT INTO class_teacher (class_id, user_id) SELECT $1, user_id FROM class_teacher WHERE class_id = $2`,
      [emptyClassId, classId],
    );
  });
  afterAll(() => t.close());

  it('reports no newer version while the assignment uses the latest', async () => {
    const a = await assign(emptyClassId);
    const b = await assign(classId);
    untouched = a.id;
    started = b.id;
    expect(a).toMatchObject({ version: shipped, newerVersion: null });
    expect((await listed()).map((x) => x.newerVersion)).toEqual([null, null]);
  });

  it('points at a newer published version, and keeps the assignment on its own', async () => {
    await publish('1.8.0');
    const all = await listed();
    expect(all).toHaveLength(2);
    for (const a of all) expect(a).toMatchObject({ version: shipped, newerVersion: '1.8.0' });
    const progress = await t.gql<{ assignmentProgress: { assignment: AssignmentFields } }>(
      teacher,
      `{ assignmentProgress(assignmentId: "${untouched}") { assignment { ${FIELDS} } } }`,
    );
    expect(progress.data!.assignmentProgress.assignment).toMatchObject({
      version: shipped,
      newerVersion: '1.8.0',
    });
  });

  it('refuses to move an assignment once a student has started it', async () => {
    const maya = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    const submitted = await t.gql<{ submitProgress: { results: { outcome: string }[] } }>(
      maya,
      'mutation($i: SubmitProgressInput!) { submitProgress(input: $i) { results { outcome } } }',
      {
        i: {
          assignmentId: started,
          events: [
            {
              id: randomUUID(),
              kind: 'reflection',
              at: new Date().toISOString(),
              promptId: 'p',
              text: 'Started.',
            },
          ],
        },
      },
    );
    expect(submitted.data!.submitProgress.results[0].outcome).toBe('accepted');

    const r = await move(teacher, started, '1.8.0');
    expect(r.errors?.[0]).toMatchObject({
      message:
        `Students have already started this assignment, so it stays on version ${shipped}. ` +
        'To use version 1.8.0, assign it to the class as a new assignment.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await versionOf(started)).toBe(shipped);
  });

  it('refuses a version that is not newer, or does not exist', async () => {
    const older = await move(teacher, untouched, '1.0.0');
    expect(older.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    const same = await move(teacher, untouched, shipped);
    expect(same.errors?.[0]).toMatchObject({
      message: `This assignment uses version ${shipped}; it can only move to a newer version of ${MODULE}, and ${shipped} is not newer.`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = await move(teacher, untouched, '9.9.9');
    expect(missing.errors?.[0]).toMatchObject({
      message: `Module ${MODULE} version 9.9.9 was not found.`,
      extensions: { code: 'NOT_FOUND' },
    });
    const malformed = await move(teacher, untouched, 'latest');
    expect(malformed.errors?.[0].message).toMatch(/version must look like 1.0.0/);
    expect(await versionOf(untouched)).toBe(shipped);
  });

  it('lets nobody outside the class move it', async () => {
    for (const email of [
      'teacher@lonestar.example',
      'admin@lonestar.example',
      'ms.rivera@gulfcoast.example',
    ]) {
      const r = await move(await signInStaff(t, email), untouched, '1.8.0');
      expect(r.errors?.[0]).toMatchObject({
        message: 'Assignment was not found.',
        extensions: { code: 'NOT_FOUND' },
      });
    }
    const student = await move(await signInStudent(t, 'BAYSIDE', 'maya', '2468'), untouched, '1.8.0');
    expect(student.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await move(teacher, randomUUID(), '1.8.0');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await versionOf(untouched)).toBe(shipped);
  });

  it('moves an assignment nobody has started to the newer version, audited', async () => {
    const r = await move(teacher, untouched, '1.8.0');
    expect(r.errors).toBeUndefined();
    expect(r.data!.moveAssignmentToVersion).toEqual({
      id: untouched,
      moduleId: MODULE,
      version: '1.8.0',
      newerVersion: null,
    });
    expect(await versionOf(untouched)).toBe('1.8.0');
    const all = await listed();
    expect(all.find((a) => a.id === untouched)).toMatchObject({ version: '1.8.0', newerVersion: null });
    expect(all.find((a) => a.id === started)).toMatchObject({ version: shipped, newerVersion: '1.8.0' });
    const audit = await t.ds.query(
      `SELECT detail FROM audit_event WHERE action = 'assignment.move_version' AND target_id = $1`,
      [untouched],
    );
    expect(audit).toEqual([
      { detail: { classId: emptyClassId, from: `${MODULE}@${shipped}`, to: `${MODULE}@1.8.0` } },
    ]);
  });

  it('applies the checks of assignModule to the target version (grade band)', async () => {
    // A later version written for other grades than this class's (grade 7).
    await publish('1.9.0', (doc) => {
      doc.manifest.grades = [6, 8];
    });
    expect((await listed()).find((a) => a.id === untouched)!.newerVersion).toBe('1.9.0');
    const r = await move(teacher, untouched, '1.9.0');
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/written for grades 6, 8; this class is grade 7/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await versionOf(untouched)).toBe('1.8.0');
  });

  it('assigns a newer version beside one students started, and never the same version twice', async () => {
    // Students started `started` (the shipped version): the class may get 1.8.0 as a new assignment.
    const newer = await t.gql(teacher, ASSIGN, { i: { classId, moduleId: MODULE, version: '1.8.0' } });
    expect(newer.errors).toBeUndefined();
    const again = await t.gql(teacher, ASSIGN, { i: { classId, moduleId: MODULE, version: '1.8.0' } });
    expect(again.errors?.[0]).toMatchObject({
      message: `Version 1.8.0 of ${MODULE} is already assigned to this class.`,
      extensions: { code: 'CONFLICT' },
    });
    // Nor may an assignment move onto a version its class already has.
    const older = await t.gql<{ assignModule: AssignmentFields }>(teacher, ASSIGN, {
      i: { classId: emptyClassId, moduleId: MODULE, version: shipped },
    });
    expect(older.errors).toBeUndefined();
    const moved = await move(teacher, older.data!.assignModule.id, '1.8.0');
    expect(moved.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await versionOf(older.data!.assignModule.id)).toBe(shipped);
  });
});
