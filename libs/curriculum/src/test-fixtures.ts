import { parseModule, type ModuleFiles } from './parse';
import { scaffoldModule } from './scaffold';
import { validateModule } from './validate';
import type { Issue } from './issues';
import type { GradeBand } from '@haven/domain';

/** Test helper: a valid skeleton module with some files replaced or edited. */
export function fixture(
  edits: Record<string, string | null | ((text: string) => string)> = {},
  band: GradeBand = '6-8',
): ModuleFiles {
  const files: ModuleFiles = scaffoldModule('fixture', band);
  for (const [path, edit] of Object.entries(edits)) {
    if (edit === null) delete files[path];
    else if (typeof edit === 'function') files[path] = edit(files[path] ?? '');
    else files[path] = edit;
  }
  return files;
}

export function issuesOf(files: ModuleFiles): { errors: Issue[]; warnings: Issue[] } {
  return validateModule(parseModule(files, { basePath: 'fixture' }));
}

/** `file:line:column CODE` of each issue, for compact assertions. */
export function brief(issues: Issue[]): string[] {
  return issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`);
}
