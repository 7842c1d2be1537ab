import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as entry from './browser';

/** Relative imports of a source file, and the bare module names it imports. */
function imports(file: string): { local: string[]; bare: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  return {
    local: specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), `${s}.ts`)),
    bare: specs.filter((s) => !s.startsWith('.')),
  };
}

describe('browser entry (browser.ts)', () => {
  it('reaches no node: module, no require and no __filename', () => {
    const seen = new Set<string>();
    const queue = [join(__dirname, 'browser.ts')];
    const bare = new Set<string>();
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect({ file, usesNodeGlobals: /\b(__filename|__dirname|require\()/.test(text) }).toEqual({
        file,
        usesNodeGlobals: false,
      });
      const found = imports(file);
      for (const b of found.bare) bare.add(b);
      queue.push(...found.local);
    }
    expect([...bare].filter((b) => b.startsWith('node:'))).toEqual([]);
    expect(seen.has(join(__dirname, 'authoring/document-diff.ts'))).toBe(true);
    expect(seen.has(join(__dirname, 'parse.ts'))).toBe(true);
    expect(seen.has(join(__dirname, 'load-module.ts'))).toBe(false);
  });

  it('exports the authoring API', () => {
    for (const name of [
      'readModuleDocument',
      'writeModuleFiles',
      'validateDocument',
      'packModuleZip',
      'unpackModuleZip',
      'diffModuleDocuments',
      'suggestBump',
      'bumpVersion',
      'initialTranslationBasis',
      'updateTranslationBasis',
      'staleTranslations',
      'anchorKey',
    ])
      expect(typeof (entry as Record<string, unknown>)[name]).toBe('function');
  });
});
