// Prints the gzip size of what a student's browser downloads first (the entry chunk and everything it
// imports statically, plus its CSS) and of the lesson player chunk, next to the budget. Reads Vite's
// manifest; run after `node tools/build.mjs web`. Prints only: it asserts nothing.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/apps/web');
const BUDGET_KIB = 150;

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A chunk and its static imports, each once. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

function report(title, keys) {
  let js = 0;
  let css = 0;
  console.log(title);
  for (const key of keys) {
    const chunk = manifest[key];
    const size = gz(chunk.file);
    js += size;
    console.log(`  ${chunk.file.padEnd(48)} ${kib(size).padStart(10)}`);
    for (const file of chunk.css ?? []) {
      const c = gz(file);
      css += c;
      console.log(`  ${file.padEnd(48)} ${kib(c).padStart(10)}  (css)`);
    }
  }
  console.log(`  ${'JavaScript'.padEnd(48)} ${kib(js).padStart(10)}`);
  if (css) console.log(`  ${'CSS'.padEnd(48)} ${kib(css).padStart(10)}`);
  return js;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const playerKey = Object.keys(manifest).find((k) => /student\/player\/module-player-page/.test(k));
if (!entryKey) throw new Error('No entry in the manifest: build with `node tools/build.mjs web` first');

const first = closure(entryKey);
const firstJs = report('Student first load (entry and its static imports), gzip:', first);
console.log(
  `  budget ${BUDGET_KIB} KiB of JavaScript: ${firstJs <= BUDGET_KIB * 1024 ? 'within' : 'OVER'} (${kib(firstJs)})`,
);
if (playerKey) {
  const extra = [...closure(playerKey)].filter((k) => !first.has(k));
  report('\nLesson player (loaded on opening a lesson, beyond the first load), gzip:', extra);
} else {
  console.log('\nLesson player chunk not found in the manifest.');
}
