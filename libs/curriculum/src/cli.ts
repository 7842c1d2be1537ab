#!/usr/bin/env node
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { GRADE_BANDS, type GradeBand } from '@haven/domain';
import { PullError, pullModule, type FetchFn } from './cli-pull';
import { bundleFileName, bundleText, compileModule, CurriculumValidationError } from './compile';
import { formatIssue } from './issues';
import { listModuleDirs, loadModule } from './load-module';
import { MODULE_FILE, type ParsedModule } from './parse';
import { scaffoldModule } from './scaffold';
import { SLUG_PATTERN } from './schemas';
import { formatStatsTable, moduleStats, type ModuleStats } from './stats';
import { validateCurricula } from './validate';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** HTTP client for `pull` (default: the global fetch). */
  fetch?: FetchFn;
  /** Environment for `pull` (HAVEN_EMAIL, HAVEN_PASSWORD; default: process.env). */
  env?: Record<string, string | undefined>;
}

const USAGE = `Usage: npm run curricula -- <command> ...
  validate [path...]                 validate modules; exit 1 and list every error if any fails
  build [path...] [--out <dir>]      validate, then write one canonical bundle per module to
                                     <dir>/<id>@<version>.json (default dist/curricula) and print its hash
  stats [path...] [--json]           per module: band, languages, lessons, scenario nodes/endings,
                                     assessment items, words, reading grade
  compile <dir> --out <file>         write one module version as indented JSON
  new <id> --band <band>             create curricula/<id>/ with a valid skeleton (bands: ${GRADE_BANDS.join(', ')})
  pull <module>@<version> [--from <url>] [--out <dir>]
                                     sign in to a running Haven (env HAVEN_EMAIL, HAVEN_PASSWORD), download that
                                     published version (default --from http://localhost:3000) and write it to
                                     <dir>/<module>/ (default curricula), deleting lesson, scenario and assessment
                                     files it no longer has and keeping README.md unless it brings one
A path is a module folder or a folder of modules; the default is curricula/.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Positional arguments: everything that is neither a `--flag` nor the value of a flag that takes one. */
function positional(args: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (valued.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

/**
 * Module folders named by the arguments, as paths relative to the working directory when possible
 * (that is how issues name files). A folder without module.yaml that holds module folders stands for
 * all of them; any other folder is taken as a module (and reported if module.yaml is missing).
 */
async function moduleDirs(io: CliIo, paths: string[]): Promise<string[] | undefined> {
  const abs = (p: string): string => resolve(io.cwd, p);
  const shown = (p: string): string => {
    const r = relative(io.cwd, p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const inputs = paths.length > 0 ? paths : ['curricula'];
  const out: string[] = [];
  for (const p of inputs) {
    const dir = abs(p);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.err(
        paths.length > 0
          ? `${p}: no such folder`
          : 'no curricula/ folder here; pass module folders explicitly',
      );
      return undefined;
    }
    if (existsSync(join(dir, MODULE_FILE))) {
      out.push(shown(dir));
      continue;
    }
    const children = await listModuleDirs(dir);
    if (children.length > 0) out.push(...children.map(shown));
    else out.push(shown(dir));
  }
  return out;
}

async function loadAll(io: CliIo, dirs: string[]): Promise<ParsedModule[]> {
  return Promise.all(dirs.map((d) => loadModule(resolve(io.cwd, d), { basePath: d })));
}

/** Runs the CLI and returns the exit code (0 ok, 1 validation errors, 2 usage errors). */
export async function main(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd() },
): Promise<number> {
  const [command, ...args] = argv;
  const rel = (p: string): string => resolve(io.cwd, p);
  switch (command) {
    case 'validate': {
      const dirs = await moduleDirs(io, positional(args, []));
      if (!dirs) return 2;
      const modules = await loadAll(io, dirs);
      const result = validateCurricula(modules);
      for (const i of [...result.errors, ...result.warnings]) io.out(formatIssue(i));
      io.out(
        `${modules.length} module(s): ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
      );
      return result.errors.length > 0 ? 1 : 0;
    }
    case 'build': {
      const dirs = await moduleDirs(io, positional(args, ['--out']));
      if (!dirs) return 2;
      const outDir = option(args, '--out') ?? join('dist', 'curricula');
      const modules = await loadAll(io, dirs);
      // Catalogue-level checks (unique ids, prerequisites) first: nothing is written unless all pass.
      const result = validateCurricula(modules);
      if (result.errors.length > 0) {
        for (const i of result.errors) io.out(formatIssue(i));
        io.err(`not built: ${result.errors.length} error(s) in ${modules.length} module(s)`);
        return 1;
      }
      await mkdir(rel(outDir), { recursive: true });
      for (const parsed of modules) {
        const version = compileModule(parsed);
        const file = join(outDir, bundleFileName(version));
        await writeFile(rel(file), bundleText(version));
        io.out(`${version.id}@${version.version} sha256:${version.contentHash} → ${file}`);
      }
      io.out(`${modules.length} bundle(s) written to ${outDir}`);
      return 0;
    }
    case 'stats': {
      const dirs = await moduleDirs(io, positional(args, []));
      if (!dirs) return 2;
      const modules = await loadAll(io, dirs);
      const stats: ModuleStats[] = [];
      for (const m of modules) {
        const s = moduleStats(m);
        if (s) stats.push(s);
        else io.err(`${m.basePath}: module.yaml cannot be read; run \`validate\` for details`);
      }
      if (args.includes('--json')) io.out(JSON.stringify(stats, null, 2));
      else for (const line of formatStatsTable(stats)) io.out(line);
      return stats.length === modules.length ? 0 : 1;
    }
    case 'compile': {
      const dir = positional(args, ['--out'])[0];
      const out = option(args, '--out');
      if (!dir || !out) {
        io.err(USAGE);
        return 2;
      }
      const parsed = await loadModule(rel(dir), { basePath: dir });
      try {
        const version = compileModule(parsed);
        await mkdir(dirname(rel(out)), { recursive: true });
        await writeFile(rel(out), `${JSON.stringify(version, null, 2)}\n`);
        io.out(`${version.id}@${version.version} ${version.contentHash} → ${out}`);
        return 0;
      } catch (e) {
        if (e instanceof CurriculumValidationError) {
          for (const i of e.errors) io.out(formatIssue(i));
          io.err(`not compiled: ${e.errors.length} error(s)`);
          return 1;
        }
        throw e;
      }
    }
    case 'new': {
      const id = args[0];
      const band = option(args, '--band');
      if (!id || !SLUG_PATTERN.test(id) || !band || !(GRADE_BANDS as readonly string[]).includes(band)) {
        io.err(USAGE);
        return 2;
      }
      const target = resolve(rel(option(args, '--dir') ?? 'curricula'), id);
      if (existsSync(target)) {
        io.err(`${target} already exists`);
        return 2;
      }
      for (const [path, text] of Object.entries(scaffoldModule(id, band as GradeBand))) {
        await mkdir(dirname(join(target, path)), { recursive: true });
        await writeFile(join(target, path), text);
      }
      io.out(`created ${target}`);
      return 0;
    }
    case 'pull': {
      const [spec] = positional(args, ['--from', '--out']);
      if (!spec) {
        io.err(USAGE);
        return 2;
      }
      const env = io.env ?? process.env;
      const outDir = option(args, '--out') ?? 'curricula';
      try {
        await pullModule({
          spec,
          from: option(args, '--from') ?? 'http://localhost:3000',
          outDir: rel(outDir),
          shownOutDir: outDir,
          email: env['HAVEN_EMAIL'],
          password: env['HAVEN_PASSWORD'],
          fetch: io.fetch ?? ((url, init) => fetch(url, init)),
          out: io.out,
        });
        return 0;
      } catch (e) {
        if (e instanceof PullError) {
          io.err(e.message);
          return e.exitCode;
        }
        throw e;
      }
    }
    default:
      io.err(USAGE);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(2);
    },
  );
}
