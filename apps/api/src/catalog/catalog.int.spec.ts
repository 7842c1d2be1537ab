import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listModuleDirs } from '@haven/curriculum';
import { seedFixtures, signInStaff, signInStudent } from '../testing/fixtures';
import { createTestApp, TestApp } from '../testing/test-app';
import { CurriculumLoader } from './curriculum-loader';
import { ModuleVersionEntity } from './module-version.entity';

const CURRICULA = join(__dirname, '../../../../curricula');

describe('curriculum catalog', () => {
  let t: TestApp;
  let loader: CurriculumLoader;
  let shipped: number;
  const work = mkdtempSync(join(tmpdir(), 'haven-curricula-'));

  beforeAll(async () => {
    t = await createTestApp();
    await seedFixtures(t.ds);
    loader = t.app.get(CurriculumLoader);
    shipped = (await listModuleDirs(CURRICULA)).length;
    cpSync(CURRICULA, work, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads every shipped module once, and a second load changes nothing', async () => {
    const first = await loader.loadDirectory(work);
    expect(first.refused).toEqual([]);
    expect(first.loaded).toHaveLength(shipped);
    const second = await loader.loadDirectory(work);
    expect(second).toEqual({ loaded: [], unchanged: first.loaded, refused: [] });
    expect(await t.ds.getRepository(ModuleVersionEntity).count()).toBe(shipped);
  });

  it('refuses a changed module whose version did not change, and keeps the stored one', async () => {
    const moduleYaml = join(work, 'online-safety-6-8/module.yaml');
    const original = readFileSync(moduleYaml, 'utf8');
    writeFileSync(moduleYaml, original.replace('estimatedMinutes: ', 'estimatedMinutes: 1'));
    const report = await loader.loadDirectory(work);
    expect(report.loaded).toEqual([]);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0].module).toMatch(/^online-safety-6-8@/);
    expect(report.refused[0].reason).toMatch(
      /files changed but its version is still .*raise "version" in module\.yaml/,
    );

    // Raising the version adds a new version; the old one stays readable.
    const version = /^version: (.+)$/m.exec(original)![1];
    const [major, minor] = version.split('.');
    writeFileSync(
      moduleYaml,
      original
        .replace('estimatedMinutes: ', 'estimatedMinutes: 1')
        .replace(/^version: .+$/m, `version: ${major}.${Number(minor) + 1}.0`),
    );
    const bumped = await loader.loadDirectory(work);
    expect(bumped.loaded).toEqual([`online-safety-6-8@${major}.${Number(minor) + 1}.0`]);

    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{
      latest: { version: string; versions: string[] };
      old: { version: string; estimatedMinutes: number };
    }>(
      agent,
      `{ latest: moduleVersion(moduleId: "online-safety-6-8") { version versions }
         old: moduleVersion(moduleId: "online-safety-6-8", version: "${version}") { version estimatedMinutes } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.latest).toEqual({
      version: `${major}.${Number(minor) + 1}.0`,
      versions: [`${major}.${Number(minor) + 1}.0`, version],
    });
    expect(r.data!.old.version).toBe(version);
  });

  it('refuses a module that does not validate, naming file, line and column', async () => {
    const broken = join(work, 'broken-module');
    cpSync(join(CURRICULA, 'online-safety-6-8'), broken, { recursive: true });
    const y = join(broken, 'module.yaml');
    writeFileSync(
      y,
      readFileSync(y, 'utf8')
        .replace('id: online-safety-6-8', 'id: broken-module')
        .replace(/^gradeBand: .+$/m, 'gradeBand: 13-14'),
    );
    const report = await loader.loadDirectory(work);
    const refusal = report.refused.find((r) => r.module.endsWith('broken-module'));
    expect(refusal?.reason).toMatch(/module\.yaml:\d+:\d+ error/);
    expect(await t.ds.query(`SELECT 1 FROM module_version WHERE module_id = 'broken-module'`)).toEqual([]);
    rmSync(broken, { recursive: true, force: true });
  });

  it('keeps stored versions immutable in the database itself', async () => {
    await expect(t.ds.query(`UPDATE module_version SET estimated_minutes = 1`)).rejects.toThrow(/immutable/);
  });

  it('filters the catalog by band, grade, language and topic', async () => {
    const agent = await signInStaff(t, 'author@gulfcoast.example');
    const q = async (
      args: string,
    ): Promise<
      {
        moduleId: string;
        gradeBand: string;
        grades: number[];
        languages: string[];
        topics: { tag: string }[];
      }[]
    > => {
      const r = await t.gql<{ modules: never[] }>(
        agent,
        `{ modules${args} { moduleId gradeBand grades languages topics { tag label } } }`,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.modules;
    };
    const all = await q('');
    expect(all).toHaveLength(shipped);
    const middle = await q('(gradeBand: "6-8")');
    expect(middle.length).toBeGreaterThan(0);
    expect(middle.every((m) => m.gradeBand === '6-8')).toBe(true);
    const grade10 = await q('(grade: 10)');
    expect(grade10.length).toBeGreaterThan(0);
    expect(grade10.every((m) => m.grades.includes(10))).toBe(true);
    const spanish = await q('(language: "es")');
    expect(spanish.every((m) => m.languages.includes('es'))).toBe(true);
    const online = await q('(topic: "online-safety")');
    expect(online.length).toBeGreaterThan(0);
    expect(online.every((m) => m.topics.some((tp) => tp.tag === 'online-safety'))).toBe(true);
    expect(await q('(language: "fr")')).toEqual([]);
    const bad = await t.gql(agent, '{ modules(gradeBand: "13-14") { moduleId } }');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toMatch(/gradeBand must be one of K-2, 3-5, 6-8, 9-12/);
  });

  it('opens a module version with lessons, scenarios and assessments, in Spanish, with safe HTML and no answers', async () => {
    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{
      moduleVersion: {
        language: string;
        title: string;
        objectives: string[];
        contentWarnings: { text: string }[];
        lessons: {
          title: string;
          blocks: { kind: string; html: string }[];
          facilitatorNotes: { html: string }[];
        }[];
        scenarios: { nodeCount: number; endingCount: number; nodes: { choices: { next: string }[] }[] }[];
        assessments: { kind: string; items: { prompt: string; options: { text: string }[] }[] }[];
        sequence: { kind: string; id: string }[];
      };
    }>(
      agent,
      `{ moduleVersion(moduleId: "online-safety-6-8", displayLanguage: "es") {
          language title objectives contentWarnings { topic text } sequence { kind id }
          lessons { title minutes blocks { kind title html } facilitatorNotes { html } }
          scenarios { title start nodeCount endingCount nodes { id speakerName text ending { outcome debrief } choices { id text next feedback tags } } }
          assessments { kind title items { id type construct prompt sensitive options { id text } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const v = r.data!.moduleVersion;
    expect(v.language).toBe('es');
    expect(v.title).toMatch(/seguridad/i);
    expect(v.objectives.length).toBeGreaterThan(0);
    expect(v.lessons.length).toBeGreaterThanOrEqual(2);
    const html = v.lessons.flatMap((l) => l.blocks.map((b) => b.html)).join('\n');
    expect(html).toMatch(/<p>/);
    expect(html).not.toMatch(/<script|onerror=|javascript:/i);
    expect(html).toContain('1-888-373-7888');
    expect(v.lessons.some((l) => l.facilitatorNotes.length > 0)).toBe(true);
    expect(v.lessons.flatMap((l) => l.blocks).some((b) => b.kind === 'facilitator-notes')).toBe(false);
    expect(v.scenarios[0].endingCount).toBeGreaterThan(0);
    expect(v.assessments.map((a) => a.kind).sort()).toEqual(['post', 'pre']);
    expect(JSON.stringify(v.assessments)).not.toMatch(/answer|correct/i);
    expect(v.sequence[0]).toEqual({ kind: 'assessment', id: 'pre' });
  });

  it('gives teachers the parent letter in each language of the module', async () => {
    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql<{ moduleVersion: { en: string; es: string } }>(
      agent,
      '{ moduleVersion(moduleId: "online-safety-6-8") { en: parentNotice(language: "en") es: parentNotice(language: "es") } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.moduleVersion.en).toMatch(/^Dear parent or guardian/);
    expect(r.data!.moduleVersion.es).toMatch(/^Estimad/);
  });

  it('is for staff: a student cannot browse the catalog or read facilitator notes', async () => {
    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    const r = await t.gql(student, '{ modules { moduleId } }');
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(t.agent(), '{ moduleVersion(moduleId: "online-safety-6-8") { title } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown module or version with null', async () => {
    const agent = await signInStaff(t, 'teacher@gulfcoast.example');
    const r = await t.gql(
      agent,
      '{ a: moduleVersion(moduleId: "no-such-module") { id } b: moduleVersion(moduleId: "online-safety-6-8", version: "9.9.9") { id } }',
    );
    expect(r.data).toEqual({ a: null, b: null });
  });

  it("serves a module's lesson images to anyone signed in, sandboxed, and nothing else under /media", async () => {
    const [{ version }] = await t.ds.query(
      `SELECT version FROM module_version WHERE module_id = 'online-safety-6-8' ORDER BY version_sort DESC LIMIT 1`,
    );
    const [{ bundle }] = await t.ds.query(
      `SELECT bundle FROM module_version WHERE module_id = 'online-safety-6-8' AND version = $1`,
      [version],
    );
    const html = JSON.stringify(bundle.lessons);
    const src = `/media/online-safety-6-8/${version}/grooming-chat.svg`;
    expect(html).toContain(`<img src=\\"${src}\\" alt=\\"A phone chat:`);
    expect(html).toContain('alt=\\"Un chat en un teléfono:');

    const student = await signInStudent(t, 'BAYSIDE', 'maya', '2468');
    const res = await student.get(src).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.toString()).toBe(
      readFileSync(join(CURRICULA, 'online-safety-6-8/images/grooming-chat.svg'), 'utf8'),
    );

    expect((await t.agent().get(src)).status).toBe(401);
    for (const missing of [
      `/media/online-safety-6-8/${version}/no-such.svg`,
      `/media/online-safety-6-8/0.0.1/grooming-chat.svg`,
      `/media/online-safety-6-8/${version}/module.yaml`,
      `/media/online-safety-6-8/${version}/..%2Fmodule.yaml`,
    ])
      expect((await student.get(missing)).status).toBe(404);
  });
});
