import { join } from 'node:path';
import { compileModule } from './compile';
import { listModuleDirs, loadModule } from './parse';
import { validateCurricula } from './validate';
import { formatIssue } from './issues';

const root = join(__dirname, '../../../curricula');

describe('curricula/', () => {
  it('holds the four starter modules', async () => {
    const dirs = (await listModuleDirs(root)).map((d) => d.split('/').pop());
    expect(dirs).toEqual(
      expect.arrayContaining([
        'body-autonomy-k-2',
        'healthy-relationships-3-5',
        'online-safety-6-8',
        'recognizing-trafficking-9-12',
      ]),
    );
  });

  it('every module validates with no errors and no warnings', async () => {
    const modules = await Promise.all((await listModuleDirs(root)).map((d) => loadModule(d)));
    const result = validateCurricula(modules);
    expect(result.errors.map(formatIssue)).toEqual([]);
    // Warnings must be justified in the module README; none are expected today.
    expect(result.warnings.map(formatIssue)).toEqual([]);
  });

  it('every module compiles, in English and Spanish, with at least two lessons, a scenario and pre/post', async () => {
    for (const dir of await listModuleDirs(root)) {
      const v = compileModule(await loadModule(dir));
      expect(v.languages).toEqual(['en', 'es']);
      expect(v.lessons.length).toBeGreaterThanOrEqual(2);
      expect(v.scenarios.length).toBeGreaterThanOrEqual(1);
      expect(v.assessments.map((a) => a.kind)).toEqual(expect.arrayContaining(['pre', 'post']));
      for (const l of v.lessons) for (const b of l.blocks) expect(Object.keys(b.html)).toEqual(['en', 'es']);
      // every lesson shows the hotline in its help block
      for (const l of v.lessons)
        expect(l.blocks.find((b) => b.kind === 'help')!.html['en']).toContain('1-888-373-7888');
    }
  });
});
