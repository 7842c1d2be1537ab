import { join } from 'node:path';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const REPORT = `query($y: String) { complianceReport(schoolYear: $y) {
  districtName state schoolYear rules { id citation certainty uncertainties frequency consentModel requiredTopics { tag } }
  schools { schoolName status grades { grade status enrolled delivered missing excused percentDelivered reasons } } } }`;

describe('district compliance with state mandates', () => {
  let t: TestApp;
  let f: Fixtures;
  const year = '2026-2027';

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    // Maya completed the 6-8 module this school year (as the player would record it).
    const teacher = f.demo.users.get('teacher@gulfcoast.example')!.id;
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const classId = f.demo.classes.get('Health 7, Period 2')!.id;
    const [mv] = await t.ds.query(
      `SELECT id, topics FROM module_version WHERE module_id = 'online-safety-6-8'`,
    );
    const [a] = await t.ds.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, '2026-09-01') RETURNING id`,
      [classId, mv.id, teacher],
    );
    await t.ds.query(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, completed_at, updated_at)
       VALUES ($1, $2, $3, 'completed', '2026-10-15', '2026-10-15')`,
      [maya, a.id, mv.id],
    );
  });
  afterAll(() => t.close());

  it('reports each Florida rule per school and grade, with citation, certainty and small groups hidden', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql<{
      complianceReport: {
        state: string;
        rules: { id: string; citation: string; certainty: string; requiredTopics: { tag: string }[] }[];
        schools: {
          schoolName: string;
          grades: {
            grade: number;
            status: string;
            enrolled: string;
            delivered: string;
            missing: string;
            reasons: string[];
          }[];
        }[];
      };
    }>(admin, REPORT, { y: year });
    expect(r.errors).toBeUndefined();
    const report = r.data!.complianceReport;
    expect(report.state).toBe('FL');
    expect(report.rules.length).toBeGreaterThan(0);
    expect(report.rules[0].citation).toMatch(/1003\.42|6A-1\.09412/);
    expect(['verified', 'secondary-source', 'uncertain']).toContain(report.rules[0].certainty);
    expect(report.schools.map((s) => s.schoolName)).toEqual([
      'Bayside Secondary School',
      'Palmetto Elementary School',
    ]);
    const grade7 = report.schools[0].grades.find((g) => g.grade === 7)!;
    expect(grade7.enrolled).toBe('5');
    expect(grade7.delivered).toBe('<5'); // one student: a group under 5 is never shown
    expect(grade7.status).not.toBe('met');
    expect(grade7.reasons.join(' ')).toMatch(/not/i);
    const grade10 = report.schools[0].grades.find((g) => g.grade === 10)!;
    expect(grade10.status).toBe('not-met');
  });

  it('explains one student: which rule applied, what counted and what is missing', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const leo = f.demo.users.get('BAYSIDE:leo')!.id;
    const q = `query($s: ID!, $y: String) { studentCompliance(studentId: $s, schoolYear: $y) {
      displayName grade schoolName classes rules { ruleId outcome counted missingTopics { tag } coveredTopics { tag } window } } }`;
    const m = await t.gql<{
      studentCompliance: {
        rules: { outcome: string; counted: string[]; missingTopics: unknown[] }[];
        classes: string[];
      };
    }>(admin, q, { s: maya, y: year });
    expect(m.errors).toBeUndefined();
    const rule = m.data!.studentCompliance.rules[0];
    expect(rule.outcome).toBe('delivered');
    expect(rule.counted[0]).toMatch(/^online-safety-6-8@.+ \(2026-10-15\)$/);
    expect(rule.missingTopics).toEqual([]);
    expect(m.data!.studentCompliance.classes).toEqual(['Health 7, Period 2']);
    const l = await t.gql<{ studentCompliance: { rules: { outcome: string; missingTopics: unknown[] }[] } }>(
      admin,
      q,
      { s: leo, y: year },
    );
    expect(l.data!.studentCompliance.rules[0].outcome).toBe('not-reached');
    expect(l.data!.studentCompliance.rules[0].missingTopics.length).toBeGreaterThan(0);

    const drill = await t.gql<{ gradeCompliance: { username: string; rules: { outcome: string }[] }[] }>(
      admin,
      `{ gradeCompliance(schoolId: "${f.demo.schools.get('BAYSIDE')!.id}", grade: 7, schoolYear: "${year}") { username rules { outcome } } }`,
    );
    expect(drill.data!.gradeCompliance.map((s) => s.username)).toEqual([
      'ana',
      'jordan',
      'kai',
      'maya',
      'noah',
    ]);
    expect(drill.data!.gradeCompliance.find((s) => s.username === 'maya')!.rules[0].outcome).toBe(
      'delivered',
    );
  });

  it('shows school admins their own school, other districts their own rules, and nobody else anything', async () => {
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const r = await t.gql<{ complianceReport: { schools: { schoolName: string }[] } }>(principal, REPORT, {
      y: year,
    });
    expect(r.data!.complianceReport.schools.map((s) => s.schoolName)).toEqual(['Bayside Secondary School']);

    const texas = await signInStaff(t, 'admin@lonestar.example');
    const tx = await t.gql<{ complianceReport: { state: string; rules: { consentModel: string | null }[] } }>(
      texas,
      REPORT,
      { y: year },
    );
    expect(tx.data!.complianceReport.state).toBe('TX');
    expect(tx.data!.complianceReport.rules.some((x) => x.consentModel === 'opt-in-written')).toBe(true);
    const maya = f.demo.users.get('BAYSIDE:maya')!.id;
    const cross = await t.gql(
      texas,
      `{ studentCompliance(studentId: "${maya}", schoolYear: "${year}") { displayName } }`,
    );
    expect(cross.data).toEqual({ studentCompliance: null });

    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await t.gql(teacher, REPORT, { y: year })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    expect((await t.gql(student, REPORT, { y: year })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(await signInStaff(t, 'admin@gulfcoast.example'), REPORT, { y: '2026' });
    expect(bad.errors?.[0].message).toBe('schoolYear must look like 2026-2027');
  });

  it('exports the per-student evidence as CSV, for admins only', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const res = await admin.get(`/exports/compliance.csv?schoolYear=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="haven-compliance-${year}.csv"`);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'district,school_year,school,grade,username,student,rule,citation,outcome,covered_topics,missing_topics,minutes,counted',
    );
    const mayaLine = lines.find((l) => l.includes(',maya,'))!;
    expect(mayaLine).toMatch(/,delivered,/);
    expect(mayaLine).toMatch(/online-safety-6-8@/);
    expect(lines.length).toBeGreaterThan(13); // every enrolled student, per rule

    expect((await t.agent().get(`/exports/compliance.csv?schoolYear=${year}`)).status).toBe(401);
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await teacher.get(`/exports/compliance.csv?schoolYear=${year}`)).status).toBe(403);
  });
});
