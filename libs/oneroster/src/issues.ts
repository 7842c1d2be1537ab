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

  toIssues(): RosterIssues {
    return {
      errors: this.list.filter((i) => i.severity === 'error'),
      warnings: this.list.filter((i) => i.severity === 'warning'),
    };
  }
}

/** `users.csv:12 error message (hint)` — one line per issue, as the CLI prints it. */
export function formatIssue(issue: RosterIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `${where} ${issue.severity} ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}
