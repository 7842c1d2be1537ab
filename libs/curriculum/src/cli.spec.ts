import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from './cli';

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
