import { seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { AuditEvent } from '../audit/audit-event.entity';
import { UserSession } from './session.entity';

const SIGN_IN =
  'mutation($i: StaffSignInInput!) { signIn(input: $i) { displayName roles home school { name } district { name } } }';
const STUDENT_SIGN_IN =
  'mutation($i: StudentSignInInput!) { studentSignIn(input: $i) { displayName roles home kind school { code } } }';
const ME = '{ me { displayName roles home preferredLanguage } }';

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedFixtures(t.ds);
  });
  afterAll(() => t.close());

  it('signs a teacher in with an httpOnly, SameSite session cookie and knows them afterwards', async () => {
    const agent = t.agent();
    const r = await t.gql(agent, SIGN_IN, {
      i: { email: 'Teacher@GulfCoast.example', password: 'haven-demo-2026' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      signIn: {
        displayName: 'Mr. James Okafor',
        roles: ['teacher'],
        home: '/teacher',
        school: { name: 'Bayside Secondary School' },
        district: { name: 'Gulf Coast County Schools' },
      },
    });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/haven_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.gql(agent, ME);
    expect(me.data).toEqual({
      me: { displayName: 'Mr. James Okafor', roles: ['teacher'], home: '/teacher', preferredLanguage: 'en' },
    });
  });

  it('stores only a hash of the session token', async () => {
    const agent = t.agent();
    const r = await t.gql(agent, SIGN_IN, {
      i: { email: 'admin@gulfcoast.example', password: 'haven-demo-2026' },
    });
    const token = /haven_session=([^;]+)/.exec(String(r.headers['set-cookie']))![1];
    const sessions = await t.ds.getRepository(UserSession).find();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);
  });

  it('knows nobody from an expired session or a disabled account', async () => {
    const expired = await signInStaff(t, 'principal@gulfcoast.example');
    await t.ds.query(
      `UPDATE user_session SET expires_at = now() - interval '1 minute'
        WHERE user_id = (SELECT id FROM app_user WHERE email = 'principal@gulfcoast.example')`,
    );
    expect((await t.gql(expired, ME)).data).toEqual({ me: null });

    const disabled = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE email = 'ms.rivera@gulfcoast.example'`);
    try {
      expect((await t.gql(disabled, ME)).data).toEqual({ me: null });
    } finally {
      await t.ds.query(`UPDATE app_user SET disabled_at = NULL WHERE email = 'ms.rivera@gulfcoast.example'`);
    }
  });

  it('gives one generic error for a wrong password and for an unknown email', async () => {
    const wrong = await t.gql(t.agent(), SIGN_IN, {
      i: { email: 'teacher@gulfcoast.example', password: 'nope' },
    });
    const unknown = await t.gql(t.agent(), SIGN_IN, {
      i: { email: 'nobody@gulfcoast.example', password: 'nope' },
    });
    for (const r of [wrong, unknown]) {
      expect(r.data).toBeNull();
      expect(r.errors?.[0].message).toBe('Email or password is incorrect.');
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('signs a student in with school code, username and PIN, with no email', async () => {
    const agent = t.agent();
    const r = await t.gql(agent, STUDENT_SIGN_IN, {
      i: { schoolCode: 'bayside', username: 'Maya', secret: '2468' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      studentSignIn: {
        displayName: 'Maya',
        roles: ['student'],
        home: '/student',
        kind: 'student',
        school: { code: 'BAYSIDE' },
      },
    });
    const classes = await t.gql<{ myClasses: { name: string }[] }>(
      agent,
      '{ myClasses { name gradeLevels } }',
    );
    expect(classes.data?.myClasses).toEqual([{ name: 'Health 7, Period 2', gradeLevels: [7] }]);
  });

  it('refuses an unknown school code, a wrong PIN and a student of another school with the same message', async () => {
    const cases = [
      { schoolCode: 'NOSUCH', username: 'maya', secret: '2468' },
      { schoolCode: 'BAYSIDE', username: 'maya', secret: '0000' },
      { schoolCode: 'PALMETTO', username: 'maya', secret: '2468' },
    ];
    for (const i of cases) {
      const r = await t.gql(t.agent(), STUDENT_SIGN_IN, { i });
      expect(r.errors?.[0].message).toBe('School code, username or PIN is incorrect.');
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('locks an account after five failed attempts, even with the right password', async () => {
    const i = { email: 'reviewer@gulfcoast.example', password: 'wrong' };
    for (let n = 0; n < 5; n++) await t.gql(t.agent(), SIGN_IN, { i });
    const r = await t.gql(t.agent(), SIGN_IN, { i: { ...i, password: 'haven-demo-2026' } });
    expect(r.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(r.errors?.[0].message).toMatch(/Too many sign-in attempts/);
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const agent = await signInStaff(t, 'principal@gulfcoast.example');
    expect((await t.gql(agent, ME)).data).toMatchObject({ me: { roles: ['school_admin'] } });
    const out = await t.gql(agent, 'mutation { signOut }');
    expect(out.data).toEqual({ signOut: true });
    expect((await t.gql(agent, ME)).data).toEqual({ me: null });
  });

  it('answers me with null when nobody is signed in, and ignores a forged cookie', async () => {
    expect((await t.gql(t.agent(), ME)).data).toEqual({ me: null });
    const forged = t.agent().set('Cookie', `haven_session=${'a'.repeat(43)}`);
    expect((await t.gql(forged, ME)).data).toEqual({ me: null });
  });

  it('remembers a preferred language and validates it', async () => {
    const agent = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    const ok = await t.gql(agent, 'mutation { setPreferredLanguage(language: "es") { preferredLanguage } }');
    expect(ok.data).toEqual({ setPreferredLanguage: { preferredLanguage: 'es' } });
    expect((await t.gql(agent, ME)).data).toMatchObject({ me: { preferredLanguage: 'es' } });
    const bad = await t.gql(
      agent,
      'mutation { setPreferredLanguage(language: "klingon") { preferredLanguage } }',
    );
    expect(bad.errors?.[0]).toMatchObject({
      message: 'language must be en or es',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('audits sign-ins and failed attempts', async () => {
    const events = await t.ds.getRepository(AuditEvent).find();
    expect(events.some((e) => e.action === 'sign_in' && e.actorId)).toBe(true);
    expect(events.some((e) => e.action === 'sign_in.failed' && e.actorId === null)).toBe(true);
  });
});
