import { strToU8, zipSync } from 'fflate';
import type TestAgent from 'supertest/lib/agent';
import { Fixtures, seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import type { ImportResult } from './roster-import.service';

const PRINCIPAL = 'principal@gulfcoast.example';
const ADMIN = 'admin@gulfcoast.example';

type Mode = 'bulk' | 'delta';

/** A small OneRoster 1.1 bundle: each file's rows after its header; every file in the same mode. */
function bundle(
  rows: { orgs: string[]; classes: string[]; users: string[]; enrollments: string[] },
  mode: Mode,
) {
  const files: Record<string, string> = {
    'manifest.csv': [
      'propertyName,value',
      'manifest.version,1.0',
      'oneroster.version,1.1',
      `file.academicSessions,bulk`,
      `file.orgs,${mode}`,
      `file.classes,${mode}`,
      `file.users,${mode}`,
      `file.enrollments,${mode}`,
      'file.courses,absent',
      'file.demographics,absent',
    ].join('\n'),
    'academicSessions.csv':
      'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n' +
      'sy2027,,,2026-2027,schoolYear,2026-07-01,2027-06-30,,2027',
    'orgs.csv': ['sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', ...rows.orgs].join(
      '\n',
    ),
    'classes.csv': [
      'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods',
      ...rows.classes,
    ].join('\n'),
    'users.csv': [
      'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
      ...rows.users,
    ].join('\n'),
    'enrollments.csv': [
      'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
      ...rows.enrollments,
    ].join('\n'),
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

const ORG_DISTRICT = 'gc-district,,,Gulf Coast County Schools,district,GCCS,';
const ORG_BAYSIDE = 'gc-bayside,,,Bayside Secondary School,school,BAYSIDE,gc-district';
const ORG_PALMETTO = 'gc-palmetto,,,Palmetto Elementary School,school,PALMETTO,gc-district';
const BAYSIDE_ROWS = {
  classes: ['bay-h9p6,,,"Health 9, Period 6",09,,,scheduled,Room 9,gc-bayside,sy2027,Health,,'],
  users: [
    'bay-s-nia,,,true,gc-bayside,student,nia.h9,,Nia,Brooks,,S9001,,,,,09,',
    'bay-s-omar,,,true,gc-bayside,student,omar.h9,,Omar,Haddad,,S9002,,,,,09,',
  ],
  enrollments: [
    'bay-e1,,,bay-h9p6,gc-bayside,bay-s-nia,student,false,,',
    'bay-e2,,,bay-h9p6,gc-bayside,bay-s-omar,student,false,,',
  ],
};
const PALMETTO_ROWS = {
  classes: ['palm-k1,,,Kindness K,KG,,KIND-1,scheduled,Room 1,gc-palmetto,sy2027,Health,,1'],
  users: ['palm-s-zoe,,,true,gc-palmetto,student,zoe.p,,Zoe,Lane,,S1001,,,,,03,'],
  enrollments: ['palm-e1,,,palm-k1,gc-palmetto,palm-s-zoe,student,false,,'],
};

describe('OneRoster import by a school admin', () => {
  let t: TestApp;
  let f: Fixtures;
  let principal: TestAgent;

  async function post(
    agent: TestAgent,
    zip: Buffer,
    query: string,
  ): Promise<{ status: number; body: ImportResult & { message?: string } }> {
    const res = await agent
      .post(`/imports/oneroster/school?${query}`)
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(zip);
    return { status: res.status, body: res.body };
  }

  const outside = (r: ImportResult): string[] =>
    r.issues
      .filter((i) => i.code === 'OUTSIDE_SCOPE')
      .map((i) => {
        expect(i.severity).toBe('warning');
        return `${i.file} ${i.sourcedId}`;
      })
      .sort();

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await t.ds.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    principal = await signInStaff(t, PRINCIPAL);
  });
  afterAll(() => t.close());

  it('imports only their school’s new class and students, and reports the other school’s rows as outside', async () => {
    const zip = bundle(
      {
        orgs: [ORG_DISTRICT, ORG_BAYSIDE, ORG_PALMETTO],
        classes: [...BAYSIDE_ROWS.classes, ...PALMETTO_ROWS.classes],
        users: [...BAYSIDE_ROWS.users, ...PALMETTO_ROWS.users],
        enrollments: [...BAYSIDE_ROWS.enrollments, ...PALMETTO_ROWS.enrollments],
      },
      'bulk',
    );
    const schoolsBefore = await count(`SELECT count(*)::int AS n FROM school`);
    const dry = await post(principal, zip, 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.counts.errors).toBe(0);
    expect(dry.body.counts.created).toEqual({
      schools: 0,
      classes: 1,
      students: 2,
      staff: 0,
      enrollments: 2,
    });
    expect(dry.body.counts.updated).toEqual({
      schools: 0,
      classes: 0,
      students: 0,
      staff: 0,
      enrollments: 0,
    });
    // Bayside's grades in this small file (9 only) are not Haven's (6-12): the school itself is left alone.
    expect(outside(dry.body)).toEqual([
      'classes.csv palm-k1',
      'enrollments.csv palm-e1',
      'orgs.csv gc-bayside',
      'orgs.csv gc-district',
      'orgs.csv gc-palmetto',
      'users.csv palm-s-zoe',
    ]);
    expect(dry.body.issues.find((i) => i.code === 'OUTSIDE_SCOPE')?.message).toBe(
      'outside your school: not imported',
    );

    const r = await post(principal, zip, 'dryRun=false&mode=all-or-nothing&fileName=bayside.zip');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('applied');
    expect(r.body.createdStudents.map((s) => [s.username, s.school])).toEqual([
      ['nia.h9', 'BAYSIDE'],
      ['omar.h9', 'BAYSIDE'],
    ]);
    const bayside = f.demo.schools.get('BAYSIDE')!.id;
    const [cls] = await t.ds.query(
      `SELECT id, school_id, grade_levels FROM class_section WHERE name = 'Health 9, Period 6'`,
    );
    expect(cls).toMatchObject({ school_id: bayside });
    expect(await count(`SELECT count(*)::int AS n FROM enrollment WHERE class_id = $1`, [cls.id])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE username = 'zoe.p'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM class_section WHERE name = 'Kindness K'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM school`)).toBe(schoolsBefore);
    expect(
      await t.ds.query(`SELECT name, code, lowest_grade, highest_grade FROM school WHERE id = $1`, [bayside]),
    ).toEqual([{ name: 'Bayside Secondary School', code: 'BAYSIDE', lowest_grade: 6, highest_grade: 12 }]);
    // The palmetto org was not mapped: only the principal's own school.
    expect(await t.ds.query(`SELECT sourced_id, entity_id FROM roster_source WHERE kind = 'school'`)).toEqual(
      [{ sourced_id: 'gc-bayside', entity_id: bayside }],
    );

    // Who imported, with which scope: the run and the audit trail.
    const [run] = await t.ds.query(`SELECT started_by, counts FROM import_run WHERE id = $1`, [r.body.runId]);
    expect(run.started_by).toBe(f.demo.users.get(PRINCIPAL)!.id);
    expect(run.counts.scope).toEqual({ schoolIds: [bayside] });
    const [audit] = await t.ds.query(
      `SELECT actor_id, detail FROM audit_event WHERE action = 'roster.import' AND target_id = $1`,
      [r.body.runId],
    );
    expect(audit.actor_id).toBe(f.demo.users.get(PRINCIPAL)!.id);
    expect(audit.detail.scope).toEqual({ kind: 'school', schoolIds: [bayside] });

    // The school admin sees their school's runs; the district's own runs list is not theirs.
    const runs = await t.gql(
      principal,
      '{ schoolImportRuns { id fileName status created { classes students } } }',
    );
    expect(runs.errors).toBeUndefined();
    expect(runs.data?.schoolImportRuns).toEqual([
      { id: r.body.runId, fileName: 'bayside.zip', status: 'applied', created: { classes: 1, students: 2 } },
    ]);
  });

  it('a snapshot that omits the other school removes nothing there (nor a tobedeleted row of it)', async () => {
    // The district admin imports both schools, so Palmetto's rows are mapped.
    const admin = await signInStaff(t, ADMIN);
    const full = await admin
      .post('/imports/oneroster?dryRun=false')
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(
        bundle(
          {
            orgs: [ORG_DISTRICT, ORG_BAYSIDE, ORG_PALMETTO],
            classes: [...BAYSIDE_ROWS.classes, ...PALMETTO_ROWS.classes],
            users: [...BAYSIDE_ROWS.users, ...PALMETTO_ROWS.users],
            enrollments: [...BAYSIDE_ROWS.enrollments, ...PALMETTO_ROWS.enrollments],
          },
          'bulk',
        ),
      );
    expect(full.status).toBe(200);
    expect(full.body.status).toBe('applied');
    const palmetto = async (): Promise<unknown> =>
      t.ds.query(
        `SELECT r.kind, r.sourced_id, r.deactivated_at, u.disabled_at,
                (SELECT count(*)::int FROM enrollment e WHERE e.class_id = r.entity_id) AS enrolled
           FROM roster_source r LEFT JOIN app_user u ON u.id = r.entity_id
          WHERE r.sourced_id LIKE 'palm-%' OR r.sourced_id = 'gc-palmetto' ORDER BY r.kind, r.sourced_id`,
      );
    const before = await palmetto();
    expect((before as unknown[]).length).toBe(4);

    const snapshot = bundle(
      {
        orgs: [ORG_BAYSIDE],
        classes: BAYSIDE_ROWS.classes,
        users: BAYSIDE_ROWS.users,
        enrollments: BAYSIDE_ROWS.enrollments,
      },
      'bulk',
    );
    const r = await post(principal, snapshot, 'dryRun=false');
    expect(r.status).toBe(200);
    expect(r.body.counts.deactivated).toEqual({
      schools: 0,
      classes: 0,
      students: 0,
      staff: 0,
      enrollments: 0,
    });
    expect(r.body.status).toBe('unchanged');
    expect(await palmetto()).toEqual(before);

    const deletion = bundle(
      {
        orgs: ['gc-palmetto,tobedeleted,2026-11-01,Palmetto Elementary School,school,PALMETTO,gc-district'],
        classes: [],
        users: [
          'palm-s-zoe,tobedeleted,2026-11-01,true,gc-palmetto,student,zoe.p,,Zoe,Lane,,S1001,,,,,03,',
          // Their own school's deletions do apply.
          'bay-s-omar,tobedeleted,2026-11-01,true,gc-bayside,student,omar.h9,,Omar,Haddad,,S9002,,,,,09,',
        ],
        enrollments: [],
      },
      'delta',
    );
    const d = await post(principal, deletion, 'dryRun=false');
    expect(d.status).toBe(200);
    expect(d.body.counts.deactivated).toEqual({
      schools: 0,
      classes: 0,
      students: 1,
      staff: 0,
      enrollments: 0,
    });
    const [omar] = await t.ds.query(`SELECT disabled_at FROM app_user WHERE username = 'omar.h9'`);
    expect(omar.disabled_at).not.toBeNull();
    expect(outside(d.body)).toEqual(['orgs.csv gc-palmetto', 'users.csv palm-s-zoe']);
    expect(await palmetto()).toEqual(before);
  });

  it('cannot create a new school, and cannot move another school’s student into theirs', async () => {
    const schoolsBefore = await count(`SELECT count(*)::int AS n FROM school`);
    const zip = bundle(
      {
        orgs: [ORG_BAYSIDE, 'gc-new,,,Seaside Academy,school,SEASIDE,gc-district'],
        classes: ['new-c1,,,Health 8,08,,H8,scheduled,Room 2,gc-new,sy2027,Health,,1'],
        // Zoe is Palmetto's: a row placing her at Bayside is not the principal's to apply.
        users: ['palm-s-zoe,,,true,gc-bayside,student,zoe.p,,Zoe,Lane,,S1001,,,,,09,'],
        enrollments: [],
      },
      'delta',
    );
    const r = await post(principal, zip, 'dryRun=false');
    expect(r.status).toBe(200);
    expect(r.body.counts.errors).toBe(0);
    expect(r.body.counts.created.schools).toBe(0);
    expect(r.body.counts.updated.students).toBe(0);
    expect(outside(r.body)).toEqual(['classes.csv new-c1', 'orgs.csv gc-new', 'users.csv palm-s-zoe']);
    expect(await count(`SELECT count(*)::int AS n FROM school`)).toBe(schoolsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM school WHERE code = 'SEASIDE'`)).toBe(0);
    const [zoe] = await t.ds.query(`SELECT school_id FROM app_user WHERE username = 'zoe.p'`);
    expect(zoe.school_id).toBe(f.demo.schools.get('PALMETTO')!.id);
  });

  it('Lone Star’s admins cannot touch Gulf Coast', async () => {
    const zip = bundle(
      { orgs: [ORG_BAYSIDE], classes: BAYSIDE_ROWS.classes, users: BAYSIDE_ROWS.users, enrollments: [] },
      'delta',
    );
    const bayside = f.demo.schools.get('BAYSIDE')!.id;
    // The district admin of Lone Star is no school admin: the school route is not theirs.
    const other = await signInStaff(t, 'admin@lonestar.example');
    expect((await post(other, zip, `schoolId=${bayside}`)).status).toBe(403);
    // A school admin of Lone Star's Pecan: Bayside is "not found", and Bayside's rows are outside their school.
    await t.ds.query(
      `INSERT INTO role_grant (user_id, role, district_id, school_id) VALUES ($1, 'school_admin', $2, $3)`,
      [
        f.other.users.get('teacher@lonestar.example')!.id,
        f.other.district.id,
        f.other.schools.get('PECAN')!.id,
      ],
    );
    const pecan = await signInStaff(t, 'teacher@lonestar.example');
    expect((await post(pecan, zip, `schoolId=${bayside}`)).status).toBe(404);
    const r = await post(pecan, zip, 'dryRun=false');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('unchanged');
    expect(outside(r.body)).toEqual([
      'classes.csv bay-h9p6',
      'orgs.csv gc-bayside',
      'users.csv bay-s-nia',
      'users.csv bay-s-omar',
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM roster_source WHERE district_id = $1`, [
        f.other.district.id,
      ]),
    ).toBe(0);
    const runs = await t.gql(pecan, '{ schoolImportRuns { id } }');
    expect(runs.data?.schoolImportRuns).toHaveLength(1);
  });

  it('the school route needs the CSRF header and a school admin', async () => {
    const zip = bundle({ orgs: [ORG_BAYSIDE], classes: [], users: [], enrollments: [] }, 'delta');
    const noHeader = await principal
      .post('/imports/oneroster/school')
      .set('Content-Type', 'application/zip')
      .send(zip);
    expect(noHeader.status).toBe(400);
    for (const email of ['teacher@gulfcoast.example', ADMIN]) {
      const agent = await signInStaff(t, email);
      expect((await post(agent, zip, 'dryRun=true')).status).toBe(403);
    }
  });
});
