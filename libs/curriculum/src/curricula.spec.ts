import { join } from 'node:path';
import type { GradeBand } from '@haven/domain';
import { bundleText, compileModule } from './compile';
import { formatIssue } from './issues';
import { FLORIDA_TRAFFICKING_PREVENTION_RULE, topicCoverage } from './mandate-coverage';
import { listModuleDirs, loadModule, readModuleFiles } from './load-module';
import { parseModule } from './parse';
import { moduleStats } from './stats';
import { validateCurricula } from './validate';

const root = join(__dirname, '../../../curricula');

async function shipped() {
  return Promise.all((await listModuleDirs(root)).map((d) => loadModule(d)));
}

describe('curricula/', () => {
  it('holds the required modules: one for grades 3-5, one for 6-8 and two for 9-12 (plus K-2)', async () => {
    const dirs = (await listModuleDirs(root)).map((d) => d.split('/').pop());
    expect(dirs).toEqual(
      expect.arrayContaining([
        'body-autonomy-k-2',
        'my-body-my-boundaries-3-5',
        'online-safety-6-8',
        'recognizing-trafficking-9-12',
        'healthy-relationships-9-12',
      ]),
    );
  });

  it('every module validates with no errors and no warnings', async () => {
    const result = validateCurricula(await shipped());
    expect(result.errors.map(formatIssue)).toEqual([]);
    // Warnings must be justified in the module README; none are expected today.
    expect(result.warnings.map(formatIssue)).toEqual([]);
  });

  it('every module meets the content bar: 2-4 lessons, a scenario of 12+ nodes and 3+ endings, 8+ pre and post items', async () => {
    for (const parsed of await shipped()) {
      const s = moduleStats(parsed)!;
      const where = `${s.id}: `;
      expect(where + s.lessons).toMatch(new RegExp(`^${where}[234]$`));
      expect(s.scenarios.some((x) => x.nodes >= 12 && x.endings >= 3)).toBe(true);
      for (const kind of ['pre', 'post'] as const) {
        const a = s.assessments.find((x) => x.kind === kind);
        expect(`${where}${kind} ${a?.items ?? 0}`).toMatch(/ (\d\d|[89])$/);
      }
    }
  });

  it('every module compiles in English and Spanish, with facilitator notes, help, an alternative activity and a parent notice', async () => {
    for (const parsed of await shipped()) {
      const v = compileModule(parsed);
      expect(v.languages).toEqual(['en', 'es']);
      expect(v.scenarios.length).toBeGreaterThanOrEqual(1);
      expect(v.assessments.map((a) => a.kind)).toEqual(expect.arrayContaining(['pre', 'post']));
      expect(Object.keys(v.alternativeActivity ?? {})).toEqual(['en', 'es']);
      expect(Object.keys(v.parentNotice ?? {})).toEqual(['en', 'es']);
      expect(v.parentNotice!['en']).toMatch(/opt/);
      for (const w of v.contentWarnings) expect(Object.keys(w.text)).toEqual(['en', 'es']);
      for (const l of v.lessons) {
        for (const b of l.blocks) expect(Object.keys(b.html)).toEqual(['en', 'es']);
        expect(l.facilitatorNotes.length).toBeGreaterThan(0);
        const help = l.blocks.find((b) => b.kind === 'help')!;
        expect(help.html['en']).toContain('1-888-373-7888');
        expect(help.html['en']).toContain('233733');
        expect(help.html['es']).toContain('1-888-373-7888');
      }
    }
  });

  it('states the domain facts correctly and avoids stigmatising language in learner-facing text', async () => {
    for (const parsed of await shipped()) {
      const v = compileModule(parsed);
      const learner = JSON.stringify({
        lessons: v.lessons.map((l) => l.blocks),
        scenarios: v.scenarios,
        items: v.assessments.map((a) => a.items),
        alternativeActivity: v.alternativeActivity,
        parentNotice: v.parentNotice,
      });
      // Phone numbers, when written, are the real ones (trafficking hotline; love is respect in 9-12).
      for (const m of learner.matchAll(/1-8\d\d-\d{3}-\d{4}/g))
        expect(`${v.id}: ${m[0]}`).toMatch(/: (1-888-373-7888|1-866-331-9474)$/);
      expect(learner).not.toMatch(/prostitut|stranger danger/i);
      expect(learner).toContain('233733');
    }
  });

  it('together cover every Florida topic (SBE 6A-1.094124) that suits each band they serve', async () => {
    const byBand = new Map<GradeBand, Set<string>>();
    for (const parsed of await shipped()) {
      const m = parsed.manifest!.data!;
      const set = byBand.get(m.gradeBand) ?? new Set<string>();
      for (const t of m.topics) set.add(t);
      byBand.set(m.gradeBand, set);
    }
    expect([...byBand.keys()].sort()).toEqual(['3-5', '6-8', '9-12', 'K-2']);
    for (const [band, topics] of byBand) {
      const c = topicCoverage(FLORIDA_TRAFFICKING_PREVENTION_RULE, band, topics);
      expect({ band, missing: c.missing }).toEqual({ band, missing: [] });
      expect(c.requirements.every((r) => r.covered)).toBe(true);
    }
  });
});

describe('canonical bundles', () => {
  it('parse → build twice gives the same bytes and hash, and so does loading the folder again', async () => {
    for (const dir of await listModuleDirs(root)) {
      const files = await readModuleFiles(dir);
      const a = compileModule(parseModule(files, { basePath: dir }));
      const b = compileModule(parseModule(files, { basePath: dir }));
      const c = compileModule(await loadModule(dir));
      expect(bundleText(b)).toBe(bundleText(a));
      expect(bundleText(c)).toBe(bundleText(a));
      expect(c.contentHash).toBe(a.contentHash);
      // The bytes are canonical: re-serialising the parsed bundle changes nothing.
      expect(bundleText(JSON.parse(bundleText(a)))).toBe(bundleText(a));
    }
  });

  it('does not depend on where the module is loaded from or on the order of its files', async () => {
    const dir = (await listModuleDirs(root))[0]!;
    const files = await readModuleFiles(dir);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const a = compileModule(parseModule(files, { basePath: dir }));
    const b = compileModule(parseModule(reversed, { basePath: 'elsewhere/' + dir.split('/').pop() }));
    expect(bundleText(b)).toBe(bundleText(a));
  });
});
