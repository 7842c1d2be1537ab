import type { ContentAnchor, LessonDocument, ModuleDocument } from '../document';
import { textIn, toLanguageMap } from '../localized';
import type { Localized } from '../schemas';

/** One learner- or parent-facing localized value of a document. */
export interface LocalizedField {
  anchor: ContentAnchor;
  /**
   * Names the field by ids rather than list positions (`scenario:s/node:n/choice:c:text`), so a field
   * keeps its identity when items are inserted or reordered; used to carry state across edits.
   */
  identity: string;
  /** Human label, e.g. `Scenario “The New Follower”, node “the-offer”, choice “tell-sam”: feedback`. */
  label: string;
  value: Localized;
}

/** The document's source language: the first of `languages`. */
export function sourceLanguage(doc: ModuleDocument): string {
  return doc.manifest.languages[0] ?? 'en';
}

/** Text of a localized value in the source language of `doc`. */
export function sourceText(doc: ModuleDocument, value: Localized | undefined): string | undefined {
  return textIn(value, sourceLanguage(doc), sourceLanguage(doc));
}

/** Text per language of a localized value (a plain string is the source language's text). */
export function languageTexts(doc: ModuleDocument, value: Localized): Record<string, string> {
  return toLanguageMap(value, sourceLanguage(doc));
}

export function moduleLabel(doc: ModuleDocument): string {
  return `Module “${sourceText(doc, doc.manifest.title) ?? doc.manifest.id}”`;
}

export function lessonLabel(lesson: LessonDocument): string {
  return `Lesson “${lesson.title}” (${lesson.lang})`;
}

export function blockLabel(lesson: LessonDocument, index: number): string {
  const block = lesson.blocks[index];
  return `${lessonLabel(lesson)}, block ${index + 1}${block ? ` (${block.kind})` : ''}`;
}

export function scenarioLabel(doc: ModuleDocument, s: { id: string; title: Localized }): string {
  return `Scenario “${sourceText(doc, s.title) ?? s.id}”`;
}

export function assessmentLabel(doc: ModuleDocument, a: { id: string; title: Localized }): string {
  return `Assessment “${sourceText(doc, a.title) ?? a.id}”`;
}

/**
 * Every localized value of a document, in document order: module title, summary, objectives, content
 * warnings, alternative activity and parent notice; scenario titles, summaries, character names, node
 * texts, choice texts and feedback, ending debriefs; assessment titles, instructions, item prompts and
 * option texts. (Lesson text is not localized per field: a lesson has one file per language.)
 */
export function localizedFields(doc: ModuleDocument): LocalizedField[] {
  const out: LocalizedField[] = [];
  const m = doc.manifest;
  const mod = moduleLabel(doc);
  const add = (
    anchor: ContentAnchor,
    identity: string,
    label: string,
    value: Localized | undefined,
  ): void => {
    if (value !== undefined) out.push({ anchor, identity, label, value });
  };
  add({ kind: 'module', field: 'title' }, 'module:title', `${mod}: title`, m.title);
  add({ kind: 'module', field: 'summary' }, 'module:summary', `${mod}: summary`, m.summary);
  m.objectives.forEach((o, i) =>
    add(
      { kind: 'module', field: `objectives.${i}.text` },
      `module:objective:${o.id}`,
      `${mod}: objective “${o.id}”`,
      o.text,
    ),
  );
  m.contentWarnings.forEach((w, i) =>
    add(
      { kind: 'module', field: `contentWarnings.${i}.text` },
      `module:warning:${w.topic}`,
      `${mod}: content warning “${w.topic}”`,
      w.text,
    ),
  );
  add(
    { kind: 'module', field: 'alternativeActivity' },
    'module:alternativeActivity',
    `${mod}: alternative activity`,
    m.alternativeActivity,
  );
  add(
    { kind: 'module', field: 'parentNotice' },
    'module:parentNotice',
    `${mod}: parent notice`,
    m.parentNotice,
  );

  for (const s of doc.scenarios) {
    const base = `scenario:${s.id}`;
    const label = scenarioLabel(doc, s);
    const at = (field: string, node?: string): ContentAnchor =>
      node === undefined
        ? { kind: 'scenario', scenario: s.id, field }
        : { kind: 'scenario', scenario: s.id, node, field };
    add(at('title'), `${base}:title`, `${label}: title`, s.title);
    add(at('summary'), `${base}:summary`, `${label}: summary`, s.summary);
    s.characters.forEach((c, i) =>
      add(
        at(`characters.${i}.name`),
        `${base}/character:${c.id}:name`,
        `${label}, character “${c.id}”: name`,
        c.name,
      ),
    );
    for (const n of s.nodes) {
      const nodeLabel = `${label}, node “${n.id}”`;
      add(at('text', n.id), `${base}/node:${n.id}:text`, `${nodeLabel}: text`, n.text);
      n.choices.forEach((c, i) => {
        const choiceLabel = `${nodeLabel}, choice “${c.id}”`;
        add(
          at(`choices.${i}.text`, n.id),
          `${base}/node:${n.id}/choice:${c.id}:text`,
          `${choiceLabel}: text`,
          c.text,
        );
        add(
          at(`choices.${i}.feedback`, n.id),
          `${base}/node:${n.id}/choice:${c.id}:feedback`,
          `${choiceLabel}: feedback`,
          c.feedback,
        );
      });
      if (n.ending)
        add(
          at('ending.debrief', n.id),
          `${base}/node:${n.id}:debrief`,
          `${nodeLabel}: debrief`,
          n.ending.debrief,
        );
    }
  }

  for (const a of doc.assessments) {
    const base = `assessment:${a.id}`;
    const label = assessmentLabel(doc, a);
    const at = (field: string, item?: string): ContentAnchor =>
      item === undefined
        ? { kind: 'assessment', assessment: a.id, field }
        : { kind: 'assessment', assessment: a.id, item, field };
    add(at('title'), `${base}:title`, `${label}: title`, a.title);
    add(at('instructions'), `${base}:instructions`, `${label}: instructions`, a.instructions);
    for (const it of a.items) {
      const itemLabel = `${label}, item “${it.id}”`;
      add(at('prompt', it.id), `${base}/item:${it.id}:prompt`, `${itemLabel}: prompt`, it.prompt);
      if (it.type === 'multiple-choice')
        it.options.forEach((o, i) =>
          add(
            at(`options.${i}.text`, it.id),
            `${base}/item:${it.id}/option:${o.id}:text`,
            `${itemLabel}, option “${o.id}”`,
            o.text,
          ),
        );
    }
  }
  return out;
}
