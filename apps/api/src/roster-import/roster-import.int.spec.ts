import { zipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import type { ImportResult } from './roster-import.service';

const FIXTURES = join(__dirname, '../../../../libs/oneroster/fixtures');
const ADMIN = 'admin@gulfcoast.example';

/** A fixture folder zipped in memory, with some files replaced. */
function zipFixture(name: string, replace: Record<string, string> = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const file of readdirSync(join(FIXTURES, name)))
    files[`export/${file}`] = new Uint8Array(readFileSync(join(FIXTURES, name, file)));
  for (const [file, text] of Object.entries(replace))
    files[`export/${file}`] = new TextEncoder().encode(text);
  return Buffer.from(zipSync(files));
}

function fixtureText(name: string, file: string): string {
  return readFileSync(join(FIXTURES, name, file), 'utf8');
}

const TABLES = [
  'school',
  'class_section',
  'app_user',
  'role_grant',
  'class_teacher',
  'enrollment',
  'roster_source',
];

describe('OneRoster import', () => {
  let t: TestApp;
  let f: Fixtures;
  let admin: TestAgent;

  /** A fingerprint of every roster table: equal fingerprints mean nothing was written. */
  async function snapshot(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = (await t.ds.query(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${table} x`,
      )) as { n: number; h: string }[];
      out[table] = `${row.n}:${row.h}`;
    }
    return out;
  }

  async function post(
    agent: TestAgent,
    zip: Buffer,
    query: string,
    headers: Record<string, string> = { 'X-Haven-CSRF': '1' },
  ): Promise<{ status: number; body: ImportResult & { message?: string } }> {
    const req = agent.post(`/imports/oneroster?${query}`).set('Content-Type', 'application/zip');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    const res = await req.send(zip);
    return { status: res.status, body: res.body };
  }

  const runCount = async (): Promise<number> =>
    Number((await t.ds.query(`SELECT count(*)::int AS n FROM import_run`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    admin = await signInStaff(t, ADMIN);
  });
  afterAll(() => t.close());

  it('requires the CSRF header, and the district admin role', async () => {
    const before = await snapshot();
    const zip = zipFixture('v1p1');
    expect((await post(admin, zip, 'mode=all-or-nothing', {})).status).toBe(400);
    expect((await post(t.agent(), zip, 'dryRun=false')).status).toBe(401);
    for (const email of ['teacher@gulfcoast.example', 'principal@gulfcoast.example'])
      expect((await post(await signInStaff(t, email), zip, 'dryRun=false')).status).toBe(403);
    expect((await post(admin, zip, 'mode=everything')).status).toBe(400);
    const notZip = await admin
      .post('/imports/oneroster')
      .set('X-Haven-CSRF', '1')
      .set('Content-Type', 'text/csv')
      .send('a,b');
    expect(notZip.status).toBe(415);
    expect(await snapshot()).toEqual(before);
    expect(await runCount()).toBe(0);
  });

  it("another district's admin cannot import into this district", async () => {
    const before = await snapshot();
    const other = await signInStaff(t, 'admin@lonestar.example');
    const r = await post(other, zipFixture('v1p1'), `districtId=${f.demo.district.id}`);
    expect(r.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await snapshot();
    const r = await post(admin, zipFixture('v1p1'), 'dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      dryRun: true,
      status: 'dry-run',
      createdStudents: [],
      counts: { created: { schools: 2, classes: 4, students: 5, staff: 4 }, errors: 0 },
    });
    expect(r.body.issues.some((i) => i.severity === 'warning' && i.file === 'users.csv')).toBe(true);
    expect(r.body.notes.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(await runCount()).toBe(0);
  });

  it('an import with errors writes nothing in all-or-nothing mode, and says where each error is', async () => {
    const before = await snapshot();
    const r = await post(admin, zipFixture('broken-v1p1'), 'mode=all-or-nothing');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rejected');
    expect(r.body.counts.errors).toBeGreaterThan(0);
    const error = r.body.issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ file: expect.stringMatching(/\.csv$/), code: expect.any(String) });
    expect(r.body.createdStudents).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await runCount()).toBe(1); // the rejected run is recorded
  });

  let pins: ImportResult['createdStudents'];

  it('the first import creates schools, staff, students, classes and enrollments, and returns PINs once', async () => {
    const r = await post(admin, zipFixture('v1p1'), 'mode=all-or-nothing&dryRun=false&fileName=sis.zip');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'applied', dryRun: false });
    expect(r.body.counts.created).toMatchObject({ schools: 2, classes: 4, students: 5, staff: 4 });
    pins = r.body.createdStudents;
    expect(pins).toHaveLength(5);
    for (const p of pins) expect(p.initialPin).toMatch(/^\d{6}$/);
    const ben = pins.find((p) => p.username === 'bwong')!;
    expect(ben).toMatchObject({ displayName: 'Ben', school: 'BAYSIDE-MS' });
    await signInStudent(t, 'BAYSIDE-MS', 'bwong', ben.initialPin);

    const [stored] = await t.ds.query(`SELECT password_hash, email FROM app_user WHERE username = 'bwong'`);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.email).toBeNull();
    const schools = await t.ds.query(`SELECT code FROM school WHERE district_id = $1 ORDER BY code`, [
      f.demo.district.id,
    ]);
    expect(schools.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining(['BAYSIDE', 'BAYSIDE-MS', 'PALMETTO']),
    );
    const teachers = await t.ds.query(
      `SELECT u.email FROM class_teacher ct JOIN app_user u ON u.id = ct.user_id
         JOIN class_section c ON c.id = ct.class_id WHERE c.name LIKE 'Health 7, period 2%' ORDER BY u.email`,
    );
    expect(teachers.map((x: { email: string }) => x.email)).toEqual([
      'jdiaz@bayside.example.org',
      'm.rivera@bayside.example.org',
    ]);
    const grants = await t.ds.query(
      `SELECT g.role, s.code FROM role_grant g JOIN app_user u ON u.id = g.user_id JOIN school s ON s.id = g.school_id
        WHERE u.email = 'nokafor@bayside.example.org'`,
    );
    expect(grants).toEqual([{ role: 'school_admin', code: 'BAYSIDE-MS' }]);
    const enrolled = await t.ds.query(
      `SELECT count(*)::int AS n FROM enrollment e JOIN app_user u ON u.id = e.student_id WHERE u.username = 'eli_m'`,
    );
    expect(enrolled[0].n).toBe(2);
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'roster.import'`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('re-importing the same files changes nothing', async () => {
    const before = await snapshot();
    const r = await post(admin, zipFixture('v1p1'), 'mode=all-or-nothing');
    expect(r.body.status).toBe('unchanged');
    expect(r.body.createdStudents).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'roster.import'`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('a changed file updates only what changed', async () => {
    const users = fixtureText('v1p1', 'users.csv').replace(',Ben,Wong,', ',Benny,Wong,');
    const r = await post(admin, zipFixture('v1p1', { 'users.csv': users }), 'mode=all-or-nothing');
    expect(r.body.status).toBe('applied');
    expect(r.body.counts.created).toEqual({ schools: 0, classes: 0, students: 0, staff: 0, enrollments: 0 });
    expect(r.body.counts.updated).toEqual({ schools: 0, classes: 0, students: 1, staff: 0, enrollments: 0 });
    const [ben] = await t.ds.query(`SELECT display_name FROM app_user WHERE username = 'bwong'`);
    expect(ben.display_name).toBe('Benny');
    // The PIN is unchanged.
    await signInStudent(t, 'BAYSIDE-MS', 'bwong', pins.find((p) => p.username === 'bwong')!.initialPin);
  });

  it('a delta with an error writes nothing; in valid-rows mode it imports the good rows and deactivates tobedeleted', async () => {
    const before = await snapshot();
    const rejected = await post(admin, zipFixture('v1p1-delta'), 'mode=all-or-nothing');
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'enrollments.csv', line: 4 }),
    );
    expect(await snapshot()).toEqual(before);

    const r = await post(admin, zipFixture('v1p1-delta'), 'mode=valid-rows');
    expect(r.body.status).toBe('applied');
    expect(r.body.counts.deactivated.students).toBe(1);
    expect(r.body.createdStudents.map((s) => s.username)).toEqual(['fay']);
    const [ben] = await t.ds.query(
      `SELECT u.disabled_at, (SELECT count(*)::int FROM enrollment e WHERE e.student_id = u.id) AS classes
         FROM app_user u WHERE username = 'bwong'`,
    );
    expect(ben.disabled_at).not.toBeNull();
    expect(ben.classes).toBe(0);
    await expect(
      signInStudent(t, 'BAYSIDE-MS', 'bwong', pins.find((p) => p.username === 'bwong')!.initialPin),
    ).rejects.toThrow();
    const [eli] = await t.ds.query(`SELECT display_name, grade_level FROM app_user WHERE username = 'eli_m'`);
    expect(eli).toEqual({ display_name: 'Elias', grade_level: 8 });
    await signInStudent(t, 'BAYSIDE-MS', 'fay', r.body.createdStudents[0].initialPin);
    const fay = await t.ds.query(
      `SELECT count(*)::int AS n FROM enrollment e JOIN app_user u ON u.id = e.student_id WHERE u.username = 'fay'`,
    );
    expect(fay[0].n).toBe(1);
  });

  it('a bulk file that no longer lists a class deactivates it and ends its enrollments', async () => {
    const classes = fixtureText('v1p1', 'classes.csv')
      .split('\n')
      .filter((l) => !l.startsWith('c-lab,'))
      .join('\n');
    const enrollments = fixtureText('v1p1', 'enrollments.csv')
      .split('\n')
      .filter((l) => !/^e1[01],/.test(l))
      .join('\n');
    const r = await post(
      admin,
      zipFixture('v1p1', { 'classes.csv': classes, 'enrollments.csv': enrollments }),
      'mode=valid-rows',
    );
    expect(r.body.status).toBe('applied');
    expect(r.body.counts.deactivated.classes).toBe(1);
    const lab = await t.ds.query(
      `SELECT count(*)::int AS n FROM enrollment e JOIN class_section c ON c.id = e.class_id WHERE c.name LIKE 'Health 7 Lab%'`,
    );
    expect(lab[0].n).toBe(0);
    // The next identical import changes nothing.
    const again = await post(
      admin,
      zipFixture('v1p1', { 'classes.csv': classes, 'enrollments.csv': enrollments }),
      'mode=valid-rows',
    );
    expect(again.body.status).toBe('unchanged');
  });

  it('lists the import runs of the caller’s district only', async () => {
    const q =
      '{ importRuns { fileName mode status errorCount createdStudentCount created { students } issues { file line severity } } }';
    const r = await t.gql<{
      importRuns: { status: string; fileName: string; created: { students: number } }[];
    }>(admin, q);
    expect(r.errors).toBeUndefined();
    const runs = r.data!.importRuns;
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(
      runs.some((x) => x.fileName === 'sis.zip' && x.status === 'applied' && x.created.students === 5),
    ).toBe(true);
    const other = await t.gql<{ importRuns: unknown[] }>(await signInStaff(t, 'admin@lonestar.example'), q);
    expect(other.data!.importRuns).toEqual([]);
    const stranger = await t.gql<{ importRuns: unknown[] }>(
      await signInStaff(t, 'admin@lonestar.example'),
      `{ importRuns(districtId: "${f.demo.district.id}") { id } }`,
    );
    expect(stranger.data!.importRuns).toEqual([]);
  });

  it('a platform admin imports into the district they name; codes and emails stay unique across districts', async () => {
    const platform = await signInStaff(t, 'platform@haven.example');
    expect((await post(platform, zipFixture('v1p1'), 'dryRun=true')).status).toBe(404);
    const r = await post(platform, zipFixture('v1p1'), `dryRun=true&districtId=${f.other.district.id}`);
    expect(r.status).toBe(200);
    // BAYSIDE-MS and the staff emails now belong to the first district: those rows, and what hangs on them, are rejected.
    expect(r.body.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'DUPLICATE_SCHOOL_CODE',
        file: 'orgs.csv',
        line: 3,
      }),
    );
    expect(r.body.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'DUPLICATE_EMAIL' }),
    );
    expect(r.body.counts.created).toMatchObject({ schools: 0, students: 0 });
  });
});
