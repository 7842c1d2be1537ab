import {
  renderMarkdown,
  toLanguageMap,
  type CompiledLesson,
  type CompiledScenario,
  type LanguageMap,
  type Localized,
  type ModuleDocument,
} from '@haven/curriculum';

/**
 * What the studio previews while a draft is being written: every lesson rendered exactly as the student and
 * teacher players render a published one (the same Markdown renderer and sanitiser), and every scenario in the
 * compiled shape the real scenario engine plays. Unlike compiling for publication it does not stop at the first
 * validation error: a half-written draft still previews what it can.
 */
export interface DraftPreview {
  languages: string[];
  lessons: CompiledLesson[];
  scenarios: CompiledScenario[];
}

const isLocalized = (v: unknown): v is Localized =>
  typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v));

export function draftPreview(doc: ModuleDocument): DraftPreview {
  const languages = Array.isArray(doc.manifest?.languages) ? doc.manifest.languages.filter(Boolean) : [];
  const src = languages[0] ?? 'en';
  const L = (v: unknown): LanguageMap => (isLocalized(v) ? toLanguageMap(v, src) : {});

  const lessonIds = [...new Set((doc.lessons ?? []).map((l) => l.id))];
  const lessons: CompiledLesson[] = lessonIds.map((id) => {
    const variants = doc.lessons.filter((l) => l.id === id);
    const source = variants.find((v) => v.lang === src) ?? variants[0]!;
    const title: LanguageMap = {};
    for (const v of variants) title[v.lang] = v.title ?? '';
    const lesson: CompiledLesson = {
      id,
      minutes: source.minutes ?? 0,
      title,
      blocks: [],
      facilitatorNotes: [],
    };
    (source.blocks ?? []).forEach((block, index) => {
      const html: LanguageMap = {};
      const titles: LanguageMap = {};
      for (const v of variants) {
        const b = v.blocks?.[index];
        if (!b || b.kind !== block.kind) continue;
        html[v.lang] = renderMarkdown(b.markdown ?? '');
        if (b.title) titles[v.lang] = b.title;
      }
      const entry = { ...(Object.keys(titles).length ? { title: titles } : {}), html };
      if (block.kind === 'facilitator-notes') lesson.facilitatorNotes.push(entry);
      else lesson.blocks.push({ kind: block.kind, ...entry });
    });
    return lesson;
  });

  const scenarios: CompiledScenario[] = (doc.scenarios ?? []).map((s) => ({
    id: s.id,
    title: L(s.title),
    ...(s.summary === undefined ? {} : { summary: L(s.summary) }),
    start: s.start,
    characters: (s.characters ?? []).map((c) => ({ id: c.id, name: L(c.name) })),
    variables: (s.variables ?? []).map((v) => ({ id: v.id, type: v.type, initial: v.initial })),
    nodes: (s.nodes ?? []).map((n) => ({
      id: n.id,
      speaker: n.speaker ?? 'narrator',
      text: L(n.text),
      tags: n.tags ?? [],
      choices: (n.choices ?? []).map((c) => ({
        id: c.id,
        text: L(c.text),
        next: c.next,
        feedback: L(c.feedback),
        tags: c.tags ?? [],
        ...(c.if === undefined ? {} : { if: c.if }),
        ...(c.set === undefined ? {} : { set: c.set }),
        ...(c.add === undefined ? {} : { add: c.add }),
      })),
      ...(n.ending ? { ending: { outcome: n.ending.outcome, debrief: L(n.ending.debrief) } } : {}),
    })),
  }));

  return { languages, lessons, scenarios };
}
