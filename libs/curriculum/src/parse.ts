import type { z } from 'zod';
import { makeIssue, type Issue } from './issues';
import { parseLessonText, type LessonBlock } from './lesson-markdown';
import {
  AssessmentSchema,
  CURRENT_SCHEMA_VERSION,
  LessonFrontMatterSchema,
  ModuleManifestSchema,
  ScenarioSchema,
  type Assessment,
  type LessonFrontMatter,
  type ModuleManifest,
  type Scenario,
} from './schemas';
import { upgradeToCurrent, type CurriculumFileKind } from './upgraders';
import { parseYamlSource, type DataPath, type YamlSource } from './yaml-source';

/** Module files keyed by their path relative to the module folder, with `/` separators. */
export type ModuleFiles = Record<string, string>;

export interface ParsedYamlFile<T> {
  /** Path relative to the module folder, e.g. `scenarios/new-follower.yaml`. */
  path: string;
  /** Path as shown in issues (base path + relative path). */
  file: string;
  source: YamlSource;
  /** Present when the file parsed, upgraded and matched its schema. */
  data?: T;
  /** The schemaVersion the file was written in. */
  fromVersion?: number;
}

export interface ParsedLesson {
  path: string;
  file: string;
  /** From the file name `<id>.<lang>.md`. */
  id: string;
  lang: string;
  frontMatter?: LessonFrontMatter;
  frontMatterSource?: YamlSource;
  blocks: LessonBlock[];
  fromVersion?: number;
}

export interface ParsedModule {
  /** Prefix of every issue's file, normally the module folder as given on the command line. */
  basePath: string;
  /** Name of the module folder (must equal the module id). */
  folderName: string;
  files: ModuleFiles;
  manifest?: ParsedYamlFile<ModuleManifest>;
  lessons: ParsedLesson[];
  scenarios: ParsedYamlFile<Scenario>[];
  assessments: ParsedYamlFile<Assessment>[];
  /** Syntax, schemaVersion and schema issues found while parsing. */
  issues: Issue[];
}

export interface ParseOptions {
  /** Shown before each relative path in issues, e.g. `curricula/online-safety-6-8`. */
  basePath?: string;
}

export const MODULE_FILE = 'module.yaml';
export const LESSON_FILE_PATTERN = /^lessons\/([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;
export const SCENARIO_FILE_PATTERN = /^scenarios\/([^/]+)\.ya?ml$/;
export const ASSESSMENT_FILE_PATTERN = /^assessments\/([^/]+)\.ya?ml$/;

export function displayPath(basePath: string, path: string): string {
  return basePath ? `${basePath.replace(/\/+$/, '')}/${path}` : path;
}

function schemaIssues(file: string, source: YamlSource, error: z.ZodError, kind: string): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length ? `\`${path.join('.')}\`` : 'the file';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          makeIssue(
            'error',
            file,
            source.locate([...path, key], { key: true }),
            'SCHEMA_INVALID',
            `${kind}: unknown field \`${[...path, key].join('.')}\``,
            'remove it or fix its spelling (the fields are listed in curricula/README.md)',
          ),
        );
      }
      continue;
    }
    let message = `${kind}: ${where} ${issue.message}`;
    let hint = 'see the field reference in curricula/README.md';
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      message = `${kind}: required field ${where} is missing`;
      hint = `add \`${String(path[path.length - 1])}:\` with a ${issue.expected} value`;
    } else if (issue.code === 'invalid_type') {
      message = `${kind}: ${where} must be ${issue.expected === 'record' ? 'a map' : `a ${issue.expected}`}`;
    } else if (issue.code === 'invalid_value') {
      message = `${kind}: ${where} has a value that is not allowed`;
      hint = `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (issue.code === 'invalid_union') {
      if ('discriminator' in issue && issue.discriminator) {
        message = `${kind}: ${where} is not a known type`;
        const options = (issue as { options?: unknown[] }).options;
        hint = `use one of: ${options?.map((v) => JSON.stringify(v)).join(', ') ?? 'see README'}`;
      } else {
        message = `${kind}: ${where} must be text, or a map from language code to text`;
        hint = 'write `title: Text` for the source language or `title: { en: Text, es: Texto }`';
      }
    } else if (issue.code === 'too_small') {
      hint = `give at least ${String(issue.minimum)}`;
    } else if (issue.code === 'custom' || issue.code === 'invalid_format') {
      hint = 'see the field reference in curricula/README.md';
    }
    out.push(makeIssue('error', file, source.locate(path), 'SCHEMA_INVALID', message, hint));
  }
  return out;
}

/** Checks syntax, upgrades to the current schemaVersion and applies the zod schema. */
function parseVersioned<T>(
  kind: CurriculumFileKind,
  file: string,
  source: YamlSource,
  schema: z.ZodType<T>,
  label: string,
  issues: Issue[],
): { data?: T; fromVersion?: number } {
  if (source.syntaxErrors.length > 0) {
    for (const e of source.syntaxErrors) {
      issues.push(
        makeIssue(
          'error',
          file,
          e.pos,
          'YAML_SYNTAX',
          `YAML syntax error: ${e.message}`,
          'fix the YAML at this position (check indentation and quoting)',
        ),
      );
    }
    return {};
  }
  const up = upgradeToCurrent(kind, source.data);
  if (!up.ok) {
    if (up.reason === 'missing') {
      issues.push(
        makeIssue(
          'error',
          file,
          source.locate([]),
          'SCHEMA_VERSION_MISSING',
          `${label} does not declare \`schemaVersion\``,
          `add \`schemaVersion: ${CURRENT_SCHEMA_VERSION}\` at the top`,
        ),
      );
    } else {
      issues.push(
        makeIssue(
          'error',
          file,
          source.locate(['schemaVersion']),
          'SCHEMA_VERSION_UNSUPPORTED',
          `${label} has schemaVersion ${JSON.stringify(up.found)}, which this version of Haven does not know`,
          `use an integer from 1 to ${CURRENT_SCHEMA_VERSION}, or upgrade Haven`,
        ),
      );
    }
    return {};
  }
  const r = schema.safeParse(up.data);
  if (!r.success) {
    issues.push(...schemaIssues(file, source, r.error, label));
    return { fromVersion: up.fromVersion };
  }
  return { data: r.data, fromVersion: up.fromVersion };
}

function parseYamlFile<T>(
  kind: CurriculumFileKind,
  path: string,
  text: string,
  basePath: string,
  schema: z.ZodType<T>,
  label: string,
  issues: Issue[],
): ParsedYamlFile<T> {
  const file = displayPath(basePath, path);
  const source = parseYamlSource(text);
  const { data, fromVersion } = parseVersioned(kind, file, source, schema, label, issues);
  const out: ParsedYamlFile<T> = { path, file, source };
  if (data !== undefined) out.data = data;
  if (fromVersion !== undefined) out.fromVersion = fromVersion;
  return out;
}

/** Parses a module from its files (no file system needed). Never throws on bad content. */
export function parseModule(files: ModuleFiles, options: ParseOptions = {}): ParsedModule {
  const basePath = options.basePath ?? '';
  const folderName = basePath.replace(/\/+$/, '').split('/').pop() ?? '';
  const issues: Issue[] = [];
  const parsed: ParsedModule = {
    basePath,
    folderName,
    files,
    lessons: [],
    scenarios: [],
    assessments: [],
    issues,
  };
  const paths = Object.keys(files).sort();

  const moduleText = files[MODULE_FILE];
  if (moduleText === undefined) {
    issues.push(
      makeIssue(
        'error',
        displayPath(basePath, MODULE_FILE),
        { line: 1, column: 1 },
        'MODULE_FILE_MISSING',
        'the module folder has no module.yaml',
        'create module.yaml (`npm run curricula -- new <id> --band <band>` writes a skeleton)',
      ),
    );
  } else {
    parsed.manifest = parseYamlFile(
      'module',
      MODULE_FILE,
      moduleText,
      basePath,
      ModuleManifestSchema,
      'module.yaml',
      issues,
    );
  }

  for (const path of paths) {
    const text = files[path] ?? '';
    if (path.startsWith('lessons/')) {
      const m = LESSON_FILE_PATTERN.exec(path);
      if (!m || !m[1] || !m[2]) {
        if (path.endsWith('.md')) {
          issues.push(
            makeIssue(
              'error',
              displayPath(basePath, path),
              { line: 1, column: 1 },
              'SCHEMA_INVALID',
              'lesson file name must be `<lesson-id>.<language>.md`',
              'rename it, e.g. `lessons/safe-adults.en.md`',
            ),
          );
        }
        continue;
      }
      parsed.lessons.push(parseLessonFile(path, m[1], m[2], text, basePath, issues));
    } else if (SCENARIO_FILE_PATTERN.test(path)) {
      parsed.scenarios.push(
        parseYamlFile('scenario', path, text, basePath, ScenarioSchema, 'scenario', issues),
      );
    } else if (ASSESSMENT_FILE_PATTERN.test(path)) {
      parsed.assessments.push(
        parseYamlFile('assessment', path, text, basePath, AssessmentSchema, 'assessment', issues),
      );
    }
  }
  return parsed;
}

function parseLessonFile(
  path: string,
  id: string,
  lang: string,
  text: string,
  basePath: string,
  issues: Issue[],
): ParsedLesson {
  const file = displayPath(basePath, path);
  const lt = parseLessonText(text);
  for (const i of lt.issues) issues.push(makeIssue('error', file, i.pos, i.code, i.message, i.hint));
  const lesson: ParsedLesson = { path, file, id, lang, blocks: lt.blocks };
  if (lt.frontMatter) {
    lesson.frontMatterSource = lt.frontMatter;
    const { data, fromVersion } = parseVersioned(
      'lesson',
      file,
      lt.frontMatter,
      LessonFrontMatterSchema,
      'lesson front matter',
      issues,
    );
    if (data) lesson.frontMatter = data;
    if (fromVersion !== undefined) lesson.fromVersion = fromVersion;
  }
  return lesson;
}

/** Position of a data path in a parsed YAML file (helper for the validator). */
export function at(
  file: ParsedYamlFile<unknown>,
  path: DataPath,
  key = false,
): { line: number; column: number } {
  return file.source.locate(path, { key });
}
