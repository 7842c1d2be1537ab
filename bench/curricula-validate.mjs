// Benchmark: parse and validate 200 modules the size of the shipped ones, in one process.
// Run with `npm run bench:curricula` (compiles libs/curriculum into dist/ first).
// It prints the timing and whether it meets the target (under 2 s); it never fails the build.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { listModuleDirs, readModuleFiles, parseModule, validateCurricula } = require(
  join(root, 'dist/libs/curriculum/src/index.js'),
);

const TARGET_MODULES = 200;
const TARGET_MS = 2000;

/** The shipped modules as in-memory file maps. */
const shipped = [];
for (const dir of await listModuleDirs(join(root, 'curricula'))) {
  const files = await readModuleFiles(dir);
  const id = dir.split('/').pop();
  shipped.push({ id, files });
}
if (shipped.length === 0) {
  console.log('no modules found in curricula/');
  process.exit(0);
}

/** 200 copies with distinct ids (module.yaml `id:` and folder name renamed). */
const copies = [];
for (let i = 0; i < TARGET_MODULES; i++) {
  const { id, files } = shipped[i % shipped.length];
  const newId = `${id}-copy-${i}`;
  const renamed = { ...files };
  renamed['module.yaml'] = files['module.yaml'].replace(/^id: .*$/m, `id: ${newId}`);
  copies.push({ basePath: `curricula/${newId}`, files: renamed });
}
const words = copies.reduce(
  (n, c) => n + Object.values(c.files).reduce((m, t) => m + t.split(/\s+/).filter(Boolean).length, 0),
  0,
);

function run() {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = copies.map((c) => parseModule(c.files, { basePath: c.basePath }));
  const t1 = performance.now();
  const result = validateCurricula(parsed);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process: what the work costs even when other processes share the machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { parseMs: t1 - t0, validateMs: t2 - t1, totalMs: t2 - t0, cpuMs, result };
}

// The first run includes module loading and JIT warm-up: that is what `npm run curricula -- validate`
// pays, so it is the number that counts. A second run shows the steady state.
const cold = run();
const warm = run();

const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(
  `curricula validate bench: ${copies.length} modules (copies of ${shipped.length} shipped: ${shipped
    .map((s) => s.id)
    .join(', ')}), ${Math.round(words / copies.length)} words/module on average`,
);
console.log(
  `  first run : parse ${fmt(cold.parseMs)} + validate ${fmt(cold.validateMs)} = ${fmt(cold.totalMs)} total (${fmt(cold.cpuMs)} CPU), ${(
    cold.totalMs / copies.length
  ).toFixed(2)} ms/module`,
);
console.log(
  `  second run: parse ${fmt(warm.parseMs)} + validate ${fmt(warm.validateMs)} = ${fmt(warm.totalMs)} total (${fmt(warm.cpuMs)} CPU), ${(
    warm.totalMs / copies.length
  ).toFixed(2)} ms/module`,
);
console.log(
  `  issues: ${cold.result.errors.length} error(s), ${cold.result.warnings.length} warning(s) across all copies`,
);
console.log(
  `  target: ${copies.length} modules in under ${TARGET_MS} ms → ${cold.totalMs < TARGET_MS ? 'MET' : 'NOT MET'} (${fmt(
    cold.totalMs,
  )})`,
);
