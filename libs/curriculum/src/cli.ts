#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GRADE_BANDS, type GradeBand } from '@haven/domain';
import { compileModule, CurriculumValidationError } from './compile';
import { formatIssue } from './issues';
import { listModuleDirs, loadModule } from './parse';
import { scaffoldModule } from './scaffold';
import { SLUG_PATTERN } from './schemas';
import { validateCurricula } from './validate';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const USAGE = `Usage:
  curriculum validate [dir...]           validate module folders (default: every module in curricula/)
  curriculum compile <dir> --out <file>  write the immutable module version as JSON
  curriculum new <id> --band <band>      create curricula/<id>/ with a valid skeleton (bands: ${GRADE_BANDS.join(', ')})`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs the CLI and returns the exit code (0 ok, 1 validation errors, 2 usage errors). */
export async function main(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd() },
): Promise<number> {
  const [command, ...args] = argv;
  const rel = (p: string): string => (p.startsWith('/') ? p : join(io.cwd, p));
  switch (command) {
    case 'validate': {
      let dirs = args.filter((a) => !a.startsWith('--'));
      if (dirs.length === 0) {
        const root = rel('curricula');
        if (!existsSync(root)) {
          io.err('no curricula/ folder here; pass module folders explicitly');
          return 2;
        }
        dirs = (await listModuleDirs(root)).map((d) => d.slice(io.cwd.length + 1));
      }
      const modules = await Promise.all(dirs.map((d) => loadModule(rel(d), { basePath: d })));
      const result = validateCurricula(modules);
      for (const i of [...result.errors, ...result.warnings]) io.out(formatIssue(i));
      io.out(
        `${modules.length} module(s): ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
      );
      return result.errors.length > 0 ? 1 : 0;
    }
    case 'compile': {
      const dir = args.find((a) => !a.startsWith('--') && a !== option(args, '--out'));
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
