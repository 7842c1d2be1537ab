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

const GQL_MODULE = /[\\/]src[\\/]gql[\\/]graphql\.ts$/;
const GQL_DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as \w+<.*>;$/gm;
const GQL_VIRTUAL = '\0haven-gql:';

/**
 * The generated `gql/graphql.ts` holds every operation document of the app in one module, and Rolldown keeps
 * a module whole in one chunk, so a student's first load would carry the staff documents too. In the build,
 * each document becomes a module of its own that graphql.ts re-exports: every chunk then holds only the
 * documents it uses. The documents are self-contained (fragments inlined), so nothing else changes.
 */
function gqlDocumentPerModule(): Plugin {
  const documents = new Map<string, string>();
  return {
    name: 'haven:gql-document-per-module',
    apply: 'build',
    load(id) {
      if (id.startsWith(GQL_VIRTUAL)) {
        const name = id.slice(GQL_VIRTUAL.length);
        return { code: `export const ${name} = ${documents.get(name)};`, moduleType: 'js' };
      }
      if (!GQL_MODULE.test(id)) return null;
      this.addWatchFile(id);
      const code = readFileSync(id, 'utf8').replace(GQL_DOCUMENT, (_line, name: string, json: string) => {
        documents.set(name, json);
        return `export { ${name} } from ${JSON.stringify(GQL_VIRTUAL + name)};`;
      });
      return { code };
    },
    resolveId(source) {
      return source.startsWith(GQL_VIRTUAL) ? source : null;
    },
  };
}

/**
 * Libraries the app shell uses on every page (a student's first load): one long-cached chunk. Libraries
 * only a staff area uses (zip, CSV, Markdown editing) stay in that area's chunks.
 */
const SHELL_LIBRARIES =
  /node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|@apollo[\\/]client|graphql|rxjs|optimism|@wry[\\/][a-z]+|tslib|i18next|react-i18next|use-sync-external-store|html-parse-stringify|void-elements)[\\/]/;

export default defineConfig({
  root: webRoot,
  plugins: [jsonStaffCopy(), gqlDocumentPerModule(), react()],
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
            { name: 'vendor', test: SHELL_LIBRARIES, priority: 1 },
          ],
        },
      },
    },
  },
});
