import type { Issue } from '../issues';
import type { LessonDocument, ModuleDocument } from '../document';
import {
  ASSESSMENT_FILE_PATTERN,
  LESSON_FILE_PATTERN,
  MODULE_FILE,
  parseModule,
  SCENARIO_FILE_PATTERN,
  type ModuleFiles,
  type ParsedModule,
  type ParseOptions,
} from '../parse';
import {
  CURRENT_SCHEMA_VERSION,
  type Assessment,
  type AssessmentItem,
  type Localized,
  type ModuleManifest,
  type Scenario,
  type ScenarioChoice,
  type ScenarioNode,
} from '../schemas';
import { canonicalYaml } from './canonical-yaml';

export interface ReadModuleDocumentResult {
  /**
   * Present when module.yaml and every lesson, scenario and assessment file parsed and matched its
   * schema (an empty lesson block is the only parse issue allowed: the document can hold it).
   */
  document?: ModuleDocument;
  parsed: ParsedModule;
  /** The parse issues (syntax, schemaVersion, schema), as `parseModule` reports them. */
  issues: Issue[];
}

/** Parse issues after which the files still say everything a document needs. */
const LOSSLESS_PARSE_ISSUES: ReadonlySet<string> = new Set(['LESSON_BLOCK_EMPTY']);

/** True for the paths the document models (module.yaml, lessons, scenarios, assessments). */
export function isModelledPath(path: string): boolean {
  return (
    path === MODULE_FILE ||
    LESSON_FILE_PATTERN.test(path) ||
    SCENARIO_FILE_PATTERN.test(path) ||
    ASSESSMENT_FILE_PATTERN.test(path)
  );
}

/**
 * Reads content files into a {@link ModuleDocument}. Lesson id and language come from the file name
 * (the canonical writer writes the same values into the front matter); scenarios and assessments are
 * sorted by id, lessons by file name. Files that are not module.yaml, lessons, scenarios or assessments
 * go to `extraFiles` verbatim.
 */
export function readModuleDocument(files: ModuleFiles, options: ParseOptions = {}): ReadModuleDocumentResult {
  const parsed = parseModule(files, options);
  const issues = parsed.issues;
  const result: ReadModuleDocumentResult = { parsed, issues };
  const manifest = parsed.manifest?.data;
  if (!manifest || issues.some((i) => !LOSSLESS_PARSE_ISSUES.has(i.code))) return result;

  const lessons: LessonDocument[] = [];
  for (const l of [...parsed.lessons].sort((a, b) => compareStrings(a.path, b.path))) {
    if (!l.frontMatter) return result;
    lessons.push({
      id: l.id,
      lang: l.lang,
      title: l.frontMatter.title,
      minutes: l.frontMatter.minutes,
      blocks: l.blocks.map((b) =>
        b.title === undefined
          ? { kind: b.kind, markdown: b.markdown }
          : { kind: b.kind, title: b.title, markdown: b.markdown },
      ),
    });
  }
  const scenarios: Scenario[] = [];
  for (const s of parsed.scenarios) {
    if (!s.data) return result;
    scenarios.push(s.data);
  }
  const assessments: Assessment[] = [];
  for (const a of parsed.assessments) {
    if (!a.data) return result;
    assessments.push(a.data);
  }
  const extraFiles: Record<string, string> = {};
  for (const path of Object.keys(files).sort(compareStrings)) {
    if (!isModelledPath(path)) extraFiles[path] = files[path] ?? '';
  }
  result.document = {
    manifest,
    lessons,
    scenarios: scenarios.sort((a, b) => compareStrings(a.id, b.id)),
    assessments: assessments.sort((a, b) => compareStrings(a.id, b.id)),
    extraFiles,
  };
  return result;
}

/** Code-unit order, the order `Array.prototype.sort` gives strings (locale-independent). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * THE canonical writer: the content files of a document, byte for byte the same whatever order the
 * document's object keys come in (a document read back from `jsonb` has its keys reordered).
 *
 * - module.yaml, `scenarios/<id>.yaml`, `assessments/<id>.yaml` and the lesson front matter are
 *   written with {@link canonicalYaml}, keys in the order of their zod schema;
 * - a field equal to its schema default is left out (empty `tags`, `choices`, `characters`,
 *   `variables`, `contentWarnings`, `prerequisites`, `reviews`; `speaker: narrator`;
 *   `sensitive: false`; `reverse: false`; the default facilitator), as are absent optional fields;
 * - a localized map lists the module's languages in `languages` order, then any other language in
 *   alphabetical order; `set` / `add` maps are sorted by variable name;
 * - a lesson is `---`, its front matter, `---`, then each block as `:::kind title`, its Markdown and
 *   `:::`, blocks separated by one blank line;
 * - every file ends with exactly one line break; extra files are copied verbatim.
 */
export function writeModuleFiles(doc: ModuleDocument): ModuleFiles {
  const langs = doc.manifest.languages;
  const loc = (value: Localized | undefined): Localized | undefined => orderLocalized(value, langs);
  const files: ModuleFiles = {};
  files[MODULE_FILE] = canonicalYaml(manifestData(doc.manifest, loc));
  for (const lesson of [...doc.lessons].sort((a, b) => compareStrings(lessonPath(a), lessonPath(b)))) {
    files[lessonPath(lesson)] = lessonText(lesson);
  }
  for (const s of [...doc.scenarios].sort((a, b) => compareStrings(a.id, b.id))) {
    files[`scenarios/${s.id}.yaml`] = canonicalYaml(scenarioData(s, loc));
  }
  for (const a of [...doc.assessments].sort((x, y) => compareStrings(x.id, y.id))) {
    files[`assessments/${a.id}.yaml`] = canonicalYaml(assessmentData(a, loc));
  }
  for (const path of Object.keys(doc.extraFiles).sort(compareStrings)) {
    if (!(path in files)) files[path] = doc.extraFiles[path] ?? '';
  }
  return files;
}

/** `lessons/<id>.<lang>.md`. */
export function lessonPath(lesson: { id: string; lang: string }): string {
  return `lessons/${lesson.id}.${lesson.lang}.md`;
}

/** The text of one canonical lesson file. */
export function lessonText(lesson: LessonDocument): string {
  const frontMatter = canonicalYaml({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: lesson.id,
    lang: lesson.lang,
    title: lesson.title,
    minutes: lesson.minutes,
  });
  const blocks = lesson.blocks.map((b) => {
    const open = b.title === undefined || b.title === '' ? `:::${b.kind}` : `:::${b.kind} ${b.title}`;
    const body = b.markdown.replace(/\r\n?/g, '\n').trim();
    return body === '' ? `${open}\n:::\n` : `${open}\n${body}\n:::\n`;
  });
  return `---\n${frontMatter}---\n${blocks.map((b) => `\n${b}`).join('')}`;
}

// ---------------------------------------------------------------- data in schema order

type Loc = (value: Localized | undefined) => Localized | undefined;
type Data = Record<string, unknown>;

/** Drops undefined members (so they are not written) and keeps the order the keys were given in. */
function compact(o: Data): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** `undefined` for an empty list (the schema default), the list otherwise. */
function nonEmpty<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

function orderLocalized(value: Localized | undefined, langs: readonly string[]): Localized | undefined {
  if (value === undefined || typeof value === 'string') return value;
  const rank = (l: string): number => {
    const i = langs.indexOf(l);
    return i === -1 ? langs.length : i;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

function sortedMap<T>(value: Record<string, T> | undefined): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareStrings)
      .map((k) => [k, value[k] as T]),
  );
}

function manifestData(m: ModuleManifest, loc: Loc): Data {
  const f = m.facilitator;
  const facilitator = compact({
    trainings: nonEmpty(f.trainings),
    survivorCoFacilitationRecommended: f.survivorCoFacilitationRecommended ? true : undefined,
    notes: f.notes,
  });
  return compact({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: m.id,
    version: m.version,
    title: loc(m.title),
    summary: loc(m.summary),
    gradeBand: m.gradeBand,
    grades: [...m.grades],
    languages: [...m.languages],
    estimatedMinutes: m.estimatedMinutes,
    objectives: m.objectives.map((o) => compact({ id: o.id, text: loc(o.text) })),
    topics: [...m.topics],
    contentWarnings: nonEmpty(m.contentWarnings.map((w) => compact({ topic: w.topic, text: loc(w.text) }))),
    alternativeActivity: loc(m.alternativeActivity),
    parentNotice: loc(m.parentNotice),
    facilitator: Object.keys(facilitator).length > 0 ? facilitator : undefined,
    prerequisites: nonEmpty(m.prerequisites.map((p) => compact({ module: p.module, version: p.version }))),
    authors: m.authors.map((a) => compact({ name: a.name, role: a.role, organisation: a.organisation })),
    review: compact({
      status: m.review.status,
      reviews: nonEmpty(
        m.review.reviews.map((r) =>
          compact({ reviewer: r.reviewer, kind: r.kind, date: r.date, notes: r.notes }),
        ),
      ),
    }),
    licence: m.licence,
    sequence: m.sequence.map((e) =>
      compact({ lesson: e.lesson, scenario: e.scenario, assessment: e.assessment }),
    ),
  });
}

function choiceData(c: ScenarioChoice, loc: Loc): Data {
  return compact({
    id: c.id,
    if: c.if,
    text: loc(c.text),
    next: c.next,
    feedback: loc(c.feedback),
    tags: nonEmpty(c.tags),
    set: sortedMap(c.set),
    add: sortedMap(c.add),
  });
}

function nodeData(n: ScenarioNode, loc: Loc): Data {
  return compact({
    id: n.id,
    speaker: n.speaker === 'narrator' ? undefined : n.speaker,
    text: loc(n.text),
    tags: nonEmpty(n.tags),
    choices: nonEmpty(n.choices.map((c) => choiceData(c, loc))),
    ending: n.ending ? compact({ outcome: n.ending.outcome, debrief: loc(n.ending.debrief) }) : undefined,
  });
}

function scenarioData(s: Scenario, loc: Loc): Data {
  return compact({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: s.id,
    title: loc(s.title),
    summary: loc(s.summary),
    start: s.start,
    characters: nonEmpty(s.characters.map((c) => compact({ id: c.id, name: loc(c.name) }))),
    variables: nonEmpty(s.variables.map((v) => compact({ id: v.id, type: v.type, initial: v.initial }))),
    nodes: s.nodes.map((n) => nodeData(n, loc)),
  });
}

function itemData(it: AssessmentItem, loc: Loc): Data {
  const base = {
    id: it.id,
    type: it.type,
    construct: it.construct,
    prompt: loc(it.prompt),
    sensitive: it.sensitive ? true : undefined,
  };
  switch (it.type) {
    case 'multiple-choice':
      return compact({
        ...base,
        options: it.options.map((o) => compact({ id: o.id, text: loc(o.text) })),
        answer: it.answer,
      });
    case 'true-false':
      return compact({ ...base, answer: it.answer });
    case 'likert':
      return compact({ ...base, scale: it.scale, reverse: it.reverse ? true : undefined });
  }
}

function assessmentData(a: Assessment, loc: Loc): Data {
  return compact({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: a.id,
    kind: a.kind,
    title: loc(a.title),
    instructions: loc(a.instructions),
    include: a.include,
    items: nonEmpty(a.items.map((it) => itemData(it, loc))),
  });
}
