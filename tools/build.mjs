// Builds what `npm start` serves: the API (and the libraries and migrations it imports) with SWC,
// which keeps decorator metadata for NestJS and TypeORM, and the web app with Vite.
// Usage: node tools/build.mjs [api|web]   (no argument: both)
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const what = process.argv[2] ?? 'all';

async function* tsFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(p);
    else if (
      /\.ts$/.test(entry.name) &&
      !/\.(spec|test)\.ts$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    )
      yield p;
  }
}

async function buildApi() {
  const started = Date.now();
  await rm(join(out, 'apps/api'), { recursive: true, force: true });
  const sources = [
    'apps/api/src',
    'libs/shared/domain/src',
    'libs/curriculum/src',
    'libs/scenario-engine/src',
    'libs/mandates/src',
    'libs/oneroster/src',
    'libs/safeguarding/src',
    'migrations',
  ];
  let count = 0;
  for (const src of sources) {
    const dir = join(root, src);
    try {
      await readdir(dir);
    } catch {
      continue;
    }
    for await (const file of tsFiles(dir)) {
      const { code, map } = await transformFile(file, {
        sourceMaps: true,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          baseUrl: root,
          paths: {
            '@haven/domain': ['libs/shared/domain/src/index.ts'],
            '@haven/migrations': ['migrations/index.ts'],
            '@haven/curriculum/vocabulary': ['libs/curriculum/src/vocabulary.ts'],
            '@haven/curriculum': ['libs/curriculum/src/index.ts'],
            '@haven/scenario-engine': ['libs/scenario-engine/src/index.ts'],
            '@haven/mandates': ['libs/mandates/src/index.ts'],
            '@haven/oneroster': ['libs/oneroster/src/index.ts'],
            '@haven/safeguarding': ['libs/safeguarding/src/index.ts'],
          },
        },
        module: { type: 'commonjs' },
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
      count++;
    }
  }
  console.log(`api: ${count} files compiled with SWC in ${Date.now() - started} ms`);
}

function buildWeb() {
  const vite = join(root, 'node_modules/.bin/vite');
  const r = spawnSync(
    vite,
    ['build', '--config', join(root, 'apps/web/vite.config.mts'), '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('web: built with Vite into dist/apps/web');
}

if (what === 'api' || what === 'all') await buildApi();
if (what === 'web' || what === 'all') buildWeb();
