import { diffArrays, diffWords } from 'diff';
import semver from 'semver';
import {
  anchorKey,
  type ContentAnchor,
  type LessonBlockDocument,
  type LessonDocument,
  type ModuleDocument,
  type VersionBump,
} from '../document';
import type {
  Assessment,
  AssessmentItem,
  Localized,
  Scenario,
  ScenarioChoice,
  ScenarioNode,
} from '../schemas';
import { sequenceEntryOf } from '../validate';
import {
  assessmentLabel,
  blockLabel,
  languageTexts,
  lessonLabel,
  moduleLabel,
  scenarioLabel,
  sourceText,
} from './localized-fields';

/** A piece of a word diff, as the `diff` package's `diffWords` returns it. */
export interface WordDiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** One content change between two versions of a module. */
export interface ContentChange {
  anchor: ContentAnchor;
  anchorKey: string;
  /** e.g. `Lesson “How grooming works” (es), block 3 (discussion)`. */
  label: string;
  change: 'added' | 'removed' | 'changed';
  /** The language of the text, for a change of one language of a localized value. */
  lang?: string;
  /** Plain text before / after (absent for an addition / a removal). */
  before?: string;
  after?: string;
  /** Word diff of `before` → `after`, for changed text. */
  parts?: WordDiffPart[];
  /** The smallest version bump that publishing this change calls for (see {@link suggestBump}). */
  impact: VersionBump;
  /** Why, when the impact is more than a patch; e.g. `node removed`. */
  reason?: string;
}

type Impact = { impact: VersionBump; reason?: string };
const PATCH: Impact = { impact: 'patch' };
const minor = (reason: string): Impact => ({ impact: 'minor', reason });
const major = (reason: string): Impact => ({ impact: 'major', reason });

/**
 * What changed in the content from `before` to `after`: one entry per changed field, lesson block,
 * node, choice or item, and per added or removed lesson file, scenario, node, choice, item, option,
 * objective, content warning, language or sequence entry. Lists of things with ids are matched by id;
 * lesson blocks are matched by content, then by kind in order. Localized values compare per language.
 * Reordering the sequence is one change of the sequence; `version` is not content and is not compared.
 *
 * Each change carries its `impact`: editing text is a patch; adding something is minor; removing
 * something learners' records or scores refer to (a lesson, scenario, node, choice, item, option,
 * objective, language, sequence entry) or restructuring (sequence order, scenario start, a choice's
 * target or condition, an ending, an item's type, answer or scale, the grade band) is major.
 */
export function diffModuleDocuments(before: ModuleDocument, after: ModuleDocument): ContentChange[] {
  const out: ContentChange[] = [];
  const emit = (
    anchor: ContentAnchor,
    label: string,
    change: ContentChange['change'],
    impact: Impact,
    texts: { before?: string | undefined; after?: string | undefined; lang?: string } = {},
  ): void => {
    const c: ContentChange = { anchor, anchorKey: anchorKey(anchor), label, change, impact: impact.impact };
    if (texts.lang !== undefined) c.lang = texts.lang;
    if (texts.before !== undefined) c.before = texts.before;
    if (texts.after !== undefined) c.after = texts.after;
    if (change === 'changed' && texts.before !== undefined && texts.after !== undefined)
      c.parts = diffWords(texts.before, texts.after).map(part);
    if (impact.reason !== undefined) c.reason = impact.reason;
    out.push(c);
  };

  /** Compares a localized value per language; a value that appears or disappears is one change. */
  const localized = (
    anchor: ContentAnchor,
    label: string,
    b: Localized | undefined,
    a: Localized | undefined,
    whole: { added: Impact; removed: Impact } = { added: PATCH, removed: PATCH },
  ): void => {
    if (b === undefined && a === undefined) return;
    if (b === undefined) return emit(anchor, label, 'added', whole.added, { after: sourceText(after, a) });
    if (a === undefined)
      return emit(anchor, label, 'removed', whole.removed, { before: sourceText(before, b) });
    const bt = languageTexts(before, b);
    const at = languageTexts(after, a);
    for (const lang of union(Object.keys(at), Object.keys(bt))) {
      text(anchor, `${label} (${lang})`, bt[lang], at[lang], PATCH, lang);
    }
  };
  const text = (
    anchor: ContentAnchor,
    label: string,
    b: string | undefined,
    a: string | undefined,
    impact: Impact = PATCH,
    lang?: string,
  ): void => {
    if (b === a) return;
    const change = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
    emit(
      anchor,
      label,
      change,
      impact,
      lang === undefined ? { before: b, after: a } : { before: b, after: a, lang },
    );
  };
  const value = (
    anchor: ContentAnchor,
    label: string,
    b: unknown,
    a: unknown,
    impact: Impact = PATCH,
  ): void => {
    if (JSON.stringify(b) === JSON.stringify(a)) return;
    text(anchor, label, display(b), display(a), impact);
  };

  diffManifest(before, after, { emit, localized, text, value });
  diffLessons(before, after, { emit, localized, text, value });
  diffScenarios(before, after, { emit, localized, text, value });
  diffAssessments(before, after, { emit, localized, text, value });
  return out;
}

interface Differ {
  emit: (
    anchor: ContentAnchor,
    label: string,
    change: ContentChange['change'],
    impact: Impact,
    texts?: { before?: string | undefined; after?: string | undefined; lang?: string },
  ) => void;
  localized: (
    anchor: ContentAnchor,
    label: string,
    b: Localized | undefined,
    a: Localized | undefined,
    whole?: { added: Impact; removed: Impact },
  ) => void;
  text: (
    anchor: ContentAnchor,
    label: string,
    b: string | undefined,
    a: string | undefined,
    impact?: Impact,
  ) => void;
  value: (anchor: ContentAnchor, label: string, b: unknown, a: unknown, impact?: Impact) => void;
}

function part(p: { value: string; added?: boolean; removed?: boolean }): WordDiffPart {
  const out: WordDiffPart = { value: p.value };
  if (p.added) out.added = true;
  if (p.removed) out.removed = true;
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function display(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  return JSON.stringify(v);
}

/** Matches two lists by key; calls back for removed, added and common entries (with their indexes). */
function byKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  on: {
    removed: (b: T, i: number) => void;
    added: (a: T, i: number) => void;
    both: (b: T, a: T, bi: number, ai: number) => void;
  },
): { reordered: boolean } {
  const afterKeys = new Map(after.map((a, i) => [key(a), i]));
  const beforeKeys = new Map(before.map((b, i) => [key(b), i]));
  before.forEach((b, i) => {
    if (!afterKeys.has(key(b))) on.removed(b, i);
  });
  const common: string[] = [];
  after.forEach((a, i) => {
    const bi = beforeKeys.get(key(a));
    if (bi === undefined) on.added(a, i);
    else {
      on.both(before[bi]!, a, bi, i);
      common.push(key(a));
    }
  });
  const beforeCommon = before.map(key).filter((k) => afterKeys.has(k));
  return { reordered: beforeCommon.join('\n') !== common.join('\n') };
}

// ---------------------------------------------------------------- module.yaml

function diffManifest(before: ModuleDocument, after: ModuleDocument, d: Differ): void {
  const b = before.manifest;
  const a = after.manifest;
  const mod = moduleLabel(after);
  const m = (field: string): ContentAnchor => ({ kind: 'module', field });
  d.localized(m('title'), `${mod}: title`, b.title, a.title);
  d.localized(m('summary'), `${mod}: summary`, b.summary, a.summary);
  d.value(m('gradeBand'), `${mod}: grade band`, b.gradeBand, a.gradeBand, major('grade band changed'));
  const gradesRemoved = b.grades.some((g) => !a.grades.includes(g));
  const gradesAdded = a.grades.some((g) => !b.grades.includes(g));
  d.value(
    m('grades'),
    `${mod}: grades`,
    b.grades,
    a.grades,
    gradesRemoved ? major('grade removed') : gradesAdded ? minor('grade added') : PATCH,
  );
  byKey(b.languages, a.languages, (l) => l, {
    removed: (l) =>
      d.emit(m('languages'), `${mod}: language ${l}`, 'removed', major('language removed'), { before: l }),
    added: (l) =>
      d.emit(m('languages'), `${mod}: language ${l}`, 'added', minor('language added'), { after: l }),
    both: () => undefined,
  });
  if (b.languages[0] !== a.languages[0] && a.languages.includes(b.languages[0] ?? ''))
    d.text(
      m('languages'),
      `${mod}: source language`,
      b.languages[0],
      a.languages[0],
      major('source language changed'),
    );
  d.value(m('estimatedMinutes'), `${mod}: estimated minutes`, b.estimatedMinutes, a.estimatedMinutes);
  byKey(b.objectives, a.objectives, (o) => o.id, {
    removed: (o, i) =>
      d.emit(m(`objectives.${i}`), `${mod}: objective “${o.id}”`, 'removed', major('objective removed'), {
        before: sourceText(before, o.text),
      }),
    added: (o, i) =>
      d.emit(m(`objectives.${i}`), `${mod}: objective “${o.id}”`, 'added', minor('objective added'), {
        after: sourceText(after, o.text),
      }),
    both: (x, y, _bi, i) =>
      d.localized(m(`objectives.${i}.text`), `${mod}: objective “${y.id}”`, x.text, y.text),
  });
  byKey(b.topics, a.topics, (t) => t, {
    removed: (t) =>
      d.emit(m('topics'), `${mod}: topic ${t}`, 'removed', major('topic removed'), { before: t }),
    added: (t) => d.emit(m('topics'), `${mod}: topic ${t}`, 'added', minor('topic added'), { after: t }),
    both: () => undefined,
  });
  byKey(b.contentWarnings, a.contentWarnings, (w) => w.topic, {
    removed: (w, i) =>
      d.emit(
        m(`contentWarnings.${i}`),
        `${mod}: content warning “${w.topic}”`,
        'removed',
        major('content warning removed'),
        {
          before: sourceText(before, w.text),
        },
      ),
    added: (w, i) =>
      d.emit(
        m(`contentWarnings.${i}`),
        `${mod}: content warning “${w.topic}”`,
        'added',
        minor('content warning added'),
        {
          after: sourceText(after, w.text),
        },
      ),
    both: (x, y, _bi, i) =>
      d.localized(m(`contentWarnings.${i}.text`), `${mod}: content warning “${y.topic}”`, x.text, y.text),
  });
  const optional = { added: minor('text added'), removed: major('text removed') };
  d.localized(
    m('alternativeActivity'),
    `${mod}: alternative activity`,
    b.alternativeActivity,
    a.alternativeActivity,
    optional,
  );
  d.localized(m('parentNotice'), `${mod}: parent notice`, b.parentNotice, a.parentNotice, optional);
  d.value(
    m('facilitator.trainings'),
    `${mod}: facilitator trainings`,
    b.facilitator.trainings,
    a.facilitator.trainings,
  );
  d.value(
    m('facilitator.survivorCoFacilitationRecommended'),
    `${mod}: survivor co-facilitation recommended`,
    b.facilitator.survivorCoFacilitationRecommended,
    a.facilitator.survivorCoFacilitationRecommended,
  );
  d.text(m('facilitator.notes'), `${mod}: facilitator notes`, b.facilitator.notes, a.facilitator.notes);
  byKey(b.prerequisites, a.prerequisites, (p) => p.module, {
    removed: (p, i) =>
      d.emit(m(`prerequisites.${i}`), `${mod}: prerequisite ${p.module}`, 'removed', PATCH, {
        before: `${p.module}@${p.version}`,
      }),
    added: (p, i) =>
      d.emit(
        m(`prerequisites.${i}`),
        `${mod}: prerequisite ${p.module}`,
        'added',
        minor('prerequisite added'),
        {
          after: `${p.module}@${p.version}`,
        },
      ),
    both: (x, y, _bi, i) =>
      d.text(m(`prerequisites.${i}.version`), `${mod}: prerequisite ${y.module}`, x.version, y.version),
  });
  d.value(m('authors'), `${mod}: authors`, b.authors, a.authors);
  d.value(m('review'), `${mod}: review`, b.review, a.review);
  d.text(m('licence'), `${mod}: licence`, b.licence, a.licence);

  const entry = (e: (typeof b.sequence)[number]): string => {
    const s = sequenceEntryOf(e);
    return `${s.kind} ${s.id}`;
  };
  const seq = byKey(b.sequence, a.sequence, entry, {
    removed: (e, i) =>
      d.emit(
        m(`sequence.${i}`),
        `${mod}: sequence entry ${entry(e)}`,
        'removed',
        major('sequence entry removed'),
        { before: entry(e) },
      ),
    added: (e, i) =>
      d.emit(
        m(`sequence.${i}`),
        `${mod}: sequence entry ${entry(e)}`,
        'added',
        minor('sequence entry added'),
        { after: entry(e) },
      ),
    both: () => undefined,
  });
  if (seq.reordered)
    d.text(
      m('sequence'),
      `${mod}: sequence order`,
      b.sequence.map(entry).join(' → '),
      a.sequence.map(entry).join(' → '),
      major('sequence reordered'),
    );
}

// ---------------------------------------------------------------- lessons

function diffLessons(before: ModuleDocument, after: ModuleDocument, d: Differ): void {
  const key = (l: LessonDocument): string => `${l.id}.${l.lang}`;
  byKey(before.lessons, after.lessons, key, {
    removed: (l) =>
      d.emit(
        { kind: 'lesson', lesson: l.id, lang: l.lang },
        lessonLabel(l),
        'removed',
        major('lesson removed'),
        {
          before: l.title,
        },
      ),
    added: (l) => {
      const translation = before.lessons.some((x) => x.id === l.id);
      d.emit(
        { kind: 'lesson', lesson: l.id, lang: l.lang },
        lessonLabel(l),
        'added',
        minor(translation ? 'lesson translation added' : 'lesson added'),
        { after: l.title },
      );
    },
    both: (b, a) => diffLesson(b, a, d),
  });
}

function blockPlain(b: LessonBlockDocument): string {
  return b.title ? `${b.title}\n\n${b.markdown}` : b.markdown;
}

function diffLesson(b: LessonDocument, a: LessonDocument, d: Differ): void {
  const lesson = { kind: 'lesson' as const, lesson: a.id, lang: a.lang };
  d.text(lesson, `${lessonLabel(a)}: title`, b.title, a.title);
  d.value(lesson, `${lessonLabel(a)}: minutes`, b.minutes, a.minutes);
  // Identical blocks first; the rest are paired by kind, in order, within each gap.
  const same = (x: LessonBlockDocument, y: LessonBlockDocument): boolean =>
    x.kind === y.kind && x.markdown === y.markdown && (x.title ?? '') === (y.title ?? '');
  let bi = 0;
  let ai = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = (): void => {
    const pairs: [number, number][] = [];
    const unpairedAdded = [...added];
    for (const r of removed) {
      const j = unpairedAdded.findIndex((x) => a.blocks[x]!.kind === b.blocks[r]!.kind);
      if (j === -1) continue;
      pairs.push([r, unpairedAdded[j]!]);
      unpairedAdded.splice(j, 1);
    }
    for (const r of removed)
      if (!pairs.some((p) => p[0] === r))
        d.emit({ ...lesson, block: r }, blockLabel(b, r), 'removed', minor('lesson block removed'), {
          before: blockPlain(b.blocks[r]!),
        });
    for (const x of added)
      if (!pairs.some((p) => p[1] === x))
        d.emit({ ...lesson, block: x }, blockLabel(a, x), 'added', minor('lesson block added'), {
          after: blockPlain(a.blocks[x]!),
        });
    for (const [r, x] of pairs)
      d.text({ ...lesson, block: x }, blockLabel(a, x), blockPlain(b.blocks[r]!), blockPlain(a.blocks[x]!));
    removed = [];
    added = [];
  };
  for (const c of diffArrays(b.blocks, a.blocks, { comparator: same })) {
    const n = c.count ?? c.value.length;
    if (c.removed) for (let k = 0; k < n; k++) removed.push(bi++);
    else if (c.added) for (let k = 0; k < n; k++) added.push(ai++);
    else {
      flush();
      bi += n;
      ai += n;
    }
  }
  flush();
}

// ---------------------------------------------------------------- scenarios

function diffScenarios(before: ModuleDocument, after: ModuleDocument, d: Differ): void {
  byKey(before.scenarios, after.scenarios, (s) => s.id, {
    removed: (s) =>
      d.emit(
        { kind: 'scenario', scenario: s.id },
        scenarioLabel(before, s),
        'removed',
        major('scenario removed'),
        {
          before: sourceText(before, s.title),
        },
      ),
    added: (s) =>
      d.emit(
        { kind: 'scenario', scenario: s.id },
        scenarioLabel(after, s),
        'added',
        minor('scenario added'),
        {
          after: sourceText(after, s.title),
        },
      ),
    both: (b, a) => diffScenario(before, after, b, a, d),
  });
}

function diffScenario(
  before: ModuleDocument,
  after: ModuleDocument,
  b: Scenario,
  a: Scenario,
  d: Differ,
): void {
  const label = scenarioLabel(after, a);
  const at = (field?: string, node?: string): ContentAnchor => {
    const anchor: ContentAnchor = { kind: 'scenario', scenario: a.id };
    if (node !== undefined) anchor.node = node;
    if (field !== undefined) anchor.field = field;
    return anchor;
  };
  d.localized(at('title'), `${label}: title`, b.title, a.title);
  d.localized(at('summary'), `${label}: summary`, b.summary, a.summary);
  d.text(at('start'), `${label}: start node`, b.start, a.start, major('scenario start changed'));
  byKey(b.characters, a.characters, (c) => c.id, {
    removed: (c, i) =>
      d.emit(at(`characters.${i}`), `${label}, character “${c.id}”`, 'removed', minor('character removed'), {
        before: sourceText(before, c.name),
      }),
    added: (c, i) =>
      d.emit(at(`characters.${i}`), `${label}, character “${c.id}”`, 'added', minor('character added'), {
        after: sourceText(after, c.name),
      }),
    both: (x, y, _bi, i) =>
      d.localized(at(`characters.${i}.name`), `${label}, character “${y.id}”: name`, x.name, y.name),
  });
  byKey(b.variables, a.variables, (v) => v.id, {
    removed: (v, i) =>
      d.emit(at(`variables.${i}`), `${label}, variable ${v.id}`, 'removed', major('variable removed'), {
        before: `${v.type} ${String(v.initial)}`,
      }),
    added: (v, i) =>
      d.emit(at(`variables.${i}`), `${label}, variable ${v.id}`, 'added', minor('variable added'), {
        after: `${v.type} ${String(v.initial)}`,
      }),
    both: (x, y, _bi, i) =>
      d.text(
        at(`variables.${i}`),
        `${label}, variable ${y.id}`,
        `${x.type} ${String(x.initial)}`,
        `${y.type} ${String(y.initial)}`,
        major('variable changed'),
      ),
  });
  byKey(b.nodes, a.nodes, (n) => n.id, {
    removed: (n) =>
      d.emit(at(undefined, n.id), `${label}, node “${n.id}”`, 'removed', major('node removed'), {
        before: sourceText(before, n.text),
      }),
    added: (n) =>
      d.emit(at(undefined, n.id), `${label}, node “${n.id}”`, 'added', minor('node added'), {
        after: sourceText(after, n.text),
      }),
    both: (x, y) => diffNode(before, after, label, x, y, at, d),
  });
}

function diffNode(
  before: ModuleDocument,
  after: ModuleDocument,
  scenario: string,
  b: ScenarioNode,
  a: ScenarioNode,
  at: (field?: string, node?: string) => ContentAnchor,
  d: Differ,
): void {
  const label = `${scenario}, node “${a.id}”`;
  d.text(at('speaker', a.id), `${label}: speaker`, b.speaker, a.speaker);
  d.localized(at('text', a.id), `${label}: text`, b.text, a.text);
  d.value(at('tags', a.id), `${label}: tags`, b.tags, a.tags, minor('node tags changed'));
  if (b.ending && a.ending) {
    d.text(
      at('ending.outcome', a.id),
      `${label}: ending outcome`,
      b.ending.outcome,
      a.ending.outcome,
      major('ending outcome changed'),
    );
    d.localized(at('ending.debrief', a.id), `${label}: debrief`, b.ending.debrief, a.ending.debrief);
  } else if (b.ending || a.ending) {
    d.text(
      at('ending', a.id),
      `${label}: ending`,
      b.ending ? `${b.ending.outcome}: ${sourceText(before, b.ending.debrief) ?? ''}` : undefined,
      a.ending ? `${a.ending.outcome}: ${sourceText(after, a.ending.debrief) ?? ''}` : undefined,
      major(a.ending ? 'node became an ending' : 'ending removed'),
    );
  }
  const order = byKey(b.choices, a.choices, (c) => c.id, {
    removed: (c, i) =>
      d.emit(at(`choices.${i}`, a.id), `${label}, choice “${c.id}”`, 'removed', major('choice removed'), {
        before: sourceText(before, c.text),
      }),
    added: (c, i) =>
      d.emit(at(`choices.${i}`, a.id), `${label}, choice “${c.id}”`, 'added', minor('choice added'), {
        after: sourceText(after, c.text),
      }),
    both: (x, y, _bi, i) =>
      diffChoice(`${label}, choice “${y.id}”`, x, y, (f) => at(`choices.${i}.${f}`, a.id), d),
  });
  if (order.reordered)
    d.text(
      at('choices', a.id),
      `${label}: choice order`,
      b.choices.map((c) => c.id).join(', '),
      a.choices.map((c) => c.id).join(', '),
    );
}

function diffChoice(
  label: string,
  b: ScenarioChoice,
  a: ScenarioChoice,
  at: (field: string) => ContentAnchor,
  d: Differ,
): void {
  d.text(at('if'), `${label}: condition`, b.if, a.if, major('choice condition changed'));
  d.localized(at('text'), `${label}: text`, b.text, a.text);
  d.text(at('next'), `${label}: leads to`, b.next, a.next, major('choice target changed'));
  d.localized(at('feedback'), `${label}: feedback`, b.feedback, a.feedback);
  d.value(at('tags'), `${label}: tags`, b.tags, a.tags, minor('choice tags changed'));
  d.value(at('set'), `${label}: sets`, b.set, a.set, major('variable assignment changed'));
  d.value(at('add'), `${label}: adds`, b.add, a.add, major('variable assignment changed'));
}

// ---------------------------------------------------------------- assessments

function diffAssessments(before: ModuleDocument, after: ModuleDocument, d: Differ): void {
  byKey(before.assessments, after.assessments, (x) => x.id, {
    removed: (x) =>
      d.emit(
        { kind: 'assessment', assessment: x.id },
        assessmentLabel(before, x),
        'removed',
        major('assessment removed'),
        {
          before: sourceText(before, x.title),
        },
      ),
    added: (x) =>
      d.emit(
        { kind: 'assessment', assessment: x.id },
        assessmentLabel(after, x),
        'added',
        minor('assessment added'),
        {
          after: sourceText(after, x.title),
        },
      ),
    both: (x, y) => diffAssessment(before, after, x, y, d),
  });
}

function diffAssessment(
  before: ModuleDocument,
  after: ModuleDocument,
  b: Assessment,
  a: Assessment,
  d: Differ,
): void {
  const label = assessmentLabel(after, a);
  const at = (field?: string, item?: string): ContentAnchor => {
    const anchor: ContentAnchor = { kind: 'assessment', assessment: a.id };
    if (item !== undefined) anchor.item = item;
    if (field !== undefined) anchor.field = field;
    return anchor;
  };
  d.text(at('kind'), `${label}: kind`, b.kind, a.kind, major('assessment kind changed'));
  d.localized(at('title'), `${label}: title`, b.title, a.title);
  d.localized(at('instructions'), `${label}: instructions`, b.instructions, a.instructions);
  d.text(at('include'), `${label}: includes`, b.include, a.include, major('included assessment changed'));
  const order = byKey(b.items, a.items, (it) => it.id, {
    removed: (it) =>
      d.emit(at(undefined, it.id), `${label}, item “${it.id}”`, 'removed', major('item removed'), {
        before: sourceText(before, it.prompt),
      }),
    added: (it) =>
      d.emit(at(undefined, it.id), `${label}, item “${it.id}”`, 'added', minor('item added'), {
        after: sourceText(after, it.prompt),
      }),
    both: (x, y) => diffItem(before, after, `${label}, item “${y.id}”`, x, y, (f) => at(f, y.id), d),
  });
  if (order.reordered)
    d.text(
      at('items'),
      `${label}: item order`,
      b.items.map((i) => i.id).join(', '),
      a.items.map((i) => i.id).join(', '),
    );
}

function diffItem(
  before: ModuleDocument,
  after: ModuleDocument,
  label: string,
  b: AssessmentItem,
  a: AssessmentItem,
  at: (field?: string) => ContentAnchor,
  d: Differ,
): void {
  const scoring = major('scores before and after the change are no longer comparable');
  d.text(at('type'), `${label}: type`, b.type, a.type, scoring);
  d.text(at('construct'), `${label}: construct`, b.construct, a.construct, scoring);
  d.localized(at('prompt'), `${label}: prompt`, b.prompt, a.prompt);
  d.value(
    at('sensitive'),
    `${label}: sensitive`,
    b.sensitive,
    a.sensitive,
    minor('item sensitivity changed'),
  );
  d.value(
    at('answer'),
    `${label}: answer`,
    'answer' in b ? b.answer : undefined,
    'answer' in a ? a.answer : undefined,
    scoring,
  );
  if (b.type === 'likert' && a.type === 'likert') {
    d.text(at('scale'), `${label}: scale`, b.scale, a.scale, scoring);
    d.value(at('reverse'), `${label}: reverse scored`, b.reverse, a.reverse, scoring);
  }
  if (b.type === 'multiple-choice' && a.type === 'multiple-choice') {
    const order = byKey(b.options, a.options, (o) => o.id, {
      removed: (o, i) =>
        d.emit(at(`options.${i}`), `${label}, option “${o.id}”`, 'removed', major('option removed'), {
          before: sourceText(before, o.text),
        }),
      added: (o, i) =>
        d.emit(at(`options.${i}`), `${label}, option “${o.id}”`, 'added', minor('option added'), {
          after: sourceText(after, o.text),
        }),
      both: (x, y, _bi, i) =>
        d.localized(at(`options.${i}.text`), `${label}, option “${y.id}”`, x.text, y.text),
    });
    if (order.reordered)
      d.text(
        at('options'),
        `${label}: option order`,
        b.options.map((o) => o.id).join(', '),
        a.options.map((o) => o.id).join(', '),
      );
  }
}

// ---------------------------------------------------------------- versions

const RANK: Record<VersionBump, number> = { patch: 0, minor: 1, major: 2 };

/**
 * The version bump a new version with these changes calls for: a content fix (text only) is a patch;
 * something added (a lesson, scenario, node, item, objective, language…) is minor; something removed
 * or restructured (a lesson, scenario, node, item or objective removed, the sequence reordered, the
 * scenario start changed, the grade band changed…) is major. `reasons` lists why (distinct, in order
 * of appearance, for the bump chosen); a patch with no changes at all says so.
 */
export function suggestBump(
  before: ModuleDocument,
  after: ModuleDocument,
): { bump: VersionBump; reasons: string[] } {
  const changes = diffModuleDocuments(before, after);
  let bump: VersionBump = 'patch';
  for (const c of changes) if (RANK[c.impact] > RANK[bump]) bump = c.impact;
  const reasons: string[] = [];
  for (const c of changes) {
    if (c.impact !== bump) continue;
    const reason = c.reason ?? 'text changed';
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  if (changes.length === 0) reasons.push('no content changes');
  return { bump, reasons };
}

/** `bumpVersion('1.2.3', 'minor')` → `'1.3.0'`. Throws on a version that is not semantic. */
export function bumpVersion(version: string, bump: VersionBump): string {
  const next = semver.inc(version, bump);
  if (next === null) throw new Error(`"${version}" is not a semantic version such as 1.0.0`);
  return next;
}
