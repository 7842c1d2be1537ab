import type { IssueCode, RosterIssue, RosterIssues } from './types';

/** Collects issues in the order they are found. */
export class IssueList {
  private readonly list: RosterIssue[] = [];

  error(
    code: IssueCode,
    file: string,
    line: number | null,
    message: string,
    hint?: string,
    sourcedId?: string,
  ): void {
    this.add({ severity: 'error', code, file, line, message, hint, sourcedId });
  }

  warning(
    code: IssueCode,
    file: string,
    line: number | null,
    message: string,
    hint?: string,
    sourcedId?: string,
  ): void {
    this.add({ severity: 'warning', code, file, line, message, hint, sourcedId });
  }

  add(issue: RosterIssue): void {
    const clean: RosterIssue = Object.fromEntries(
      Object.entries(issue).filter(([, v]) => v !== undefined),
    ) as unknown as RosterIssue;
    this.list.push(clean);
  }

  get hasErrors(): boolean {
    return this.list.some((i) => i.severity === 'error');
  }

  /** Errors and warnings, each grouped by file (in the order files were read) and sorted by line. */
  toIssues(): RosterIssues {
    const files = [...new Set(this.list.map((i) => i.file))];
    const sorted = this.list
      .map((issue, index) => ({ issue, index }))
      .sort(
        (a, b) =>
          files.indexOf(a.issue.file) - files.indexOf(b.issue.file) ||
          (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
          a.index - b.index,
      )
      .map((x) => x.issue);
    return {
      errors: sorted.filter((i) => i.severity === 'error'),
      warnings: sorted.filter((i) => i.severity === 'warning'),
    };
  }
}

/** `users.csv:12 error message (hint)` — one line per issue, as the CLI prints it. */
export function formatIssue(issue: RosterIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `${where} ${issue.severity} ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}
