import { seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const SAVE = `mutation($i: FacilitatorProfileInput!) { saveMyFacilitatorProfile(input: $i) {
  userId displayName pronouns bio languages listed survivorFacilitator survivorStatement trainings { courseCode } } }`;
const LIST = `mutation($i: SurvivorListingInput!) { listMeAsSurvivorFacilitator(input: $i) { survivorFacilitator survivorStatement } }`;
const WITHDRAW = 'mutation { withdrawSurvivorListing { survivorFacilitator survivorStatement } }';
const DIRECTORY = `{ facilitatorDirectory { displayName pronouns languages survivorFacilitator survivorStatement trainings { courseCode current } } }`;

interface Entry {
  displayName: string;
  survivorFacilitator: boolean;
  survivorStatement: string | null;
  trainings: { courseCode: string; current: boolean }[];
}

describe('facilitator profiles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedFixtures(t.ds);
  });
  afterAll(() => t.close());

  it('a teacher writes their own profile; trainings come from their records', async () => {
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await t.gql(teacher, '{ myFacilitatorProfile { userId } }')).data).toEqual({
      myFacilitatorProfile: null,
    });
    const r = await t.gql<{ saveMyFacilitatorProfile: Record<string, unknown> }>(teacher, SAVE, {
      i: {
        displayName: '  James Okafor ',
        pronouns: 'he/him',
        bio: 'Health teacher.',
        languages: ['en', 'es', 'en'],
        listed: true,
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.saveMyFacilitatorProfile).toMatchObject({
      displayName: 'James Okafor',
      pronouns: 'he/him',
      languages: ['en', 'es'],
      listed: true,
      survivorFacilitator: false,
      survivorStatement: null,
    });
    expect(
      (r.data!.saveMyFacilitatorProfile.trainings as { courseCode: string }[])
        .map((x) => x.courseCode)
        .sort(),
    ).toEqual(['haven-facilitator-basics', 'mandated-reporter']);

    const bad = await t.gql(teacher, SAVE, { i: { displayName: 'x', languages: ['not a tag'] } });
    expect(bad.errors?.[0].message).toBe('each language must be a language tag such as en or es');
    const empty = await t.gql(teacher, SAVE, { i: { displayName: '   ' } });
    expect(empty.errors?.[0].message).toBe('displayName is required');
  });

  it('survivor listing is opt-in, in their own words, and withdrawing removes it at once', async () => {
    const rivera = await signInStaff(t, 'ms.rivera@gulfcoast.example');
    // Nothing to attach it to before a profile exists.
    const early = await t.gql(rivera, LIST, { i: { statement: 'I am a survivor.' } });
    expect(early.errors?.[0].message).toBe('Save your facilitator profile first.');
    await t.gql(rivera, SAVE, { i: { displayName: 'Sofia Rivera', languages: ['es'], listed: true } });

    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const dir0 = await t.gql<{ facilitatorDirectory: Entry[] }>(admin, DIRECTORY);
    expect(dir0.data!.facilitatorDirectory.find((e) => e.displayName === 'Sofia Rivera')).toMatchObject({
      survivorFacilitator: false,
      survivorStatement: null,
    });

    const statement = 'I share my experience to help students recognise recruitment.';
    const listed = await t.gql(rivera, LIST, { i: { statement } });
    expect(listed.data).toEqual({
      listMeAsSurvivorFacilitator: { survivorFacilitator: true, survivorStatement: statement },
    });
    const dir1 = await t.gql<{ facilitatorDirectory: Entry[] }>(admin, DIRECTORY);
    expect(dir1.data!.facilitatorDirectory.find((e) => e.displayName === 'Sofia Rivera')).toMatchObject({
      survivorFacilitator: true,
      survivorStatement: statement,
    });
    // Saving the rest of the profile keeps the listing (it is only changed by the owner's explicit choice).
    await t.gql(rivera, SAVE, {
      i: { displayName: 'Sofia Rivera', bio: 'Grade 3.', languages: ['es', 'en'], listed: true },
    });
    expect(
      (await t.gql<{ myFacilitatorProfile: Entry }>(rivera, '{ myFacilitatorProfile { survivorStatement } }'))
        .data!.myFacilitatorProfile.survivorStatement,
    ).toBe(statement);

    const w = await t.gql(rivera, WITHDRAW);
    expect(w.data).toEqual({
      withdrawSurvivorListing: { survivorFacilitator: false, survivorStatement: null },
    });
    const stored = await t.ds.query(
      `SELECT survivor_statement FROM facilitator_profile WHERE display_name = 'Sofia Rivera'`,
    );
    expect(stored).toEqual([{ survivor_statement: null }]);
    const dir2 = await t.gql<{ facilitatorDirectory: Entry[] }>(admin, DIRECTORY);
    expect(JSON.stringify(dir2.data)).not.toContain(statement);
    // The audit trail records the choices, never the text.
    const audit = await t.ds.query(
      `SELECT action, detail FROM audit_event WHERE action LIKE 'facilitator.survivor.%' ORDER BY id`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'facilitator.survivor.list',
      'facilitator.survivor.withdraw',
    ]);
    expect(JSON.stringify(audit)).not.toContain(statement);
  });

  it('the directory shows listed profiles of the caller’s district only, with current trainings', async () => {
    const principal = await signInStaff(t, 'principal@gulfcoast.example');
    await t.gql(principal, SAVE, { i: { displayName: 'David Chen', listed: false } });
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    const dir = await t.gql<{ facilitatorDirectory: Entry[] }>(teacher, DIRECTORY);
    expect(dir.errors).toBeUndefined();
    expect(dir.data!.facilitatorDirectory.map((e) => e.displayName)).toEqual([
      'James Okafor',
      'Sofia Rivera',
    ]);
    expect(dir.data!.facilitatorDirectory.every((e) => e.trainings.every((x) => x.current))).toBe(true);

    const texan = await signInStaff(t, 'teacher@lonestar.example');
    expect(
      (await t.gql<{ facilitatorDirectory: Entry[] }>(texan, DIRECTORY)).data!.facilitatorDirectory,
    ).toEqual([]);
  });

  it('nobody can edit another’s profile or set their survivor status: there is no way to name them', async () => {
    const admin = await signInStaff(t, 'admin@gulfcoast.example');
    const rivera = (
      await t.ds.query(`SELECT user_id FROM facilitator_profile WHERE display_name = 'Sofia Rivera'`)
    )[0].user_id;
    const forOther = await t.gql(
      admin,
      `mutation { saveMyFacilitatorProfile(input: { userId: "${rivera}", displayName: "Changed", listed: true }) { userId } }`,
    );
    expect(forOther.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(forOther.errors?.[0].message).toMatch(/Field "userId" is not defined/);
    const statusForOther = await t.gql(
      admin,
      `mutation { listMeAsSurvivorFacilitator(input: { statement: "x", userId: "${rivera}" }) { survivorFacilitator } }`,
    );
    expect(statusForOther.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // The admin's own calls change only the admin's own (absent) profile.
    expect((await t.gql(admin, LIST, { i: { statement: 'x' } })).errors?.[0].message).toBe(
      'Save your facilitator profile first.',
    );
    const [row] = await t.ds.query(
      `SELECT display_name, survivor_statement FROM facilitator_profile WHERE user_id = $1`,
      [rivera],
    );
    expect(row).toEqual({ display_name: 'Sofia Rivera', survivor_statement: null });
    // Students and authors have no facilitator profile.
    const author = await signInStaff(t, 'author@gulfcoast.example');
    expect((await t.gql(author, SAVE, { i: { displayName: 'A' } })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
