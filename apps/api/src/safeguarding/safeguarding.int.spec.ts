import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { Fixtures, seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { TALK_REQUESTS_PER_HOUR } from './safeguarding.service';

const MODULE = 'online-safety-6-8';
const ASK = 'mutation($i: AskToTalkInput) { askToTalk(input: $i) { message } }';
const ALERTS = `query($status: String!) { safeguardingAlerts(status: $status) {
  id kind schoolName studentName gradeLevel classNames text categories createdAt acknowledgedAt acknowledgedByName notes } }`;
const SUBMIT = `mutation($i: SubmitProgressInput!) { submitProgress(input: $i) {
  results { outcome code message } progress { status stepIndex completedSteps reflections { promptId text } } } }`;

interface Alert {
  id: string;
  kind: string;
  schoolName: string;
  studentName: string;
  gradeLevel: number | null;
  classNames: string[];
  text: string | null;
  categories: string[];
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  notes: string | null;
}

describe('safeguarding: talk requests and concerning reflections reach designated staff only', () => {
  let t: TestApp;
  let f: Fixtures;
  let assignmentId: string;
  let kai: TestAgent;
  let maya: TestAgent;
  let counsellor: TestAgent;

  const alertsOf = async (agent: TestAgent, status = 'open'): Promise<Alert[]> => {
    const r = await t.gql<{ safeguardingAlerts: Alert[] }>(agent, ALERTS, { status });
    expect(r.errors).toBeUndefined();
    return r.data!.safeguardingAlerts;
  };
  const reflect = (agent: TestAgent, text: string) =>
    t.gql<{ submitProgress: { results: unknown[]; progress: { reflections: { text: string }[] } } }>(
      agent,
      SUBMIT,
      {
        i: {
          assignmentId,
          events: [
            { id: randomUUID(), kind: 'reflection', at: new Date().toISOString(), promptId: 'p1', text },
          ],
        },
      },
    );
  const alertCount = async (): Promise<number> =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM safeguarding_alert`))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedFixtures(t.ds);
    const report = await t.app.get(CurriculumLoader).loadDirectory(join(__dirname, '../../../../curricula'));
    expect(report.refused).toEqual([]);
    // Designated staff elsewhere: Palmetto's teacher (same district, other school) and Pecan's (other district).
    const users = f.demo.users;
    await t.ds.query(`INSERT INTO safeguarding_designee (school_id, user_id) VALUES ($1, $2), ($3, $4)`, [
      f.demo.schools.get('PALMETTO')!.id,
      users.get('ms.rivera@gulfcoast.example')!.id,
      f.other.schools.get('PECAN')!.id,
      f.other.users.get('teacher@lonestar.example')!.id,
    ]);
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{ assignModule: { id: string } }>(
      teacher,
      'mutation($i: AssignModuleInput!) { assignModule(input: $i) { id } }',
      { i: { classId: f.demo.classes.get('Health 7, Period 2')!.id, moduleId: MODULE } },
    );
    expect(r.errors).toBeUndefined();
    assignmentId = r.data!.assignModule.id;
    kai = await signInStudent(t, 'BAYSIDE', 'kai', '5656');
    maya = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    counsellor = await signInStaff(t, 'counsellor@gulfcoast.example');
  });
  afterAll(() => t.close());

  it('tells the designated counsellor at once when a student asks to talk, and audits every read', async () => {
    expect((await t.gql(counsellor, '{ safeguardingInbox { designated openAlerts } }')).data).toEqual({
      safeguardingInbox: { designated: true, openAlerts: 0 },
    });
    const r = await t.gql(kai, ASK, { i: { message: 'Can I talk to someone about home?' } });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ askToTalk: { message: 'A trusted adult at your school will follow up.' } });

    expect((await t.gql(counsellor, '{ safeguardingInbox { designated openAlerts } }')).data).toEqual({
      safeguardingInbox: { designated: true, openAlerts: 1 },
    });
    const [alert, ...rest] = await alertsOf(counsellor);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'talk-request',
      schoolName: 'Bayside Secondary School',
      studentName: 'Kai',
      gradeLevel: 7,
      classNames: ['Health 7, Period 2'],
      text: 'Can I talk to someone about home?',
      categories: [],
      acknowledgedAt: null,
    });
    const audits: { actor_id: string; detail: { kind: string } }[] = await t.ds.query(
      `SELECT actor_id, detail FROM audit_event WHERE action = 'safeguarding.alert.read' AND target_id = $1`,
      [alert.id],
    );
    expect(audits).toEqual([
      { actor_id: f.demo.users.get('counsellor@gulfcoast.example')!.id, detail: expect.any(Object) },
    ]);
    await alertsOf(counsellor);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'safeguarding.alert.read' AND target_id = $1`,
      [alert.id],
    );
    expect(n).toBe(2);
  });

  it('answers a student the same way with or without a message, and never says what matched', async () => {
    const plain = await t.gql(kai, ASK);
    const concerning = await t.gql(kai, ASK, { i: { message: 'my uncle took my passport' } });
    expect(plain.errors).toBeUndefined();
    expect(plain.data).toEqual(concerning.data);
    expect(plain.status).toBe(concerning.status);
    expect(plain.headers['content-length']).toBe(concerning.headers['content-length']);
    const alerts = await alertsOf(counsellor);
    expect(alerts.map((a) => [a.text, a.categories])).toEqual([
      ['Can I talk to someone about home?', []],
      [null, []],
      ['my uncle took my passport', ['control']],
    ]);
  });

  it('keeps at most a few new talk requests an hour, adding later messages to the latest, same answer', async () => {
    expect(TALK_REQUESTS_PER_HOUR).toBe(3);
    const before = await alertCount();
    const limited = await t.gql(kai, ASK, { i: { message: 'one more thing: I want to run away' } });
    expect(limited.data).toEqual({
      askToTalk: { message: 'A trusted adult at your school will follow up.' },
    });
    expect(await alertCount()).toBe(before);
    const latest = (await alertsOf(counsellor)).at(-1)!;
    expect(latest.text).toBe('my uncle took my passport\n\none more thing: I want to run away');
    expect(latest.categories).toEqual(['control', 'running-away']);
  });

  it('raises an alert for a concerning reflection without changing what the student gets back', async () => {
    const before = await alertCount();
    const harmless = await reflect(maya, 'I would tell my aunt and call the hotline.');
    expect(await alertCount()).toBe(before);
    const concerning = await reflect(maya, 'Mi padrastro me pega y no me deja salir.');
    expect(await alertCount()).toBe(before + 1);

    expect(harmless.errors).toBeUndefined();
    expect(concerning.errors).toBeUndefined();
    expect(concerning.data!.submitProgress.results).toEqual(harmless.data!.submitProgress.results);
    expect(concerning.data!.submitProgress.results).toEqual([
      { outcome: 'accepted', code: null, message: null },
    ]);
    const { reflections, ...restConcerning } = concerning.data!.submitProgress.progress;
    const { reflections: earlier, ...restHarmless } = harmless.data!.submitProgress.progress;
    expect(restConcerning).toEqual(restHarmless);
    expect(reflections.map((r) => r.text)).toEqual([
      ...earlier.map((r) => r.text),
      'Mi padrastro me pega y no me deja salir.',
    ]);

    const mayaAlert = (await alertsOf(counsellor)).find((a) => a.studentName === 'Maya');
    expect(mayaAlert).toMatchObject({
      kind: 'concerning-phrase',
      text: 'Mi padrastro me pega y no me deja salir.',
      categories: ['abuse', 'control'],
      classNames: ['Health 7, Period 2'],
    });
  });

  it('gives nothing to designated staff of another school or district, nor to admins who are not designated', async () => {
    const [anAlert] = await alertsOf(counsellor);
    for (const email of [
      'ms.rivera@gulfcoast.example', // designated at Palmetto, same district
      'teacher@lonestar.example', // designated at Pecan, another district
      'principal@gulfcoast.example', // Bayside's school admin, not designated
      'admin@gulfcoast.example', // the district admin
      'teacher@gulfcoast.example', // the students' own teacher
      'platform@haven.example',
    ]) {
      const agent = await signInStaff(t, email);
      expect(await alertsOf(agent)).toEqual([]);
      expect(await alertsOf(agent, 'acknowledged')).toEqual([]);
      const inbox = await t.gql<{ safeguardingInbox: { designated: boolean; openAlerts: number } }>(
        agent,
        '{ safeguardingInbox { designated openAlerts } }',
      );
      expect(inbox.data!.safeguardingInbox.openAlerts).toBe(0);
      const ack = await t.gql(
        agent,
        'mutation($i: AcknowledgeAlertInput!) { acknowledgeSafeguardingAlert(input: $i) { id } }',
        { i: { alertId: anAlert.id, note: 'Not mine to see' } },
      );
      expect(ack.errors?.[0]).toMatchObject({
        message: 'Alert was not found.',
        extensions: { code: 'NOT_FOUND' },
      });
    }
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    expect((await t.gql(rivera, '{ safeguardingInbox { designated } }')).data).toEqual({
      safeguardingInbox: { designated: true },
    });
    const student = await t.gql(kai, '{ safeguardingAlerts { id } }');
    expect(student.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the teacher a flag, with no text or category', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{
      assignmentProgress: { students: { student: { username: string }; needsFollowUp: boolean }[] };
    }>(
      teacher,
      `{ assignmentProgress(assignmentId: "${assignmentId}") { students { student { username } needsFollowUp } } }`,
    );
    expect(r.errors).toBeUndefined();
    const flags = Object.fromEntries(
      r.data!.assignmentProgress.students.map((s) => [s.student.username, s.needsFollowUp]),
    );
    expect(flags).toEqual({ ana: false, jordan: false, kai: true, maya: true, noah: false });
    // The whole progress view, reflections included, never carries a talk request's message.
    const full = await t.gql(
      teacher,
      `{ assignmentProgress(assignmentId: "${assignmentId}") { students { student { username } needsFollowUp reflections { text } } } }`,
    );
    expect(JSON.stringify(full.data)).not.toMatch(/passport|talk to someone|run away/);
  });

  it('lets the counsellor acknowledge an alert with a note, once, audited; the flag clears when none is open', async () => {
    const open = await alertsOf(counsellor);
    const ACK = `mutation($i: AcknowledgeAlertInput!) { acknowledgeSafeguardingAlert(input: $i) {
      id acknowledgedAt acknowledgedByName notes } }`;
    const short = await t.gql(counsellor, ACK, { i: { alertId: open[0].id, note: ' ' } });
    expect(short.errors?.[0].message).toMatch(/Write a short note/);

    for (const a of open.filter((x) => x.studentName === 'Kai')) {
      const r = await t.gql<{ acknowledgeSafeguardingAlert: Alert }>(counsellor, ACK, {
        i: { alertId: a.id, note: 'Met Kai; followed the school protocol.' },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.acknowledgeSafeguardingAlert).toMatchObject({
        id: a.id,
        acknowledgedByName: 'Ms. Dana Brooks',
        notes: 'Met Kai; followed the school protocol.',
        acknowledgedAt: expect.any(String),
      });
    }
    const again = await t.gql(counsellor, ACK, { i: { alertId: open[0].id, note: 'Twice' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    expect((await alertsOf(counsellor)).map((a) => a.studentName)).toEqual(['Maya']);
    expect((await alertsOf(counsellor, 'acknowledged')).map((a) => a.studentName)).toEqual([
      'Kai',
      'Kai',
      'Kai',
    ]);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'safeguarding.alert.acknowledge'`,
    );
    expect(n).toBe(3);

    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{
      assignmentProgress: { students: { student: { username: string }; needsFollowUp: boolean }[] };
    }>(
      teacher,
      `{ assignmentProgress(assignmentId: "${assignmentId}") { students { student { username } needsFollowUp } } }`,
    );
    const kaiRow = r.data!.assignmentProgress.students.find((s) => s.student.username === 'kai')!;
    expect(kaiRow.needsFollowUp).toBe(false);
  });

  it("lets the school's admins name designated staff from the school's staff only", async () => {
    const bayside = f.demo.schools.get('BAYSIDE')!.id;
    const STAFF = `query($id: ID!) { schoolSafeguardingStaff(schoolId: $id) {
      schoolName designees { displayName title } candidates { userId displayName roles } } }`;
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    const r = await t.gql<{
      schoolSafeguardingStaff: {
        designees: { displayName: string; title: string | null }[];
        candidates: { userId: string; displayName: string; roles: string[] }[];
      };
    }>(principal, STAFF, { id: bayside });
    expect(r.errors).toBeUndefined();
    expect(r.data!.schoolSafeguardingStaff.designees).toEqual([
      { displayName: 'Ms. Dana Brooks', title: 'School counsellor' },
    ]);
    expect(r.data!.schoolSafeguardingStaff.candidates.map((c) => [c.displayName, c.roles])).toEqual([
      ['Mr. David Chen', ['school_admin']],
      ['Mr. James Okafor', ['teacher']],
    ]);

    const DESIGNATE = `mutation($i: DesignateSafeguardingStaffInput!) { designateSafeguardingStaff(input: $i) {
      designees { displayName title } } }`;
    const okafor = f.demo.users.get('teacher@gulfcoast.example')!.id;
    const added = await t.gql<{ designateSafeguardingStaff: { designees: unknown[] } }>(
      principal,
      DESIGNATE,
      { i: { schoolId: bayside, userId: okafor, title: 'Safeguarding lead' } },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.designateSafeguardingStaff.designees).toEqual([
      { displayName: 'Mr. James Okafor', title: 'Safeguarding lead' },
      { displayName: 'Ms. Dana Brooks', title: 'School counsellor' },
    ]);
    // Newly designated: sees the school's open alerts.
    expect((await alertsOf(await signInStaff(t, 'teacher@gulfcoast.example'))).length).toBe(1);

    for (const userId of [
      f.demo.users.get('ms.rivera@gulfcoast.example')!.id, // another school's teacher
      f.demo.users.get('BAYSIDE:kai')!.id, // a student
      randomUUID(),
    ]) {
      const refused = await t.gql(principal, DESIGNATE, { i: { schoolId: bayside, userId } });
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const removed = await t.gql(
      principal,
      `mutation($i: RemoveSafeguardingDesigneeInput!) { removeSafeguardingDesignee(input: $i) { designees { displayName } } }`,
      { i: { schoolId: bayside, userId: okafor } },
    );
    expect(removed.data).toEqual({
      removeSafeguardingDesignee: { designees: [{ displayName: 'Ms. Dana Brooks' }] },
    });
    const actions: { action: string }[] = await t.ds.query(
      `SELECT action FROM audit_event WHERE action LIKE 'safeguarding.designee.%' ORDER BY id`,
    );
    expect(actions.map((a) => a.action).sort()).toEqual([
      'safeguarding.designee.add',
      'safeguarding.designee.remove',
    ]);

    // The district admin manages it too; another district's admin and Palmetto's teacher see nothing.
    const districtAdmin = await signInStaff(t, 'admin@gulfcoast.example');
    expect((await t.gql(districtAdmin, STAFF, { id: bayside })).errors).toBeUndefined();
    const otherAdmin = await signInStaff(t, 'admin@lonestar.example');
    expect((await t.gql(otherAdmin, STAFF, { id: bayside })).data).toEqual({ schoolSafeguardingStaff: null });
    const outsider = await t.gql(otherAdmin, DESIGNATE, { i: { schoolId: bayside, userId: okafor } });
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
