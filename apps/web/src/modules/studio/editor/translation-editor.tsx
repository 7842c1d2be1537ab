import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  Assessment,
  LessonBlockDocument,
  LessonDocument,
  Localized,
  ModuleDocument,
  ModuleManifest,
  Scenario,
} from '@haven/curriculum';
import { CheckboxField, TextField } from './fields';
import { replaceAt } from './list-ops';
import { languageLabel, textIn, withOptionalText, withText } from './localized-text';

/** A field marked stale: its source text changed after it was translated. */
export interface StaleField {
  key: string;
  label: string;
  /** The field's anchor key when `key` is something else (e.g. an identity with `@lang`). */
  anchorKey?: string;
}

/** One translatable text: its keys (anchor key and id-based identity), its label and how to write it. */
interface Row {
  keys: string[];
  label: string;
  source: string;
  target: string;
  multiline: boolean;
  /** The document with the target language's text replaced. */
  write: (text: string) => ModuleDocument;
}

interface Group {
  id: string;
  title: string;
  rows: Row[];
  /** A lesson whose translation file is missing: offer to create it. */
  missingLesson?: LessonDocument;
  note?: string;
}

type T = TFunction;

function localizedRow(
  doc: ModuleDocument,
  lang: string,
  keys: string[],
  label: string,
  value: Localized | undefined,
  put: (next: Localized | undefined) => ModuleDocument,
  { optional = false, multiline = false } = {},
): Row {
  const source = doc.manifest.languages[0] ?? 'en';
  return {
    keys,
    label,
    source: textIn(value, source, source),
    target: textIn(value, lang, source),
    multiline,
    write: (text) =>
      put(optional ? withOptionalText(value, lang, source, text) : withText(value, lang, source, text)),
  };
}

const withManifest = (doc: ModuleDocument, patch: Partial<ModuleManifest>): ModuleDocument => ({
  ...doc,
  manifest: { ...doc.manifest, ...patch },
});
const withScenario = (doc: ModuleDocument, id: string, f: (s: Scenario) => Scenario): ModuleDocument => ({
  ...doc,
  scenarios: doc.scenarios.map((s) => (s.id === id ? f(s) : s)),
});
const withAssessment = (
  doc: ModuleDocument,
  id: string,
  f: (a: Assessment) => Assessment,
): ModuleDocument => ({
  ...doc,
  assessments: doc.assessments.map((a) => (a.id === id ? f(a) : a)),
});

function moduleGroup(doc: ModuleDocument, lang: string, t: T): Group {
  const m = doc.manifest;
  const rows: Row[] = [
    localizedRow(doc, lang, ['module:title'], t('studio.editor.module.title'), m.title, (title) =>
      withManifest(doc, { title: title ?? '' }),
    ),
    localizedRow(
      doc,
      lang,
      ['module:summary'],
      t('studio.editor.module.summary'),
      m.summary,
      (summary) => withManifest(doc, { summary: summary ?? '' }),
      { multiline: true },
    ),
    ...m.objectives.map((o, i) =>
      localizedRow(
        doc,
        lang,
        [`module:objectives.${i}.text`, `module:objective:${o.id}`],
        t('studio.editor.translation.objective', { id: o.id }),
        o.text,
        (text) => withManifest(doc, { objectives: replaceAt(m.objectives, i, { ...o, text: text ?? '' }) }),
      ),
    ),
    ...m.contentWarnings.map((w, i) =>
      localizedRow(
        doc,
        lang,
        [`module:contentWarnings.${i}.text`, `module:warning:${w.topic}`],
        t('studio.editor.translation.warning', { topic: w.topic }),
        w.text,
        (text) =>
          withManifest(doc, { contentWarnings: replaceAt(m.contentWarnings, i, { ...w, text: text ?? '' }) }),
        { multiline: true },
      ),
    ),
  ];
  if (m.alternativeActivity !== undefined)
    rows.push(
      localizedRow(
        doc,
        lang,
        ['module:alternativeActivity'],
        t('studio.editor.module.alternativeActivity'),
        m.alternativeActivity,
        (alternativeActivity) => withManifest(doc, { alternativeActivity }),
        { optional: true, multiline: true },
      ),
    );
  if (m.parentNotice !== undefined)
    rows.push(
      localizedRow(
        doc,
        lang,
        ['module:parentNotice'],
        t('studio.editor.module.parentNotice'),
        m.parentNotice,
        (parentNotice) => withManifest(doc, { parentNotice }),
        { optional: true, multiline: true },
      ),
    );
  return { id: 'module', title: t('studio.editor.translation.module'), rows };
}

function scenarioGroup(doc: ModuleDocument, lang: string, s: Scenario, t: T): Group {
  const base = `scenario:${s.id}`;
  const up = (f: (s: Scenario) => Scenario) => withScenario(doc, s.id, f);
  const rows: Row[] = [
    localizedRow(doc, lang, [`${base}:title`], t('studio.editor.scenario.title'), s.title, (title) =>
      up((x) => ({ ...x, title: title ?? '' })),
    ),
  ];
  if (s.summary !== undefined)
    rows.push(
      localizedRow(
        doc,
        lang,
        [`${base}:summary`],
        t('studio.editor.scenario.summary'),
        s.summary,
        (summary) =>
          up((x) => {
            const { summary: _old, ...rest } = x;
            return summary === undefined ? rest : { ...rest, summary };
          }),
        { optional: true, multiline: true },
      ),
    );
  s.characters.forEach((c, i) =>
    rows.push(
      localizedRow(
        doc,
        lang,
        [`${base}:characters.${i}.name`, `${base}/character:${c.id}:name`],
        t('studio.editor.translation.character', { id: c.id }),
        c.name,
        (name) => up((x) => ({ ...x, characters: replaceAt(x.characters, i, { ...c, name: name ?? '' }) })),
      ),
    ),
  );
  s.nodes.forEach((n, ni) => {
    const upNode = (f: (node: Scenario['nodes'][number]) => Scenario['nodes'][number]) =>
      up((x) => ({ ...x, nodes: replaceAt(x.nodes, ni, f(x.nodes[ni]!)) }));
    rows.push(
      localizedRow(
        doc,
        lang,
        [`${base}/${n.id}:text`, `${base}/node:${n.id}:text`],
        t('studio.editor.translation.nodeText', { id: n.id }),
        n.text,
        (text) => upNode((node) => ({ ...node, text: text ?? '' })),
        { multiline: true },
      ),
    );
    n.choices.forEach((c, ci) => {
      const upChoice = (patch: Partial<typeof c>) =>
        upNode((node) => ({
          ...node,
          choices: replaceAt(node.choices, ci, { ...node.choices[ci]!, ...patch }),
        }));
      rows.push(
        localizedRow(
          doc,
          lang,
          [`${base}/${n.id}:choices.${ci}.text`, `${base}/node:${n.id}/choice:${c.id}:text`],
          t('studio.editor.translation.choiceText', { node: n.id, id: c.id }),
          c.text,
          (text) => upChoice({ text: text ?? '' }),
        ),
        localizedRow(
          doc,
          lang,
          [`${base}/${n.id}:choices.${ci}.feedback`, `${base}/node:${n.id}/choice:${c.id}:feedback`],
          t('studio.editor.translation.choiceFeedback', { node: n.id, id: c.id }),
          c.feedback,
          (feedback) => upChoice({ feedback: feedback ?? '' }),
          { multiline: true },
        ),
      );
    });
    if (n.ending) {
      const ending = n.ending;
      rows.push(
        localizedRow(
          doc,
          lang,
          [`${base}/${n.id}:ending.debrief`, `${base}/node:${n.id}:debrief`],
          t('studio.editor.translation.debrief', { id: n.id }),
          ending.debrief,
          (debrief) => upNode((node) => ({ ...node, ending: { ...ending, debrief: debrief ?? '' } })),
          { multiline: true },
        ),
      );
    }
  });
  return { id: base, title: t('studio.editor.translation.scenario', { id: s.id }), rows };
}

function assessmentGroup(doc: ModuleDocument, lang: string, a: Assessment, t: T): Group {
  const base = `assessment:${a.id}`;
  const up = (f: (a: Assessment) => Assessment) => withAssessment(doc, a.id, f);
  const rows: Row[] = [
    localizedRow(doc, lang, [`${base}:title`], t('studio.editor.assessment.title'), a.title, (title) =>
      up((x) => ({ ...x, title: title ?? '' })),
    ),
  ];
  if (a.instructions !== undefined)
    rows.push(
      localizedRow(
        doc,
        lang,
        [`${base}:instructions`],
        t('studio.editor.assessment.instructions'),
        a.instructions,
        (instructions) =>
          up((x) => {
            const { instructions: _old, ...rest } = x;
            return instructions === undefined ? rest : { ...rest, instructions };
          }),
        { optional: true, multiline: true },
      ),
    );
  a.items.forEach((item, ii) => {
    rows.push(
      localizedRow(
        doc,
        lang,
        [`${base}/${item.id}:prompt`, `${base}/item:${item.id}:prompt`],
        t('studio.editor.translation.prompt', { id: item.id }),
        item.prompt,
        (prompt) =>
          up((x) => ({ ...x, items: replaceAt(x.items, ii, { ...x.items[ii]!, prompt: prompt ?? '' }) })),
        { multiline: true },
      ),
    );
    if (item.type === 'multiple-choice')
      item.options.forEach((o, oi) =>
        rows.push(
          localizedRow(
            doc,
            lang,
            [`${base}/${item.id}:options.${oi}.text`, `${base}/item:${item.id}/option:${o.id}:text`],
            t('studio.editor.translation.option', { item: item.id, id: o.id }),
            o.text,
            (text) =>
              up((x) => ({
                ...x,
                items: replaceAt(x.items, ii, {
                  ...item,
                  options: replaceAt(item.options, oi, { ...o, text: text ?? '' }),
                }),
              })),
          ),
        ),
      );
  });
  return { id: base, title: t('studio.editor.translation.assessment', { id: a.id }), rows };
}

/** Lesson files in file-name order (`<id>.<lang>`), as the document keeps them. */
const byFileName = (a: LessonDocument, b: LessonDocument): number =>
  `${a.id}.${a.lang}`.localeCompare(`${b.id}.${b.lang}`);

function lessonGroup(doc: ModuleDocument, lang: string, src: LessonDocument, t: T): Group {
  const title = t('studio.editor.translation.lesson', { id: src.id });
  const id = `lesson:${src.id}`;
  const target = doc.lessons.find((l) => l.id === src.id && l.lang === lang);
  if (!target) return { id, title, rows: [], missingLesson: src };
  const put = (next: LessonDocument): ModuleDocument => ({
    ...doc,
    lessons: doc.lessons.map((l) => (l === target ? next : l)),
  });
  const setBlock = (i: number, patch: Partial<LessonBlockDocument>): ModuleDocument => {
    const block = { ...target.blocks[i]!, ...patch };
    if (block.title === '') delete block.title;
    return put({ ...target, blocks: replaceAt(target.blocks, i, block) });
  };
  const base = `lesson:${src.id}.${lang}`;
  const rows: Row[] = [
    {
      // The title travels with the first block in the translation basis (it is part of the file).
      keys: [base, `${base}:title`, `${base}#0`],
      label: t('studio.editor.lesson.title'),
      source: src.title,
      target: target.title,
      multiline: false,
      write: (text) => put({ ...target, title: text }),
    },
  ];
  const shared = Math.min(src.blocks.length, target.blocks.length);
  for (let i = 0; i < shared; i++) {
    const s = src.blocks[i]!;
    const kind = t(`studio.editor.blockKind.${s.kind}`);
    if (s.title !== undefined)
      rows.push({
        keys: [`${base}#${i}:title`],
        label: t('studio.editor.translation.blockTitle', { n: i + 1, kind }),
        source: s.title,
        target: target.blocks[i]!.title ?? '',
        multiline: false,
        write: (text) => setBlock(i, { title: text }),
      });
    rows.push({
      keys: [`${base}#${i}`, `lesson:${src.id}.${src.lang}#${i}`],
      label: t('studio.editor.translation.blockText', { n: i + 1, kind }),
      source: s.markdown,
      target: target.blocks[i]!.markdown,
      multiline: true,
      write: (text) => setBlock(i, { markdown: text }),
    });
  }
  const mismatch =
    src.blocks.length !== target.blocks.length ||
    src.blocks.some((b, i) => target.blocks[i] && target.blocks[i]!.kind !== b.kind);
  return {
    id,
    title,
    rows,
    note: mismatch
      ? t('studio.editor.translation.structureMismatch', {
          source: src.blocks.length,
          target: target.blocks.length,
        })
      : undefined,
  };
}

/** A new translation file with the source lesson's structure: same id, minutes and block kinds, no text. */
export function lessonSkeleton(source: LessonDocument, lang: string): LessonDocument {
  return {
    id: source.id,
    lang,
    title: '',
    minutes: source.minutes,
    blocks: source.blocks.map((b) => ({ kind: b.kind, markdown: '' })),
  };
}

function isStale(row: Row, stale: readonly StaleField[]): boolean {
  return stale.some((s) => {
    const candidates = [s.key, s.key.split('@')[0]!, s.anchorKey].filter((k): k is string => !!k);
    return candidates.some((k) => row.keys.includes(k));
  });
}

/**
 * Side-by-side translation: the source language (the module's first) read-only on the left, `lang`
 * editable on the right, for every learner- and parent-facing text of the module, lesson files aligned
 * block by block. Fields whose source changed since they were translated are marked, and can be shown alone.
 */
export function TranslationEditor({
  document: doc,
  lang,
  stale,
  onChange,
}: {
  document: ModuleDocument;
  lang: string;
  stale: readonly StaleField[];
  onChange: (next: ModuleDocument) => void;
}) {
  const { t, i18n } = useTranslation();
  const [onlyStale, setOnlyStale] = useState(false);
  const source = doc.manifest.languages[0] ?? 'en';
  const sourceName = languageLabel(source, i18n.language);
  const targetName = languageLabel(lang, i18n.language);

  if (lang === source) {
    return <p className="note">{t('studio.editor.translation.isSource', { lang: sourceName })}</p>;
  }

  const groups: Group[] = [
    moduleGroup(doc, lang, t),
    ...doc.scenarios.map((s) => scenarioGroup(doc, lang, s, t)),
    ...doc.assessments.map((a) => assessmentGroup(doc, lang, a, t)),
    ...doc.lessons.filter((l) => l.lang === source).map((l) => lessonGroup(doc, lang, l, t)),
  ];
  const staleCount = groups.flatMap((g) => g.rows).filter((r) => isStale(r, stale)).length;
  const shown = groups
    .map((g) => ({ ...g, rows: onlyStale ? g.rows.filter((r) => isStale(r, stale)) : g.rows }))
    .filter((g) => !onlyStale || g.rows.length > 0);

  return (
    <div className="translation-editor">
      <p className="lead">
        {t('studio.editor.translation.intro', { source: sourceName, target: targetName })}
      </p>
      <p role="status">
        {staleCount > 0 ? (
          <>
            <span aria-hidden="true">⟳ </span>
            {t('studio.editor.translation.staleCount', { count: staleCount })}
          </>
        ) : (
          t('studio.editor.translation.noneStale')
        )}
      </p>
      <CheckboxField
        label={t('studio.editor.translation.onlyStale')}
        checked={onlyStale}
        onChange={setOnlyStale}
      />
      {shown.map((g) => (
        <section key={g.id} className="editor-section" aria-labelledby={`tr-${g.id}`}>
          <h3 id={`tr-${g.id}`}>{g.title}</h3>
          {g.missingLesson && (
            <div className="notice notice--info">
              <p>{t('studio.editor.translation.lessonMissing', { lang: targetName })}</p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  onChange({
                    ...doc,
                    lessons: [...doc.lessons, lessonSkeleton(g.missingLesson!, lang)].sort(byFileName),
                  })
                }
              >
                {t('studio.editor.translation.createLesson')}
              </button>
            </div>
          )}
          {g.note && (
            <p className="notice notice--warning">
              <span aria-hidden="true">⚠ </span>
              {g.note}
            </p>
          )}
          {g.rows.map((row) => (
            <TranslationRow
              key={row.keys[0]}
              row={row}
              stale={isStale(row, stale)}
              source={source}
              sourceName={sourceName}
              lang={lang}
              targetName={targetName}
              onChange={onChange}
            />
          ))}
        </section>
      ))}
      {onlyStale && shown.length === 0 && <p className="note">{t('studio.editor.translation.noneStale')}</p>}
    </div>
  );
}

function TranslationRow({
  row,
  stale,
  source,
  sourceName,
  lang,
  targetName,
  onChange,
}: {
  row: Row;
  stale: boolean;
  source: string;
  sourceName: string;
  lang: string;
  targetName: string;
  onChange: (next: ModuleDocument) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div
      className={stale ? 'translation-row translation-row--stale' : 'translation-row'}
      role="group"
      aria-labelledby={`${id}-label`}
      data-stale={stale || undefined}
    >
      <p className="translation-row__label" id={`${id}-label`}>
        {row.label}
      </p>
      <div>
        <p className="field__hint" id={`${id}-source-label`}>
          {t('studio.editor.translation.sourceColumn', { lang: sourceName })}
        </p>
        <p className="translation-source" lang={source} aria-labelledby={`${id}-source-label`}>
          {row.source || <em>{t('studio.editor.translation.emptySource')}</em>}
        </p>
      </div>
      <div>
        {stale && (
          <p className="stale-mark" id={`${id}-stale`}>
            <span aria-hidden="true">⟳ </span>
            {t('studio.editor.translation.staleMark')}
          </p>
        )}
        <TextField
          label={targetName}
          value={row.target}
          lang={lang}
          multiline={row.multiline}
          rows={row.multiline ? 4 : 3}
          extraDescribedBy={stale ? `${id}-stale` : undefined}
          onChange={(text) => onChange(row.write(text))}
        />
      </div>
    </div>
  );
}
