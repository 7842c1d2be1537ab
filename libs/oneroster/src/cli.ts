import { formatIssue } from './issues';
import { type ImportPlan, planImport } from './plan';
import { readBundle } from './read-bundle';
import { readRoster } from './read-roster';
import { ENTITY_KINDS, type OneRosterBundle, type ReadRosterResult, type Roster } from './types';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Defaults to reading the folder or zip from disk. */
  readonly readBundle?: (path: string) => OneRosterBundle;
}

const USAGE = 'usage: oneroster check <folder|zip>';

const EMPTY: Roster = { schools: [], classes: [], students: [], staff: [], enrollments: [] };

/**
 * `check <folder|zip>`: prints every issue as `file:line error|warning message (hint)` and what an import
 * into an empty district would create. Returns the exit code: 0 clean or warnings only, 1 errors, 2 usage.
 */
export function main(argv: readonly string[], io: CliIo): number {
  const [command, path, ...rest] = argv;
  if (command !== 'check' || !path || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let result: ReadRosterResult;
  try {
    result = readRoster((io.readBundle ?? readBundle)(path));
  } catch (e) {
    io.err(`${path}: cannot read the bundle: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const plan = planImport(EMPTY, result.roster);
  const errors = [...result.issues.errors, ...plan.issues.errors];
  const warnings = result.issues.warnings;
  for (const issue of [...errors, ...warnings]) io.out(formatIssue(issue));
  io.out(summary(result, plan));
  for (const note of result.notes) io.out(`note: ${note}`);
  io.out(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return errors.length > 0 ? 1 : 0;
}

function summary(result: ReadRosterResult, plan: ImportPlan): string {
  const { roster } = result;
  const years = [...new Set(roster.classes.map((c) => c.schoolYear))].sort();
  const counts = ENTITY_KINDS.map((k) => `${plan.creates[k].length} ${k} (${roster.modes[k]})`);
  return `OneRoster ${roster.version}: would import ${counts.join(', ')}${years.length ? `; school years ${years.join(', ')}` : ''}`;
}
