import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * `x.json?staff` is a second copy of the JSON module `x.json`, one named export per top-level key (`class`
 * included, which Rolldown's own JSON exports skip). Rolldown keeps a module whole in one chunk, so the staff
 * texts imported from en.json would otherwise sit in the entry beside the start texts; from the copy, they
 * tree-shake into the staff chunk (src/i18n/staff-strings.ts). The dev server already treats `.json?query`
 * as JSON, with the same named exports.
 */
function jsonStaffCopy(): Plugin {
  return {
    name: 'haven:json-staff-copy',
    apply: 'build',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'staff' || !file?.endsWith('.json')) return null;
      this.addWatchFile(file);
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const code = Object.entries(data)
        .map(
          ([key, value], i) =>
            `const _${i} = ${JSON.stringify(value)};\nexport { _${i} as ${JSON.stringify(key)} };`,
        )
        .join('\n');
      return { code, moduleType: 'js' };
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [jsonStaffCopy(), react()],
  resolve: {
    // rxjs (under Apollo Client) ships ES5 by default and ES2015 under `es2015`: smaller, no tslib helpers.
    conditions: ['es2015', ...defaultClientConditions],
    alias: {
      '@haven/curriculum/vocabulary': `${repoRoot}libs/curriculum/src/vocabulary.ts`,
      '@haven/domain': `${repoRoot}libs/shared/domain/src/index.ts`,
      '@haven/scenario-engine': `${repoRoot}libs/scenario-engine/src/index.ts`,
    },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': api, '/healthz': api },
  },
  build: {
    outDir: `${repoRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: what each chunk imports, for bench/student-bundle.mjs.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries in one long-cached chunk; the app shell and student pages in the entry; each staff
        // area (teacher, school, district, studio) in its own chunk, loaded only when opened.
        codeSplitting: {
          groups: [
            // chart.js serves only the district dashboard: its own chunk, never in a student's first load.
            { name: 'charts', test: /node_modules[\\/](chart\.js|@kurkle)/, priority: 2 },
            // React Flow (and the d3 and zustand pieces under it) serves only the studio's scenario graph;
            // its dependencies shared with the app (React) stay in `vendor`.
            {
              name: 'flow',
              test: /node_modules[\\/](@xyflow|d3-[a-z]+|zustand|classcat)[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
});
