import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packModuleZip } from './authoring/module-zip';
import { main, type CliIo } from './cli';
import { parseModuleSpec } from './cli-pull';
import { readModuleFiles } from './load-module';
import { fixture } from './test-fixtures';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fake Haven: sign-in with the right password sets a cookie; the export needs it. */
function fakeHaven(zips: Record<string, Uint8Array>, calls: Call[], options: { exportStatus?: number } = {}) {
  return async (url: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    if (url === 'http://haven.test/graphql') {
      const body = JSON.parse(String(init?.body)) as {
        variables: { input: { email: string; password: string } };
      };
      if (body.variables.input.password !== 'secret')
        return Response.json({ errors: [{ message: 'Email or password is wrong' }], data: null });
      const headers = new Headers({ 'content-type': 'application/json' });
      headers.append('set-cookie', 'haven_session=abc123; Path=/; HttpOnly; SameSite=Lax');
      headers.append('set-cookie', 'other=1; Path=/');
      return new Response(JSON.stringify({ data: { signIn: { id: 'u1' } } }), { headers });
    }
    const m = /^http:\/\/haven\.test\/exports\/modules\/([^/]+)\/([^/]+)\.zip$/.exec(url);
    if (m) {
      const cookie = new Headers(init?.headers).get('cookie') ?? '';
      if (!cookie.includes('haven_session=abc123')) return new Response('unauthorised', { status: 401 });
      if (options.exportStatus) return new Response('no', { status: options.exportStatus });
      const zip = zips[`${m[1]}@${m[2]}`];
      if (!zip) return new Response('not found', { status: 404 });
      return new Response(Buffer.from(zip), { headers: { 'content-type': 'application/zip' } });
    }
    return new Response('?', { status: 404 });
  };
}

async function setup(options: { exportStatus?: number; password?: string } = {}) {
  const cwd = await mkdtemp(join(tmpdir(), 'haven-pull-'));
  const calls: Call[] = [];
  const lines: string[] = [];
  const errors: string[] = [];
  const files = fixture({
    'module.yaml': (t) => t.replace('id: fixture', 'id: my-module'),
    'README.md': null,
    'assessments/extra.yaml': 'schemaVersion: 2\nid: extra\nkind: check\ntitle: Extra\n',
  });
  const fetchFn = fakeHaven({ 'my-module@1.2.0': packModuleZip('my-module', files) }, calls, options);
  const io: CliIo = {
    cwd,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    fetch: fetchFn,
    env: { HAVEN_EMAIL: 'author@example.org', HAVEN_PASSWORD: options.password ?? 'secret' },
  };
  return { cwd, calls, lines, errors, files, io };
}

describe('curricula pull', () => {
  it('signs in, downloads the version with the session cookie and writes the module folder', async () => {
    const t = await setup();
    const dir = join(t.cwd, 'curricula/my-module');
    await mkdir(join(dir, 'lessons'), { recursive: true });
    await writeFile(join(dir, 'README.md'), '# Kept\n');
    await writeFile(join(dir, 'lessons/old-lesson.en.md'), 'old\n');
    await writeFile(join(dir, 'lessons/introduction.en.md'), t.files['lessons/introduction.en.md']!);

    expect(await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test'], t.io)).toBe(0);
    expect(t.errors).toEqual([]);

    const [signIn, download] = t.calls;
    expect(signIn!.url).toBe('http://haven.test/graphql');
    expect(signIn!.init!.method).toBe('POST');
    const headers = new Headers(signIn!.init!.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('apollo-require-preflight')).toBe('true');
    expect(JSON.parse(String(signIn!.init!.body))).toMatchObject({
      query: expect.stringContaining('signIn(input: $input)'),
      variables: { input: { email: 'author@example.org', password: 'secret' } },
    });
    expect(download!.url).toBe('http://haven.test/exports/modules/my-module/1.2.0.zip');
    expect(new Headers(download!.init!.headers).get('cookie')).toBe('haven_session=abc123; other=1');

    const onDisk = await readModuleFiles(dir);
    expect(onDisk).toEqual({ ...t.files, 'README.md': '# Kept\n' });
    expect(await readdir(join(dir, 'lessons'))).toEqual(['introduction.en.md', 'introduction.es.md']);
    expect(t.lines).toContain('deleted   curricula/my-module/lessons/old-lesson.en.md');
    expect(t.lines).toContain('unchanged curricula/my-module/lessons/introduction.en.md');
    expect(t.lines).toContain('created   curricula/my-module/assessments/extra.yaml');
    expect(t.lines[t.lines.length - 1]).toBe(
      'my-module@1.2.0 → curricula/my-module/: 6 file(s) written, 1 deleted',
    );
  });

  it('replaces README.md when the zip has one, and writes to --out', async () => {
    const t = await setup();
    const withReadme = { ...t.files, 'README.md': '# From Haven\n' };
    t.io.fetch = fakeHaven({ 'my-module@1.2.0': packModuleZip('my-module', withReadme) }, t.calls);
    await mkdir(join(t.cwd, 'elsewhere/my-module'), { recursive: true });
    await writeFile(join(t.cwd, 'elsewhere/my-module/README.md'), '# Old\n');
    expect(
      await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test/', '--out', 'elsewhere'], t.io),
    ).toBe(0);
    expect(await readFile(join(t.cwd, 'elsewhere/my-module/README.md'), 'utf8')).toBe('# From Haven\n');
    expect(t.lines).toContain('updated   elsewhere/my-module/README.md');
  });

  it('explains a bad spec, missing credentials, a wrong password, 401 and 404', async () => {
    const bad = await setup();
    expect(await main(['pull', 'my-module'], bad.io)).toBe(2);
    expect(await main(['pull', 'My Module@1.0.0'], bad.io)).toBe(2);
    expect(await main(['pull', 'my-module@1.0'], bad.io)).toBe(2);
    expect(bad.errors[0]).toBe(
      '"my-module" is not <module>@<version>, e.g. online-safety-6-8@1.1.0 (a module id and a semantic version)',
    );
    expect(await main(['pull'], bad.io)).toBe(2);
    expect(bad.errors[3]).toContain('Usage:');
    expect(bad.calls).toEqual([]);

    const noEnv = await setup();
    noEnv.io.env = {};
    expect(await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test'], noEnv.io)).toBe(2);
    expect(noEnv.errors).toEqual([
      'set HAVEN_EMAIL and HAVEN_PASSWORD to the email and password of a staff account',
    ]);

    const wrong = await setup({ password: 'nope' });
    expect(await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test'], wrong.io)).toBe(1);
    expect(wrong.errors).toEqual([
      'sign-in as author@example.org failed: Email or password is wrong; check HAVEN_EMAIL and HAVEN_PASSWORD',
    ]);

    const forbidden = await setup({ exportStatus: 401 });
    expect(await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test'], forbidden.io)).toBe(1);
    expect(forbidden.errors[0]).toBe(
      'http://haven.test/exports/modules/my-module/1.2.0.zip: HTTP 401; the account author@example.org may not export modules',
    );

    const missing = await setup();
    expect(await main(['pull', 'my-module@9.9.9', '--from', 'http://haven.test'], missing.io)).toBe(1);
    expect(missing.errors).toEqual(['my-module@9.9.9 was not found at http://haven.test (HTTP 404)']);
    await expect(readdir(join(missing.cwd, 'curricula'))).rejects.toThrow();
  });

  it('explains an unreachable server and a download that is not a module zip', async () => {
    const down = await setup();
    down.io.fetch = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    expect(await main(['pull', 'my-module@1.2.0'], down.io)).toBe(1);
    expect(down.errors).toEqual([
      'cannot reach Haven at http://localhost:3000 (ECONNREFUSED); is it running? (--from <url>)',
    ]);

    const junk = await setup();
    const haven = fakeHaven({}, junk.calls);
    junk.io.fetch = (url, init) =>
      url.endsWith('.zip') ? Promise.resolve(new Response('<html>')) : haven(url, init);
    expect(await main(['pull', 'my-module@1.2.0', '--from', 'http://haven.test'], junk.io)).toBe(1);
    expect(junk.errors[0]).toMatch(/^the download is not a usable module zip: not a readable zip file/);
  });
});

describe('parseModuleSpec', () => {
  it('splits <module>@<version>', () => {
    expect(parseModuleSpec('online-safety-6-8@1.1.0')).toEqual({
      moduleId: 'online-safety-6-8',
      version: '1.1.0',
    });
    expect(parseModuleSpec('x@1.0.0-rc.1')).toEqual({ moduleId: 'x', version: '1.0.0-rc.1' });
    expect(() => parseModuleSpec('@1.0.0')).toThrow('is not <module>@<version>');
  });
});
