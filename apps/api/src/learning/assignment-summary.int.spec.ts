import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const CURRICULA = join(__dirname, '../../../../curricula');

describe("an assignment's summary: not started, in progress, completed", () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(CURRICULA);
  });
  afterAll(() => t.close());

  it('counts the students enrolled now, in one query for every class and assignment on the page', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const health7 = f.demo.classes.get('Health 7, Period 2')!;
    const assigned = await t.gql<{ assignModule: { id: string } }>(
      teacher,
      'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }',
      { i: { classId: health7.id, moduleId: 'online-safety-6-8' } },
    );
    expect(assigned.errors).toBeUndefined();
    const assignmentId = assigned.data!.assignModule.id;
    const students: { id: string; username: string }[] = await t.ds.query(
      `SELECT u.id, u.username FROM enrollment e JOIN app_user u ON u.id = e.student_id
        WHERE e.class_id = $1 ORDER BY u.username`,
      [health7.id],
    );
    expect(students.length).toBeGreaterThanOrEqual(4);
    const [a, b, c] = students;
    // Two started, one of them finished; a fourth student is disabled (no longer counted).
    for (const s of [a!, b!])
      await t.ds.query(
        `INSERT INTO attempt (student_id, assignment_id, module_version_id)
         SELECT $1, id, module_version_id FROM assignment WHERE id = $2`,
        [s.id, assignmentId],
      );
    await t.ds.query(`UPDATE attempt SET completed_at = now() WHERE student_id = $1 AND assignment_id = $2`, [
      b!.id,
      assignmentId,
    ]);
    await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [c!.id]);

    const r = await t.gql<{
      classes: { name: string; assignments: { id: string; summary: Record<string, number> }[] }[];
    }>(
      teacher,
      '{ classes { name assignments { id summary { enrolled notStarted inProgress completed } } } }',
    );
    expect(r.errors).toBeUndefined();
    const mine = r.data!.classes.find((x) => x.name === 'Health 7, Period 2')!;
    const enrolled = students.length - 1;
    expect(mine.assignments.find((x) => x.id === assignmentId)!.summary).toEqual({
      enrolled,
      notStarted: enrolled - 2,
      inProgress: 1,
      completed: 1,
    });

    const student = await t.gql(t.agent(), `{ classes { assignments { summary { enrolled } } } }`);
    expect(student.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
