import type { GradeBand } from '@haven/domain';
import { canonicalJson, sha256Hex } from './canonical-json';
import { IMAGE_PATH, mediaBase } from './images';
import type { Issue } from './issues';
import { toLanguageMap } from './localized';
import type { ParsedLesson, ParsedModule } from './parse';
import { renderMarkdown } from './render';
import type { Assessment, Localized, ModuleManifest, Scenario, SequenceKind } from './schemas';
import { resolveAssessmentItems, sequenceEntryOf, validateModule } from './validate';
import {
  TEACHER_ONLY_BLOCKS,
  likertLabels,
  type ChoiceTag,
  type Construct,
  type EndingOutcome,
  type LessonBlockKind,
  type LikertScale,
  type ReviewKind,
  type ReviewStatus,
} from './vocabulary';

/** Text per language code. */
export type LanguageMap = Record<string, string>;

export interface CompiledLessonBlock {
  kind: Exclude<LessonBlockKind, 'facilitator-notes'>;
  title?: LanguageMap;
  /** Sanitised HTML per language. */
  html: LanguageMap;
}
export interface CompiledFacilitatorNote {
  title?: LanguageMap;
  html: LanguageMap;
}
export interface CompiledLesson {
  id: string;
  minutes: number;
  title: LanguageMap;
  /** Learner-facing blocks, in order. */
  blocks: CompiledLessonBlock[];
  /** Teacher-only: never send to a learner's device. */
  facilitatorNotes: CompiledFacilitatorNote[];
}

export interface CompiledScenarioChoice {
  id: string;
  text: LanguageMap;
  next: string;
  feedback: LanguageMap;
  tags: ChoiceTag[];
  if?: string;
  set?: Record<string, boolean | number | string>;
  add?: Record<string, number>;
}
export interface CompiledScenarioNode {
  id: string;
  speaker: string;
  text: LanguageMap;
  tags: ChoiceTag[];
  choices: CompiledScenarioChoice[];
  ending?: { outcome: EndingOutcome; debrief: LanguageMap };
}
export interface CompiledScenario {
  id: string;
  title: LanguageMap;
  summary?: LanguageMap;
  start: string;
  characters: { id: string; name: LanguageMap }[];
  variables: { id: string; type: 'boolean' | 'number'; initial: boolean | number }[];
  nodes: CompiledScenarioNode[];
}

interface CompiledItemBase {
  id: string;
  construct: Construct;
  prompt: LanguageMap;
  sensitive: boolean;
}
export type CompiledAssessmentItem =
  | (CompiledItemBase & { type: 'multiple-choice'; options: { id: string; text: LanguageMap }[] })
  | (CompiledItemBase & { type: 'true-false' })
  | (CompiledItemBase & {
      type: 'likert';
      scale: LikertScale;
      labels: Record<string, string[]>;
      reverse: boolean;
    });

export interface CompiledAssessment {
  id: string;
  kind: 'pre' | 'post' | 'check';
  title: LanguageMap;
  instructions?: LanguageMap;
  /** Items as shown to learners (no answers). */
  items: CompiledAssessmentItem[];
  /** Teacher/server-only answer key: item id → correct option id or true/false. */
  answerKey: Record<string, string | boolean>;
}

/** An immutable, JSON-serialisable module version: what the platform stores and serves. */
export interface ModuleVersion {
  format: 'haven.module-version';
  formatVersion: 1;
  /** sha256 (hex) of the canonical JSON of this object without `contentHash`. */
  contentHash: string;
  id: string;
  version: string;
  title: LanguageMap;
  summary: LanguageMap;
  gradeBand: GradeBand;
  grades: number[];
  languages: string[];
  sourceLanguage: string;
  estimatedMinutes: number;
  objectives: { id: string; text: LanguageMap }[];
  topics: string[];
  contentWarnings: { topic: string; text: LanguageMap }[];
  /** What a learner does instead when stepping away or opted out (learner-facing). */
  alternativeActivity?: LanguageMap;
  /** Letter text for parents and guardians (not learner-facing). */
  parentNotice?: LanguageMap;
  facilitator: { trainings: string[]; survivorCoFacilitationRecommended: boolean; notes?: string };
  prerequisites: { module: string; version: string }[];
  authors: { name: string; role?: string; organisation?: string }[];
  review: {
    status: ReviewStatus;
    reviews: { reviewer: string; kind: ReviewKind; date: string; notes?: string }[];
  };
  licence: string;
  sequence: { kind: SequenceKind; id: string }[];
  lessons: CompiledLesson[];
  scenarios: CompiledScenario[];
  assessments: CompiledAssessment[];
  /** The module's lesson images (`images/<name>.svg` → sha256 of the file), when it has any. */
  images?: Record<string, string>;
}

export class CurriculumValidationError extends Error {
  constructor(readonly errors: Issue[]) {
    super(
      `module has ${errors.length} validation error(s); first: ${errors[0] ? `${errors[0].file}:${errors[0].line}:${errors[0].column} ${errors[0].code} ${errors[0].message}` : 'none'}`,
    );
    this.name = 'CurriculumValidationError';
  }
}

/**
 * The module's images (path → sha256 of the file), so a version's identity covers its drawings too; left out
 * when there are none, which keeps the hashes of modules without images as they were.
 */
function imagesOf(parsed: ParsedModule): Record<string, string> | undefined {
  const paths = Object.keys(parsed.files)
    .filter((p) => IMAGE_PATH.test(p))
    .sort();
  if (paths.length === 0) return undefined;
  return Object.fromEntries(paths.map((p) => [p, sha256Hex(parsed.files[p]!)]));
}

/** Drops keys whose value is undefined, so JSON round-trips and hashes are stable. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function computeContentHash(version: Omit<ModuleVersion, 'contentHash'> | ModuleVersion): string {
  const { contentHash: _ignored, ...rest } = version as ModuleVersion;
  void _ignored;
  return sha256Hex(canonicalJson(rest));
}

/**
 * Compiles a valid parsed module into an immutable module version. Throws CurriculumValidationError
 * when validation finds errors (warnings do not block).
 */
export function compileModule(parsed: ParsedModule): ModuleVersion {
  const result = validateModule(parsed);
  if (result.errors.length > 0 || !parsed.manifest?.data) throw new CurriculumValidationError(result.errors);
  const m: ModuleManifest = parsed.manifest.data;
  const langs = [...new Set(m.languages)];
  const src = langs[0]!;
  const L = (v: Localized): LanguageMap => pick(toLanguageMap(v, src), langs);
  const sequence = m.sequence.map(sequenceEntryOf);

  const lessons: CompiledLesson[] = sequence
    .filter((e) => e.kind === 'lesson')
    .map((e) =>
      compileLesson(
        e.id,
        parsed.lessons.filter((l) => l.id === e.id),
        langs,
        mediaBase(m.id, m.version),
      ),
    );

  const scenarios: CompiledScenario[] = sequence
    .filter((e) => e.kind === 'scenario')
    .map((e) => compileScenario(parsed.scenarios.find((s) => s.data?.id === e.id)!.data!, L));

  const allAssessments = parsed.assessments.flatMap((a) => (a.data ? [a.data] : []));
  const assessments: CompiledAssessment[] = sequence
    .filter((e) => e.kind === 'assessment')
    .map((e) =>
      compileAssessment(
        allAssessments.find((a) => a.id === e.id)!,
        allAssessments,
        L,
        langs,
      ),
    );

  const body: Omit<ModuleVersion, 'contentHash'> = {
    format: 'haven.module-version',
    formatVersion: 1,
    id: m.id,
    version: m.version,
    title: L(m.title),
    summary: L(m.summary),
    gradeBand: m.gradeBand,
    grades: [...m.grades],
    languages: langs,
    sourceLanguage: src,
    estimatedMinutes: m.estimatedMinutes,
    objectives: m.objectives.map((o) => ({ id: o.id, text: L(o.text) })),
    topics: [...m.topics],
    contentWarnings: m.contentWarnings.map((w) => ({ topic: w.topic, text: L(w.text) })),
    alternativeActivity: m.alternativeActivity === undefined ? undefined : L(m.alternativeActivity),
    parentNotice: m.parentNotice === undefined ? undefined : L(m.parentNotice),
    facilitator: clean({ ...m.facilitator, trainings: [...m.facilitator.trainings] }),
    prerequisites: m.prerequisites.map((p) => ({ ...p })),
    authors: m.authors.map((a) => clean({ ...a })),
    review: { status: m.review.status, reviews: m.review.reviews.map((r) => clean({ ...r })) },
    licence: m.licence,
    sequence,
    lessons,
    scenarios,
    assessments,
    images: imagesOf(parsed),
  };
  // Round-trip so the object is plain JSON (no undefined, no shared references), then freeze.
  const plain = JSON.parse(JSON.stringify(body)) as Omit<ModuleVersion, 'contentHash'>;
  return deepFreeze({ ...plain, contentHash: computeContentHash(plain) });
}

function pick(map: LanguageMap, langs: string[]): LanguageMap {
  const out: LanguageMap = {};
  for (const l of langs) if (map[l] !== undefined) out[l] = map[l];
  return out;
}

function compileLesson(
  id: string,
  variants: ParsedLesson[],
  langs: string[],
  imageBase: string,
): CompiledLesson {
  const byLang = new Map(variants.map((v) => [v.lang, v]));
  const source = byLang.get(langs[0]!)!;
  const blocks: CompiledLessonBlock[] = [];
  const facilitatorNotes: CompiledFacilitatorNote[] = [];
  const title: LanguageMap = {};
  for (const l of langs) {
    const fm = byLang.get(l)?.frontMatter;
    if (fm) title[l] = fm.title;
  }
  source.blocks.forEach((b, i) => {
    const html: LanguageMap = {};
    const btitle: LanguageMap = {};
    for (const l of langs) {
      const blk = byLang.get(l)?.blocks[i];
      if (!blk) continue;
      html[l] = renderMarkdown(blk.markdown, { imageBase });
      if (blk.title) btitle[l] = blk.title;
    }
    const t = Object.keys(btitle).length > 0 ? btitle : undefined;
    if (TEACHER_ONLY_BLOCKS.includes(b.kind)) facilitatorNotes.push(clean({ title: t, html }));
    else blocks.push(clean({ kind: b.kind as CompiledLessonBlock['kind'], title: t, html }));
  });
  return { id, minutes: source.frontMatter?.minutes ?? 0, title, blocks, facilitatorNotes };
}

function compileScenario(s: Scenario, L: (v: Localized) => LanguageMap): CompiledScenario {
  return clean({
    id: s.id,
    title: L(s.title),
    summary: s.summary ? L(s.summary) : undefined,
    start: s.start,
    characters: s.characters.map((c) => ({ id: c.id, name: L(c.name) })),
    variables: s.variables.map((v) => ({ ...v })),
    nodes: s.nodes.map((n) =>
      clean({
        id: n.id,
        speaker: n.speaker,
        text: L(n.text),
        tags: [...n.tags],
        choices: n.choices.map((c) =>
          clean({
            id: c.id,
            text: L(c.text),
            next: c.next,
            feedback: L(c.feedback),
            tags: [...c.tags],
            if: c.if,
            set: c.set,
            add: c.add,
          }),
        ),
        ending: n.ending ? { outcome: n.ending.outcome, debrief: L(n.ending.debrief) } : undefined,
      }),
    ),
  });
}

function compileAssessment(
  a: Assessment,
  all: Assessment[],
  L: (v: Localized) => LanguageMap,
  langs: string[],
): CompiledAssessment {
  const answerKey: Record<string, string | boolean> = {};
  const items: CompiledAssessmentItem[] = resolveAssessmentItems(a, all).map((it) => {
    const base = { id: it.id, construct: it.construct, prompt: L(it.prompt), sensitive: it.sensitive };
    if (it.type === 'multiple-choice') {
      if (it.answer !== undefined) answerKey[it.id] = it.answer;
      return { ...base, type: it.type, options: it.options.map((o) => ({ id: o.id, text: L(o.text) })) };
    }
    if (it.type === 'true-false') {
      if (it.answer !== undefined) answerKey[it.id] = it.answer;
      return { ...base, type: it.type };
    }
    const labels: Record<string, string[]> = {};
    for (const l of langs) {
      const ls = likertLabels(it.scale, l);
      if (ls) labels[l] = [...ls];
    }
    return { ...base, type: it.type, scale: it.scale, labels, reverse: it.reverse };
  });
  return clean({
    id: a.id,
    kind: a.kind,
    title: L(a.title),
    instructions: a.instructions ? L(a.instructions) : undefined,
    items,
    answerKey,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The bytes of a module bundle as written by `curricula build`: the canonical JSON of the module version
 * (keys sorted, no whitespace), `contentHash` included. Same files → same bytes.
 */
export function bundleText(version: ModuleVersion): string {
  return canonicalJson(version);
}

/** File name of a bundle: `<id>@<version>.json`. */
export function bundleFileName(version: Pick<ModuleVersion, 'id' | 'version'>): string {
  return `${version.id}@${version.version}.json`;
}
