import { join } from 'node:path';
import type { DistrictCompliance } from '@haven/mandates';
import type { Actor } from '../auth/actor';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { ComplianceService } from './compliance.service';

/**
 * The district report's counts-only path (`loadCounts`: students grouped set-based in SQL, one weighted
 * representative per group) against the evaluation of every student (`load`, which the CSV and the drill-down
 * use), over a varied fixture: students who moved school mid-year, a module taught in class in two halves
 * (and half in class, half online), opt-outs and written consent under three consent models, alternative
 * activities, completions in earlier school years (California counts once per grade band), a disabled student
 * and groups of identical students.
 */
describe('compliance report: counts-only path equals the per-student evaluation', () => {
  let t: TestApp;
  let f: Fixtures;
  let svc: ComplianceService;
  const year = '2026-2027';
  const sql = <T = Record<string, string>>(q: string, p: unknown[] = []): Promise<T[]> => t.ds.query(q, p);
  const user = (key: string): string => f.demo.users.get(key)!.id;
  const actors: Record<string, Actor> = {};

  const actor = async (userId: string): Promise<Actor> => {
    const grants = await sql<{ role: string; district_id: string | null; school_id: string | null }>(
      `SELECT role, district_id, school_id FROM role_grant WHERE user_id = $1`,
      [userId],
    );
    return {
      userId,
      kind: 'staff',
      displayName: 'Admin',
      preferredLanguage: 'en',
      grants: grants.map((g) => ({
        role: g.role as Actor['grants'][number]['role'],
        districtId: g.district_id,
        schoolId: g.school_id,
      })),
      sessionId: 'test',
    };
  };
  const moduleVersion = async (moduleId: string): Promise<string> =>
    (await sql(`SELECT id FROM module_version WHERE module_id = $1`, [moduleId]))[0].id;
  const assign = async (classId: string, mv: string, by: string): Promise<string> =>
    (
      await sql(
        `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2024-09-01') RETURNING id`,
        [classId, mv, by],
      )
    )[0].id;
  const complete = (student: string, assignment: string, mv: string, at: string, alternative = false) =>
    sql(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, completed_at, updated_at, alternative_topics)
       VALUES ($1, $2, $3, 'completed', $4, $4, $5)`,
      [student, assignment, mv, at, alternative ? ['grooming'] : []],
    );
  /** Students with the given grade, enrolled in `classId` (returns their ids). */
  const students = async (schoolId: string, classId: string, prefix: string, n: number, grade: number) => {
    const rows = await sql(
      `INSERT INTO app_user (kind, display_name, username, school_id, grade_level, password_hash)
       SELECT 'student', $2 || ' ' || i, $2 || i, $1, $4, 'not-a-hash' FROM generate_series(1, $3::int) i RETURNING id`,
      [schoolId, prefix, n, grade],
    );
    await sql(
      `INSERT INTO enrollment (class_id, student_id, enrolled_at) SELECT $1, unnest($2::uuid[]), '2026-08-10'`,
      [classId, rows.map((r) => r.id)],
    );
    return rows.map((r) => r.id);
  };
  const klass = async (schoolId: string, name: string, grade: number, schoolYear = year) =>
    (
      await sql(
        `INSERT INTO class_section (school_id, name, grade_levels, school_year) VALUES ($1, $2, $3, $4) RETURNING id`,
        [schoolId, name, [grade], schoolYear],
      )
    )[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    svc = t.app.get(ComplianceService);
    const teacher = user('teacher@gulfcoast.example');
    const rivera = user('ms.rivera@gulfcoast.example');
    const bayside = f.demo.schools.get('BAYSIDE')!.id;
    const palmetto = f.demo.schools.get('PALMETTO')!.id;
    const health7 = f.demo.classes.get('Health 7, Period 2')!.id;
    const health10 = f.demo.classes.get('Health 10, Period 4')!.id;
    const grade3 = f.demo.classes.get('Grade 3, Room 12')!.id;
    const online = await moduleVersion('online-safety-6-8');
    const boundaries = await moduleVersion('my-body-my-boundaries-3-5');
    const trafficking = await moduleVersion('recognizing-trafficking-9-12');
    const relationships = await moduleVersion('healthy-relationships-9-12');

    // Florida (no opt-out): grade 7 with groups of identical students, some who completed this year, some last year.
    const a7 = await assign(health7, online, teacher);
    const done = await students(bayside, health7, 'done', 7, 7);
    for (const s of done) await complete(s, a7, online, '2026-10-15');
    await students(bayside, health7, 'none', 6, 7);
    const lastYear = await students(bayside, health7, 'lastyear', 3, 7);
    for (const s of lastYear) await complete(s, a7, online, '2026-06-30T12:00:00Z');
    await complete(user('BAYSIDE:maya'), a7, online, '2026-10-15');
    await complete(user('BAYSIDE:jordan'), a7, online, '2026-11-02', true); // alternative activity
    // Opt-out on file: Florida does not recognise it; written consent changes nothing either.
    await sql(
      `INSERT INTO consent_record (student_id, school_year, kind) VALUES ($1, $2, 'opt-out'), ($3, $2, 'written-consent'), ($4, $2, 'written-consent'), ($4, $2, 'opt-out')`,
      [user('BAYSIDE:ana'), year, user('BAYSIDE:kai'), user('BAYSIDE:noah')],
    );
    // Grade 10: both modules, one of the two, or the second one next school year (does not count).
    const t10 = await assign(health10, trafficking, teacher);
    const r10 = await assign(health10, relationships, teacher);
    for (const s of ['BAYSIDE:leo', 'BAYSIDE:priya']) await complete(user(s), t10, trafficking, '2026-12-01');
    await complete(user('BAYSIDE:leo'), r10, relationships, '2027-01-10');
    await complete(user('BAYSIDE:marcus'), r10, relationships, '2027-07-02');
    // A disabled student is not counted.
    await sql(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user('BAYSIDE:eli')]);

    // Movers between two middle schools: counted at the latest school of the year, with what they did before.
    const [harbor] = await sql(
      `INSERT INTO school (district_id, name, code, lowest_grade, highest_grade) VALUES ($1, 'Harbor Middle School', 'HARBOR', 6, 8) RETURNING id`,
      [f.demo.district.id],
    );
    const harbor7 = await klass(harbor.id, 'Harbor 7', 7);
    const ah7 = await assign(harbor7, online, teacher);
    const toBayside = await students(harbor.id, harbor7, 'mover', 3, 7);
    await sql(
      `INSERT INTO enrollment (class_id, student_id, enrolled_at) SELECT $1, unnest($2::uuid[]), '2027-01-05'`,
      [health7, toBayside],
    );
    await complete(toBayside[0], ah7, online, '2026-11-20'); // completed at Harbor, then moved
    await sql(`INSERT INTO enrollment (class_id, student_id, enrolled_at) VALUES ($1, $2, '2027-02-01')`, [
      harbor7,
      user('BAYSIDE:noah'),
    ]);

    // In class in two halves (Grade 3): both lessons in class; one in class and one online; only one half.
    const a3 = await assign(grade3, boundaries, rivera);
    const [mv3] = await sql<{ bundle: { sequence: { kind: string; id: string }[] } }>(
      `SELECT bundle FROM module_version WHERE id = $1`,
      [boundaries],
    );
    const lessons = mv3.bundle.sequence.map((s, i) => ({ ...s, step: i })).filter((s) => s.kind === 'lesson');
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    const deliver = async (lesson: string, at: string, present: string[]) => {
      const [d] = await sql(
        `INSERT INTO class_delivery (class_id, assignment_id, module_version_id, lesson_id, delivered_by, delivered_at, minutes)
         VALUES ($1, $2, $3, $4, $5, $6, 30) RETURNING id`,
        [grade3, a3, boundaries, lesson, rivera, at],
      );
      await sql(`INSERT INTO delivery_attendance (delivery_id, student_id) SELECT $1, unnest($2::uuid[])`, [
        d.id,
        present,
      ]);
    };
    const [sam, lily, omar] = ['PALMETTO:sam', 'PALMETTO:lily', 'PALMETTO:omar'].map(user);
    await deliver(lessons[0].id, '2026-10-01T10:00:00Z', [sam, lily, omar]);
    for (const l of lessons.slice(1)) await deliver(l.id, '2026-10-08T10:00:00Z', [sam]); // second half
    await sql(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, completed_steps, updated_at)
       VALUES ($1, $2, $3, 'in_progress', $4, '2026-10-09')`,
      [lily, a3, boundaries, lessons.slice(1).map((l) => l.step)],
    );
    const same3 = await students(palmetto, grade3, 'third', 5, 3);
    for (const s of same3) await complete(s, a3, boundaries, '2026-09-20');

    // Texas (written consent required): consent and completion in every combination.
    const health6 = f.other.classes.get('Health 6')!.id;
    const pecan = f.other.schools.get('PECAN')!.id;
    const texasTeacher = f.other.users.get('teacher@lonestar.example')!.id;
    const a6 = await assign(health6, online, texasTeacher);
    const tx = await students(pecan, health6, 'tx', 8, 6);
    await sql(
      `INSERT INTO consent_record (student_id, school_year, kind) SELECT unnest($1::uuid[]), $2, 'written-consent'`,
      [tx.slice(0, 4), year],
    );
    await sql(`INSERT INTO consent_record (student_id, school_year, kind) VALUES ($1, $2, 'opt-out')`, [
      tx[4],
      year,
    ]);
    for (const s of [tx[0], tx[1], tx[4], tx[6]]) await complete(s, a6, online, '2026-10-10');

    // California (opt-out, once per grade band): students whose instruction was in an earlier grade of the band.
    const [ca] = await sql(
      `INSERT INTO district (name, state) VALUES ('Redwood Unified', 'CA') RETURNING id`,
    );
    const [coast] = await sql(
      `INSERT INTO school (district_id, name, code, lowest_grade, highest_grade) VALUES ($1, 'Coast High School', 'COAST', 7, 12) RETURNING id`,
      [ca.id],
    );
    const [caAdmin] = await sql(
      `INSERT INTO app_user (kind, display_name, email, password_hash) VALUES ('staff', 'CA Admin', 'admin@redwood.example', 'x') RETURNING id`,
    );
    await sql(`INSERT INTO role_grant (user_id, role, district_id) VALUES ($1, 'district_admin', $2)`, [
      caAdmin.id,
      ca.id,
    ]);
    const c8 = await klass(coast.id, 'Health 8', 8);
    const c10 = await klass(coast.id, 'Health 10', 10);
    const c9Before = await klass(coast.id, 'Health 9 last year', 9, '2025-2026');
    const c7Before = await klass(coast.id, 'Health 7 last year', 7, '2025-2026');
    const g8 = await students(coast.id, c8, 'eighth', 6, 8);
    const g10 = await students(coast.id, c10, 'tenth', 6, 10);
    const p7 = await assign(c7Before, online, caAdmin.id);
    const p9 = await assign(c9Before, trafficking, caAdmin.id);
    const p9b = await assign(c9Before, relationships, caAdmin.id);
    const n8 = await assign(c8, online, caAdmin.id);
    for (const s of g8.slice(0, 2)) await complete(s, p7, online, '2026-03-01'); // grade 7, same band
    await complete(g8[2], n8, online, '2026-09-30');
    for (const s of g10.slice(0, 3)) {
      await complete(s, p9, trafficking, '2025-11-01');
      await complete(s, p9b, relationships, '2026-02-01');
    }
    await complete(g10[3], p9, trafficking, '2025-11-01');
    await sql(`INSERT INTO consent_record (student_id, school_year, kind) VALUES ($1, $2, 'opt-out')`, [
      g10[4],
      year,
    ]);

    actors.florida = await actor(user('admin@gulfcoast.example'));
    actors.principal = await actor(user('principal@gulfcoast.example'));
    actors.texas = await actor(f.other.users.get('admin@lonestar.example')!.id);
    actors.california = await actor(caAdmin.id);
  });
  afterAll(() => t.close());

  /** Everything shown per rule, school and grade: status, counts, reasons (student ids left out). */
  const figures = (d: DistrictCompliance): unknown => ({
    schools: d.schools,
    rules: d.rules.map((r) => ({
      rule: r.ruleId,
      schools: r.schools.map((s) => ({
        school: s.schoolId,
        status: s.status,
        grades: s.grades.map((g) => ({
          grade: g.grade,
          status: g.status,
          counts: g.counts,
          reasons: g.reasons.map((x) => ({
            code: x.code,
            message: x.message,
            topics: 'topics' in x ? x.topics : undefined,
          })),
        })),
      })),
    })),
  });

  it.each(['florida', 'principal', 'texas', 'california'])(
    '%s: same figures and the same report',
    async (who) => {
      const full = (await svc.load(actors[who], year))!;
      const counts = (await svc.loadCounts(actors[who], year))!;
      expect(figures(counts.result)).toEqual(figures(full.result));
      const { generatedAt: _a, ...fromFull } = svc.reportOf(full, year);
      const { generatedAt: _b, ...fromCounts } = (await svc.report(actors[who], year))!;
      expect(fromCounts).toEqual(fromFull);
      // Fewer records evaluated than students, and the figures are not all zero.
      const evaluated = counts.result.rules[0].schools.flatMap((s) => s.grades.flatMap((g) => g.students));
      expect(evaluated.length).toBeLessThan(full.students.size);
      const outcomes = new Set(
        full.result.rules.flatMap((r) =>
          r.schools.flatMap((s) => s.grades.flatMap((g) => g.students.map((x) => x.outcome))),
        ),
      );
      expect(outcomes.size).toBeGreaterThan(1);
    },
  );

  it.each(['florida', 'california'])(
    '%s: a drill-down reads only its students and explains them as the whole evaluation does',
    async (who) => {
      const full = (await svc.load(actors[who], year))!;
      let drilled = 0;
      for (const school of full.result.schools)
        for (const { grade } of school.grades) {
          const ids = [...full.students.values()]
            .filter((s) => s.schoolId === school.schoolId && s.grade === grade)
            .map((s) => s.id);
          const want = ids
            .map((id) => svc.recordOf(full, id))
            .sort((a, b) => a.displayName.localeCompare(b.displayName));
          expect(await svc.gradeStudents(actors[who], school.schoolId, grade, year)).toEqual(want);
          for (const id of ids.slice(0, 3))
            expect(await svc.student(actors[who], id, year)).toEqual(svc.recordOf(full, id));
          drilled += ids.length;
        }
      expect(drilled).toBe(full.students.size);
    },
  );

  it('the fixture exercises what it claims', async () => {
    const fl = (await svc.load(actors.florida, year))!;
    const outcome = (id: string): string =>
      fl.result.rules[0].schools
        .flatMap((s) => s.grades.flatMap((g) => g.students))
        .find((s) => s.studentId === id)!.outcome;
    expect(outcome(user('PALMETTO:sam'))).toBe('delivered'); // two halves in class
    expect(outcome(user('PALMETTO:lily'))).toBe('delivered'); // one half in class, one online
    expect(outcome(user('PALMETTO:omar'))).toBe('not-reached'); // only one half
    expect(fl.students.has(user('BAYSIDE:eli'))).toBe(false);
    const harbor = fl.schools.find((s) => s.name === 'Harbor Middle School')!.id;
    expect(fl.students.get(user('BAYSIDE:noah'))!.schoolId).toBe(harbor);
    const reasons = fl.result.rules.flatMap((r) =>
      r.schools.flatMap((s) => s.grades.flatMap((g) => g.reasons)),
    );
    expect(reasons.map((r) => r.code)).toContain('opt-out-not-recognised');
    const tx = (await svc.load(actors.texas, year))!;
    const txOutcomes = tx.result.rules.flatMap((r) =>
      r.schools.flatMap((s) => s.grades.flatMap((g) => g.students.map((x) => x.outcome))),
    );
    expect(txOutcomes).toEqual(expect.arrayContaining(['pending', 'excused-no-consent']));
    const txReasons = tx.result.rules.flatMap((r) =>
      r.schools.flatMap((s) => s.grades.flatMap((g) => g.reasons.map((x) => x.code))),
    );
    expect(txReasons).toContain('delivered-without-consent');
    const ca = (await svc.load(actors.california, year))!;
    const caOutcomes = ca.result.rules.flatMap((r) =>
      r.schools.flatMap((s) => s.grades.flatMap((g) => g.students.map((x) => x.outcome))),
    );
    expect(caOutcomes).toEqual(
      expect.arrayContaining(['not-reached', 'pending', 'partial', 'excused-opt-out']),
    );
  });
});
