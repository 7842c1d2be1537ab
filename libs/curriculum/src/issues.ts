/** One problem found in a curriculum module, pointing at the exact place in the source file. */
export interface Issue {
  /** Path of the file, relative to the working directory when loaded from disk (e.g. `curricula/x/module.yaml`). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  code: IssueCode;
  severity: IssueSeverity;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

export type IssueSeverity = 'error' | 'warning';

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

export const ISSUE_CODES = [
  // files and syntax
  'MODULE_FILE_MISSING',
  'YAML_SYNTAX',
  'SCHEMA_VERSION_MISSING',
  'SCHEMA_VERSION_UNSUPPORTED',
  'SCHEMA_INVALID',
  'FRONT_MATTER_MISSING',
  'REFERENCE_MISSING_FILE',
  'FILE_UNREFERENCED',
  'ID_MISMATCH',
  'DUPLICATE_ID',
  // lessons
  'LESSON_BLOCK_UNKNOWN',
  'LESSON_BLOCK_UNCLOSED',
  'LESSON_TEXT_OUTSIDE_BLOCK',
  'LESSON_BLOCK_REQUIRED',
  'LESSON_BLOCK_EMPTY',
  // module metadata
  'MODULE_FOLDER_MISMATCH',
  'TOPIC_UNKNOWN',
  'TOPIC_NOT_FOR_BAND',
  'CONTENT_WARNING_REQUIRED',
  'CONTENT_WARNING_UNUSED',
  'FACILITATOR_TRAINING_REQUIRED',
  'FACILITATOR_TRAINING_UNKNOWN',
  'GRADES_OUTSIDE_BAND',
  'LICENCE_UNKNOWN',
  'PREREQUISITE_RANGE_INVALID',
  'PREREQUISITE_UNKNOWN',
  'PREREQUISITE_SELF',
  'MODULE_ID_DUPLICATE',
  'REVIEW_SURVIVOR_INFORMED_MISSING',
  'MINUTES_MISMATCH',
  'ALTERNATIVE_ACTIVITY_MISSING',
  // scenarios
  'SCENARIO_START_UNKNOWN',
  'SCENARIO_UNKNOWN_TARGET',
  'SCENARIO_UNREACHABLE_NODE',
  'SCENARIO_DEAD_END',
  'SCENARIO_NO_PATH_TO_ENDING',
  'SCENARIO_LOOP_NO_EXIT',
  'SCENARIO_NO_SAFE_ADULT_PATH',
  'SCENARIO_UNKNOWN_SPEAKER',
  'SCENARIO_VARIABLE_UNDECLARED',
  'SCENARIO_VARIABLE_TYPE',
  'SCENARIO_CONDITION_SYNTAX',
  'SCENARIO_ONLY_CONDITIONAL_CHOICES',
  // assessments
  'ASSESSMENT_ANSWER_MISSING',
  'ASSESSMENT_ANSWER_UNKNOWN_OPTION',
  'ASSESSMENT_INCLUDE_UNKNOWN',
  'ASSESSMENT_PRE_POST_MISSING',
  'ASSESSMENT_ORDER',
  'ASSESSMENT_UNMATCHED_ITEM',
  'ASSESSMENT_NO_SESSION_SAFETY',
  // translations and age
  'TRANSLATION_MISSING',
  'TRANSLATION_UNDECLARED_LANGUAGE',
  'TRANSLATION_STRUCTURE_MISMATCH',
  'READING_LEVEL_HIGH',
  // lesson images
  'IMAGE_SOURCE_NOT_ALLOWED',
  'IMAGE_NOT_FOUND',
  'IMAGE_ALT_MISSING',
  'IMAGE_UNSAFE',
  'IMAGE_UNUSED',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface SourcePosition {
  line: number;
  column: number;
}

export function makeIssue(
  severity: IssueSeverity,
  file: string,
  pos: SourcePosition,
  code: IssueCode,
  message: string,
  hint: string,
): Issue {
  return { file, line: pos.line, column: pos.column, code, severity, message, hint };
}

/** Sorts issues by file, line, column and code so output is stable. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

export function splitIssues(issues: Issue[]): ValidationResult {
  const sorted = sortIssues(issues);
  return {
    errors: sorted.filter((i) => i.severity === 'error'),
    warnings: sorted.filter((i) => i.severity === 'warning'),
  };
}

/** `file:line:column error|warning CODE message (hint)`, the format editors and CI annotate. */
export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.message} (${issue.hint})`;
}
