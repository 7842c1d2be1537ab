import { ClassSection } from '../identity/class-section.entity';
import { seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { MAX_DEPTH } from './complexity.plugin';

describe('GraphQL guarded against abuse and bad input', () => {
  let t: TestApp;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = await seedFixtures(t.ds);
    schoolId = f.demo.schools.get('BAYSIDE')!.id;
  });
  afterAll(() => t.close());

  it('answers malformed GraphQL with a parse error and no stack trace', async () => {
    const r = await t.gql(t.agent(), '{ me { id ');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('refuses a query deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < MAX_DEPTH; i++)
      selection = `school { district { schools { classes { ${selection} } } } }`;
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql(agent, `{ classes { ${selection} } }`);
    expect(r.errors?.[0].message).toMatch(/exceeds maximum operation depth/);
    expect(r.data ?? null).toBeNull();
  });

  it('refuses a query whose cost is too high', async () => {
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql(
      agent,
      '{ schools(first: 200) { classes(first: 200) { students(first: 200) { id } } } }',
    );
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs a query again when its variables change the cost (the same text, remembered or not)', async () => {
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const query =
      'query Nested($n: Int!) { schools(first: $n) { classes(first: $n) { students(first: $n) { id } } } }';
    const cheap = await t.gql(agent, query, { n: 2 });
    expect(cheap.errors).toBeUndefined();
    const costly = await t.gql(agent, query, { n: 200 });
    expect(costly.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const fixed = '{ schools(first: 200) { classes(first: 200) { students(first: 200) { id } } } }';
    for (let i = 0; i < 2; i++)
      expect((await t.gql(agent, fixed)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('bounds list arguments', async () => {
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const r = await t.gql(agent, '{ schools(first: 1000) { id } }');
    expect(r.errors?.[0]).toMatchObject({
      message: 'first must be at most 200',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const zero = await t.gql(agent, '{ schools(first: 0) { id } }');
    expect(zero.errors?.[0].message).toBe('first must be at least 1');
  });

  it('blocks cross-site requests that a browser could send without a preflight (CSRF)', async () => {
    const res = await t
      .agent()
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ me { id } }' }));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/i);
  });

  it('validates inputs with clear messages and writes nothing when refused', async () => {
    const agent = await signInStaff(t, 'principal@gulfcoast.example');
    const before = await t.ds.getRepository(ClassSection).count();
    const create = 'mutation($i: CreateClassInput!) { createClass(input: $i) { id name gradeLevels } }';
    const bad = await t.gql(agent, create, {
      i: { schoolId, name: '', gradeLevels: [13], schoolYear: '2026' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('name must be 1 to 120 characters');
    expect(bad.errors?.[0].message).toContain('gradeLevels must be from 0 (K) to 12');
    expect(bad.errors?.[0].message).toContain('schoolYear must look like 2026-2027');
    const wrongSchoolGrade = await t.gql(agent, create, {
      i: { schoolId, name: 'Grade 3', gradeLevels: [3], schoolYear: '2026-2027' },
    });
    expect(wrongSchoolGrade.errors?.[0].message).toMatch(
      /gradeLevels 3 are not taught at Bayside Secondary School/,
    );
    const wrongYear = await t.gql(agent, create, {
      i: { schoolId, name: 'Health 8', gradeLevels: [8], schoolYear: '2026-2030' },
    });
    expect(wrongYear.errors?.[0].message).toMatch(/two consecutive years/);
    expect(await t.ds.getRepository(ClassSection).count()).toBe(before);

    const ok = await t.gql(agent, create, {
      i: { schoolId, name: 'Health 8, Period 1', gradeLevels: [8, 8], schoolYear: '2026-2027' },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toMatchObject({ createClass: { name: 'Health 8, Period 1', gradeLevels: [8] } });
    expect(await t.ds.getRepository(ClassSection).count()).toBe(before + 1);
  });

  it('hides unexpected server errors behind a generic message', async () => {
    const agent = await signInStaff(t, 'admin@gulfcoast.example');
    const spy = jest.spyOn(t.ds, 'query').mockRejectedValueOnce(new Error('secret internal detail'));
    const r = await t.gql(agent, '{ schools { name classCount } }');
    spy.mockRestore();
    expect(r.errors?.[0].message).toBe('Something went wrong on our side. Please try again.');
    expect(r.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(r)).not.toContain('secret internal detail');
  });

  it('reports health with the database state', async () => {
    const res = await t.agent().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });
});
