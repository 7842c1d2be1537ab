import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const YEAR = '2026-2027';
const RECORD = `mutation($i: RecordDeliveryInput!) { recordDelivery(input: $i) {
  id lessonId lessonTitle minutes deliveredByName presentStudentIds } }`;
const DELIVERIES = `query($a: ID!) { assignmentDeliveries(assignmentId: $a) {
  lessonId minutes deliveredByName presentStudentIds } }`;
const STUDENT = `query($s: ID!, $y: String) { studentCompliance(studentId: $s, schoolYear: $y) {
  rules { ruleId outcome counted } } }`;

/** The details a refusal carries (`appError`'s `extensions.details`). */
function detailsOf(r: { errors?: { extensions?: object }[] }): Record<string, unknown> {
  return (r.errors?.[0]?.extensions as { details?: Record<string, unknown> } | undefined)?.details ?? {};
}

interface Recorded {
  recordDelivery: { id: string; lessonId: string; minutes: number; presentStudentIds: string[] } | null;
}

describe('in-class delivery (facilitation mode)', () => {
  let t: TestApp;
  let f: Fixtures;
  let grade3: string; // assignment of my-body-my-boundaries-3-5 to Grade 3, Room 12
  let health6: string; // assignment of online-safety-6-8 to the Texas class
  const id = (key: string): string => f.demo.users.get(key)!.id;

  async function assign(classId: string, moduleId: string, teacherId: string): Promise<string> {
    const [mv] = await t.ds.query(`SELECT id FROM module_version WHERE module_id = $1`, [moduleId]);
    const [a] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [classId, mv.id, teacherId],
    );
    return a.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    grade3 = await assign(
      f.demo.classes.get('Grade 3, Room 12')!.id,
      'my-body-my-boundaries-3-5',
      id('ms.rivera@gulfcoast.example'),
    );
    health6 = await assign(
      f.other.classes.get('Health 6')!.id,
      'online-safety-6-8',
      f.other.users.get('teacher@lonestar.example')!.id,
    );
  });
  afterAll(() => t.close());

  it('the class teacher records a lesson taught and who was present; deliveries are listed with it', async () => {
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    const r = await t.gql<Recorded>(rivera, RECORD, {
      i: {
        assignmentId: grade3,
        lessonId: 'my-body-my-boundaries',
        minutes: 40,
        presentStudentIds: [id('PALMETTO:sam'), id('PALMETTO:sam'), id('PALMETTO:lily')],
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordDelivery).toMatchObject({
      lessonId: 'my-body-my-boundaries',
      lessonTitle: 'My Body, My Boundaries',
      minutes: 40,
      deliveredByName: 'Ms. Sofia Rivera',
    });
    expect(r.data!.recordDelivery!.presentStudentIds.sort()).toEqual(
      [id('PALMETTO:sam'), id('PALMETTO:lily')].sort(),
    );
    const list = await t.gql<{ assignmentDeliveries: { lessonId: string; presentStudentIds: string[] }[] }>(
      rivera,
      DELIVERIES,
      { a: grade3 },
    );
    expect(list.data!.assignmentDeliveries).toHaveLength(1);
    expect(list.data!.assignmentDeliveries[0].presentStudentIds).toHaveLength(2);
    const [audit] = await t.ds.query(
      `SELECT detail FROM audit_event WHERE action = 'delivery.record' AND target_id = $1`,
      [grade3],
    );
    expect(audit.detail).toMatchObject({ lessonId: 'my-body-my-boundaries', present: 2, minutes: 40 });
    await t.ds.query(`DELETE FROM class_delivery WHERE assignment_id = $1`, [grade3]);
  });

  it('nobody outside the class may record or read: another teacher, another school, another district', async () => {
    const input = {
      assignmentId: grade3,
      lessonId: 'my-body-my-boundaries',
      minutes: 30,
      presentStudentIds: [],
    };
    for (const email of [
      'teacher@gulfcoast.example', // same district, not this class's teacher (and trained)
      'principal@gulfcoast.example', // admin of another school in the district
      'teacher@lonestar.example', // another district
      'admin@lonestar.example',
    ]) {
      const agent = await signInStaff(t, email);
      const r = await t.gql<Recorded>(agent, RECORD, { i: input });
      expect([email, r.errors?.[0]?.extensions?.code]).toEqual([email, 'NOT_FOUND']);
      const list = await t.gql<{ assignmentDeliveries: unknown[] }>(agent, DELIVERIES, { a: grade3 });
      expect([email, list.data!.assignmentDeliveries]).toEqual([email, []]);
    }
    const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM class_delivery`);
    expect(n.n).toBe(0);
  });

  it('only staff holding the module’s facilitator training may teach it (same rule as assigning)', async () => {
    // The district admin may act for the class, but holds no haven-facilitator-basics.
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql<Recorded>(admin, RECORD, {
      i: { assignmentId: grade3, lessonId: 'good-friends', minutes: 30, presentStudentIds: [] },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/trained to deliver this module/);
    expect(detailsOf(r).missingTrainings).toEqual(['haven-facilitator-basics']);
    // An expired training does not count either.
    await t.ds.query(`UPDATE training_record SET expires_at = '2026-08-16' WHERE user_id = $1`, [
      id('ms.rivera@gulfcoast.example'),
    ]);
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    const expired = await t.gql<Recorded>(rivera, RECORD, {
      i: { assignmentId: grade3, lessonId: 'good-friends', minutes: 30, presentStudentIds: [] },
    });
    expect(detailsOf(expired).missingTrainings).toEqual(['haven-facilitator-basics']);
    await t.ds.query(
      `UPDATE training_record SET expires_at = completed_at + interval '2 years' WHERE user_id = $1`,
      [id('ms.rivera@gulfcoast.example')],
    );
  });

  it('refuses bad input: unknown lesson, a student of another class, minutes out of range, a future date', async () => {
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    const base = { assignmentId: grade3, lessonId: 'good-friends', minutes: 30, presentStudentIds: [] };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ lessonId: 'no-such-lesson' }, /no lesson "no-such-lesson"/],
      [{ presentStudentIds: [id('BAYSIDE:maya')] }, /Only students enrolled in this class/],
      [{ minutes: 0 }, /minutes must be at least 1/],
      [{ minutes: 601 }, /minutes must be at most 600/],
      [{ deliveredAt: '2099-01-01T00:00:00Z' }, /in the future/],
    ];
    for (const [change, message] of cases) {
      const r = await t.gql<Recorded>(rivera, RECORD, { i: { ...base, ...change } });
      expect(r.errors?.[0]?.message).toMatch(message);
    }
    const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM class_delivery`);
    expect(n.n).toBe(0);
  });

  it('a student the consent rules excuse (Texas: no written consent) cannot be marked present', async () => {
    const teacherId = f.other.users.get('teacher@lonestar.example')!.id;
    await t.ds.query(
      `INSERT INTO training_record (user_id, course_code, completed_at, expires_at, source)
       SELECT $1, code, '2026-08-01', '2030-08-01', 'haven' FROM training_course WHERE code = 'haven-facilitator-basics'`,
      [teacherId],
    );
    const [mv] = await t.ds.query(`SELECT bundle FROM module_version WHERE module_id = 'online-safety-6-8'`);
    const lessonId: string = mv.bundle.lessons[0].id;
    const tex = f.other.users.get('PECAN:tex')!.id;
    const teacher = await signInStaff(t, 'teacher@lonestar.example');
    const refused = await t.gql<Recorded>(teacher, RECORD, {
      i: { assignmentId: health6, lessonId, minutes: 45, presentStudentIds: [tex] },
    });
    expect(refused.errors?.[0]?.message).toMatch(/parental consent rules/);
    expect(detailsOf(refused).excusedStudentIds).toEqual([tex]);
    // Without them the lesson is recorded; with written consent on file they may be marked present.
    const without = await t.gql<Recorded>(teacher, RECORD, {
      i: { assignmentId: health6, lessonId, minutes: 45, presentStudentIds: [] },
    });
    expect(without.errors).toBeUndefined();
    await t.ds.query(
      `INSERT INTO consent_record (student_id, school_year, kind) VALUES ($1, $2, 'written-consent')`,
      [tex, YEAR],
    );
    const withConsent = await t.gql<Recorded>(teacher, RECORD, {
      i: { assignmentId: health6, lessonId, minutes: 45, presentStudentIds: [tex] },
    });
    expect(withConsent.errors).toBeUndefined();
    expect(withConsent.data!.recordDelivery!.presentStudentIds).toEqual([tex]);
  });

  describe('compliance counts instruction delivered in class', () => {
    const LESSONS = ['my-body-my-boundaries', 'safe-adults-secrets-surprises', 'good-friends', 'safe-online'];

    beforeAll(async () => {
      const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
      const [sam, lily, omar, grace] = ['sam', 'lily', 'omar', 'grace'].map((u) => id(`PALMETTO:${u}`));
      // First half on 1 October: lessons 1 and 2, Sam, Lily and Omar present.
      // Second half on 8 October: lessons 3 and 4, Sam, Lily and Grace present (Omar absent).
      // Grace did lessons 1 and 2 online (sequence steps 1 and 2: step 0 is the pre-test); Lily's second
      // half is recorded but she was absent for lesson 2 (recorded as a separate delivery without her).
      const plan: [string, string, string[]][] = [
        ['2026-10-01T14:00:00Z', LESSONS[0], [sam, lily, omar]],
        ['2026-10-01T14:40:00Z', LESSONS[1], [sam, omar]],
        ['2026-10-08T14:00:00Z', LESSONS[2], [sam, lily, grace]],
        ['2026-10-08T14:40:00Z', LESSONS[3], [sam, lily, grace]],
      ];
      for (const [deliveredAt, lessonId, present] of plan) {
        const r = await t.gql<Recorded>(rivera, RECORD, {
          i: { assignmentId: grade3, lessonId, minutes: 40, presentStudentIds: present, deliveredAt },
        });
        expect(r.errors).toBeUndefined();
      }
      const [mv] = await t.ds.query(
        `SELECT id FROM module_version WHERE module_id = 'my-body-my-boundaries-3-5'`,
      );
      await t.ds.query(
        `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, step_index, completed_steps, updated_at)
         VALUES ($1, $2, $3, 'in_progress', 3, '{0,1,2}', '2026-09-20')`,
        [grace, grade3, mv.id],
      );
    });

    async function rulesOf(username: string): Promise<{ outcome: string; counted: string[] }[]> {
      const admin = await signInStaff(t, 'admin@gulfcoast.example');
      const r = await t.gql<{ studentCompliance: { rules: { outcome: string; counted: string[] }[] } }>(
        admin,
        STUDENT,
        { s: id(`PALMETTO:${username}`), y: YEAR },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.studentCompliance.rules;
    }

    it('two halves on different days, present for both: the module counts, and the explanation names them', async () => {
      const [rule] = await rulesOf('sam');
      expect(rule.outcome).toBe('delivered');
      expect(rule.counted).toEqual([
        'my-body-my-boundaries-3-5@1.0.0 (in class: my-body-my-boundaries 2026-10-01, ' +
          'safe-adults-secrets-surprises 2026-10-01, good-friends 2026-10-08, safe-online 2026-10-08)',
      ]);
    });

    it('absent for one half (or one lesson of it): nothing counts', async () => {
      for (const who of ['omar', 'lily']) {
        const [rule] = await rulesOf(who);
        expect([who, rule.counted]).toEqual([who, []]);
        expect(rule.outcome).not.toBe('delivered');
      }
    });

    it('lessons online plus the rest in class: counts, naming both', async () => {
      const [rule] = await rulesOf('grace');
      expect(rule.outcome).toBe('delivered');
      expect(rule.counted).toEqual([
        'my-body-my-boundaries-3-5@1.0.0 (in class: good-friends 2026-10-08, safe-online 2026-10-08; ' +
          'online: my-body-my-boundaries, safe-adults-secrets-surprises)',
      ]);
    });
  });
});
