import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { anchorKey, type ContentAnchor, type ModuleDocument } from '../document';
import type { Issue } from '../issues';
import {
  ASSESSMENT_FILE_PATTERN,
  LESSON_FILE_PATTERN,
  MODULE_FILE,
  parseModule,
  SCENARIO_FILE_PATTERN,
  type ModuleFiles,
  type ParsedModule,
} from '../parse';
import { validateModule } from '../validate';
import { writeModuleFiles } from './document-files';

/** A validation issue with the most specific place in the document it belongs to, when known. */
export type AnchoredIssue = Issue & { anchor?: ContentAnchor; anchorKey?: string };

export interface DocumentValidation {
  /** The canonical files the document was validated as. */
  files: ModuleFiles;
  parsed: ParsedModule;
  errors: AnchoredIssue[];
  warnings: AnchoredIssue[];
}

/**
 * Validates a document exactly as its canonical files would be validated (`writeModuleFiles`, then
 * `parseModule` and `validateModule`), and anchors each issue to the most specific place in the
 * document: a scenario node (and the node's field, e.g. `choices.1.next`), an assessment item, a
 * lesson block, or a field of module.yaml. Issues keep `file` (relative to the module folder), `line`
 * and `column` as the CLI would print them. The folder name is not checked (a document has none).
 */
export function validateDocument(doc: ModuleDocument): DocumentValidation {
  const files = writeModuleFiles(doc);
  const parsed = parseModule(files);
  const result = validateModule(parsed);
  const anchorer = issueAnchorer(parsed);
  const anchor = (issue: Issue): AnchoredIssue => {
    const a = anchorer(issue);
    return a ? { ...issue, anchor: a, anchorKey: anchorKey(a) } : { ...issue };
  };
  return { files, parsed, errors: result.errors.map(anchor), warnings: result.warnings.map(anchor) };
}

/**
 * Returns a function that finds the ContentAnchor of an issue of `parsed` from its file, line and
 * column. Issues at line 1, column 1 are about a whole file: they anchor to the lesson, scenario or
 * assessment (and to nothing for module.yaml).
 */
export function issueAnchorer(
  parsed: ParsedModule,
): (issue: Pick<Issue, 'file' | 'line' | 'column'>) => ContentAnchor | undefined {
  const prefix = parsed.basePath ? `${parsed.basePath.replace(/\/+$/, '')}/` : '';
  const indexes = new Map<string, YamlPathIndex>();
  const indexOf = (path: string): YamlPathIndex => {
    let index = indexes.get(path);
    if (!index) {
      index = yamlPathIndex(parsed.files[path] ?? '');
      indexes.set(path, index);
    }
    return index;
  };
  return (issue) => {
    const path = prefix && issue.file.startsWith(prefix) ? issue.file.slice(prefix.length) : issue.file;
    const wholeFile = issue.line === 1 && issue.column === 1;
    const lessonMatch = LESSON_FILE_PATTERN.exec(path);
    if (lessonMatch) {
      const lesson = parsed.lessons.find((l) => l.path === path);
      const anchor: ContentAnchor = { kind: 'lesson', lesson: lessonMatch[1]!, lang: lessonMatch[2]! };
      if (!lesson || wholeFile) return anchor;
      let block: number | undefined;
      lesson.blocks.forEach((b, i) => {
        if (b.line <= issue.line) block = i;
      });
      return block === undefined ? anchor : { ...anchor, block };
    }
    const scenario = SCENARIO_FILE_PATTERN.test(path)
      ? parsed.scenarios.find((s) => s.path === path)
      : undefined;
    const assessment = ASSESSMENT_FILE_PATTERN.test(path)
      ? parsed.assessments.find((a) => a.path === path)
      : undefined;
    if (path !== MODULE_FILE && !scenario && !assessment) return undefined;
    const dataPath = wholeFile ? [] : indexOf(path).pathAt(issue.line, issue.column);
    const trimmed = withoutLanguage(dataPath);
    if (path === MODULE_FILE) {
      return trimmed.length === 0 ? undefined : { kind: 'module', field: trimmed.join('.') };
    }
    if (scenario) {
      const id = scenario.data?.id ?? rawString(scenario.source.data, 'id') ?? idFromPath(path);
      const anchor: ContentAnchor = { kind: 'scenario', scenario: id };
      if (trimmed[0] === 'nodes' && typeof trimmed[1] === 'number') {
        const node = scenario.data?.nodes[trimmed[1]]?.id ?? rawId(scenario.source.data, 'nodes', trimmed[1]);
        if (node === undefined) return anchor;
        const field = fieldOf(trimmed.slice(2));
        return field === undefined ? { ...anchor, node } : { ...anchor, node, field };
      }
      const field = fieldOf(trimmed);
      return field === undefined ? anchor : { ...anchor, field };
    }
    const a = assessment!;
    const id = a.data?.id ?? rawString(a.source.data, 'id') ?? idFromPath(path);
    const anchor: ContentAnchor = { kind: 'assessment', assessment: id };
    if (trimmed[0] === 'items' && typeof trimmed[1] === 'number') {
      const item = a.data?.items[trimmed[1]]?.id ?? rawId(a.source.data, 'items', trimmed[1]);
      if (item === undefined) return anchor;
      const field = fieldOf(trimmed.slice(2));
      return field === undefined ? { ...anchor, item } : { ...anchor, item, field };
    }
    const field = fieldOf(trimmed);
    return field === undefined ? anchor : { ...anchor, field };
  };
}

/** `data[key]` of a file that did not match its schema, when it is a string. */
function rawString(data: unknown, key: string): string | undefined {
  const value =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `data[list][index].id` of a file that did not match its schema, when it is a string. */
function rawId(data: unknown, list: string, index: number): string | undefined {
  const items =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[list] : undefined;
  return Array.isArray(items) ? rawString(items[index], 'id') : undefined;
}

function idFromPath(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.ya?ml$/, '');
}

/** A node's or item's own `id` stands for the node or item itself: no field. */
function fieldOf(rest: readonly (string | number)[]): string | undefined {
  if (rest.length === 0 || (rest.length === 1 && rest[0] === 'id')) return undefined;
  return rest.join('.');
}

/** Fields whose value is learner-facing text that may be a map from language to text. */
const LOCALIZED_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'summary',
  'text',
  'feedback',
  'debrief',
  'name',
  'prompt',
  'instructions',
  'alternativeActivity',
  'parentNotice',
]);

/** `objectives.0.text.es` → `objectives.0.text`: anchors name the field, not the language. */
function withoutLanguage(path: readonly (string | number)[]): (string | number)[] {
  const parent = path[path.length - 2];
  return typeof parent === 'string' &&
    LOCALIZED_FIELDS.has(parent) &&
    typeof path[path.length - 1] === 'string'
    ? path.slice(0, -1)
    : [...path];
}

// ---------------------------------------------------------------- YAML positions → data paths

export interface YamlPathIndex {
  /**
   * The deepest data path whose text (key and value for a map entry, the item for a list entry)
   * contains the 1-based line and column; `[]` when none does.
   */
  pathAt(line: number, column: number): (string | number)[];
}

/** Indexes the text ranges of every map entry and list item of a YAML text. */
export function yamlPathIndex(text: string): YamlPathIndex {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const ranges: { path: (string | number)[]; start: number; end: number }[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = pair.key as Node;
        const value = pair.value as Node | null;
        const start = key.range?.[0];
        const end = value?.range?.[1] ?? key.range?.[1];
        const p = [...path, String(pair.key.value)];
        if (start !== undefined && end !== undefined) ranges.push({ path: p, start, end });
        walk(value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as Node | null)?.range;
        const p = [...path, i];
        if (r) ranges.push({ path: p, start: r[0], end: r[1] });
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  const lineStarts = lineCounter.lineStarts;
  return {
    pathAt(line, column) {
      const offset = (lineStarts[line - 1] ?? text.length) + column - 1;
      let best: (string | number)[] = [];
      for (const r of ranges) {
        if (r.start <= offset && offset < Math.max(r.end, r.start + 1) && r.path.length > best.length)
          best = r.path;
      }
      return best;
    },
  };
}
