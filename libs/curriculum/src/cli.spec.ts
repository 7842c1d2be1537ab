import { mkdtemp, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from './cli';
import { bundleText, compileModule } from './compile';
import { listModuleDirs, loadModule } from './load-module';
import type { ModuleStats } from './stats';

const repoRoot = join(__dirname, '../../..');

function io(cwd: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { cwd, lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('curriculum CLI', () => {
  it('validates every module in curricula/ by default and exits 0', async () => {
    const t = io(repoRoot);
    expect(await main(['validate'], t)).toBe(0);
    expect(t.lines[t.lines.length - 1]).toMatch(/^\d+ module\(s\): 0 error\(s\), 0 warning\(s\)$/);
  });

  it('scaffolds a module that validates, compiles it, and reports errors once it is broken', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'haven-cli-'));
    const t = io(cwd);
    expect(await main(['new', 'my-module', '--band', '3-5'], t)).toBe(0);
    expect(await main(['validate', 'curricula/my-module'], t)).toBe(0);

    expect(await main(['compile', 'curricula/my-module', '--out', 'out/v.json'], t)).toBe(0);
    const v = JSON.parse(await readFile(join(cwd, 'out/v.json'), 'utf8')) as {
      id: string;
      contentHash: string;
    };
    expect(v.id).toBe('my-module');
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const manifest = join(cwd, 'curricula/my-module/module.yaml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace(
        'topics: [safe-adults, help-seeking]',
        'topics: [safe-adults, stranger-danger]',
      ),
    );
    const t2 = io(cwd);
    expect(await main(['validate'], t2)).toBe(1);
    expect(t2.lines[0]).toBe(
      'curricula/my-module/module.yaml:13:23 error TOPIC_UNKNOWN unknown topic tag `stranger-danger` (use a tag from the controlled vocabulary: ' +
        'body-autonomy, safe-adults, secrets-and-surprises, healthy-relationships, peer-pressure, grooming, online-safety, social-media-risks, ' +
        'recruitment-tactics, signs-of-trafficking, sex-trafficking, labor-trafficking, myths-and-victim-blaming, dating-violence, ' +
        'child-abuse-prevention, substance-use-prevention, help-seeking, resources)',
    );
    expect(await main(['compile', 'curricula/my-module', '--out', 'out/v2.json'], io(cwd))).toBe(1);
  });

  it('reports cross-module problems such as duplicate ids', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'haven-cli-'));
    await cp(join(repoRoot, 'curricula/body-autonomy-k-2'), join(cwd, 'curricula/body-autonomy-k-2'), {
      recursive: true,
    });
    await cp(join(repoRoot, 'curricula/body-autonomy-k-2'), join(cwd, 'curricula/copy'), { recursive: true });
    const t = io(cwd);
    expect(await main(['validate'], t)).toBe(1);
    expect(t.lines.filter((l) => / (MODULE_ID_DUPLICATE|MODULE_FOLDER_MISMATCH) /.test(l))).toEqual([
      'curricula/copy/module.yaml:2:5 error MODULE_FOLDER_MISMATCH module id `body-autonomy-k-2` differs from its folder name `copy` (rename the folder to `body-autonomy-k-2` or change `id`)',
      'curricula/copy/module.yaml:2:5 error MODULE_ID_DUPLICATE module id `body-autonomy-k-2` is also used by curricula/body-autonomy-k-2 (module ids are unique across curricula/)',
    ]);
  });

  it('prints usage and exits 2 on bad arguments', async () => {
    const t = io(repoRoot);
    expect(await main(['new', 'Bad Id'], t)).toBe(2);
    expect(await main(['frobnicate'], t)).toBe(2);
    expect(t.errors[0]).toContain('Usage:');
  });
});

describe('curricula build and stats', () => {
  it('builds every module to <out>/<id>@<version>.json as canonical bytes and prints the hash', async () => {
    const out = await mkdtemp(join(tmpdir(), 'haven-build-'));
    const t = io(repoRoot);
    expect(await main(['build', '--out', out], t)).toBe(0);
    const dirs = await listModuleDirs(join(repoRoot, 'curricula'));
    expect((await readdir(out)).length).toBe(dirs.length);
    for (const dir of dirs) {
      const v = compileModule(await loadModule(dir));
      const file = join(out, `${v.id}@${v.version}.json`);
      expect(await readFile(file, 'utf8')).toBe(bundleText(v));
      expect(t.lines).toContain(`${v.id}@${v.version} sha256:${v.contentHash} → ${file}`);
    }
    // Building again gives the same bytes.
    const out2 = await mkdtemp(join(tmpdir(), 'haven-build-'));
    expect(await main(['build', 'curricula', '--out', out2], io(repoRoot))).toBe(0);
    for (const name of await readdir(out))
      expect(await readFile(join(out2, name), 'utf8')).toBe(await readFile(join(out, name), 'utf8'));
  });

  it('writes to dist/curricula by default and builds a single module folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'haven-cli-'));
    const t = io(cwd);
    expect(await main(['new', 'solo', '--band', '6-8'], t)).toBe(0);
    expect(await main(['build', 'curricula/solo'], t)).toBe(0);
    expect(await readdir(join(cwd, 'dist/curricula'))).toEqual(['solo@0.1.0.json']);
  });

  it('writes nothing and lists every error when a module is broken', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'haven-cli-'));
    await main(['new', 'good', '--band', '3-5'], io(cwd));
    await main(['new', 'bad', '--band', '3-5'], io(cwd));
    await writeFile(join(cwd, 'curricula/bad/lessons/introduction.es.md'), 'no front matter\n');
    const t = io(cwd);
    expect(await main(['build', '--out', 'out'], t)).toBe(1);
    expect(t.lines.length).toBeGreaterThanOrEqual(2);
    expect(t.lines.every((l) => l.startsWith('curricula/bad/'))).toBe(true);
    expect(t.errors[0]).toMatch(/^not built: \d+ error\(s\) in 2 module\(s\)$/);
    await expect(readdir(join(cwd, 'out'))).rejects.toThrow();
  });

  it('prints statistics per module, as a table or JSON', async () => {
    const t = io(repoRoot);
    expect(await main(['stats'], t)).toBe(0);
    const dirs = await listModuleDirs(join(repoRoot, 'curricula'));
    expect(t.lines[0]).toMatch(
      /^module +band +langs +lessons +minutes +scenario nodes\/endings +pre\/post items +words +reading grade$/,
    );
    expect(t.lines).toHaveLength(dirs.length + 1);
    expect(t.lines.find((l) => l.startsWith('online-safety-6-8@'))).toMatch(/ 6-8 +en,es +3 /);

    const j = io(repoRoot);
    expect(await main(['stats', 'curricula/online-safety-6-8', '--json'], j)).toBe(0);
    const [s] = JSON.parse(j.lines.join('\n')) as ModuleStats[];
    expect(s).toMatchObject({
      id: 'online-safety-6-8',
      gradeBand: '6-8',
      languages: ['en', 'es'],
      lessons: 3,
    });
    expect(s!.scenarios[0]!.nodes).toBeGreaterThanOrEqual(12);
    expect(s!.assessments.map((a) => a.kind)).toEqual(['pre', 'post']);
    expect(s!.words).toBeGreaterThan(1000);
    expect(s!.readingGrade).toBeGreaterThan(3);
    expect(s!.readingGrade).toBeLessThanOrEqual(9);
  });

  it('reports a path that does not exist', async () => {
    const t = io(repoRoot);
    expect(await main(['stats', 'no/such/folder'], t)).toBe(2);
    expect(t.errors).toEqual(['no/such/folder: no such folder']);
  });
});
