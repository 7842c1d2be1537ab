import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledLesson, LessonBlockDocument, LessonDocument } from '@haven/curriculum';
import { LESSON_BLOCK_KINDS, type LessonBlockKind } from '@haven/curriculum/vocabulary';
import { hasErrors, lessonIssues, type EditorIssue } from './editor-issue';
import { IssueList, ItemControls, NumberField, SelectField, TextField, describedBy } from './fields';
import { LessonPreview } from './lesson-preview';
import { moveItem, removeAt, replaceAt } from './list-ops';

/** Markdown for an image; brackets in the alt text and spaces or parentheses in the address are escaped. */
export function imageMarkdown(alt: string, url: string): string {
  const safeAlt = alt.trim().replace(/[[\]\\]/g, '\\$&');
  const safeUrl = url.trim().replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `![${safeAlt}](${safeUrl})`;
}

/** Inserts `snippet` into `text` at `at` (end when unknown), on a line of its own. */
export function insertSnippet(text: string, snippet: string, at: number | null): string {
  const pos = at === null ? text.length : Math.max(0, Math.min(at, text.length));
  const before = text.slice(0, pos);
  const after = text.slice(pos);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  return `${before}${lead}${snippet}${trail}${after}`;
}

/**
 * One lesson file: title, minutes and its ordered typed blocks, with a live preview of the compiled
 * lesson (`preview`, from the server) as learners see it.
 */
export function LessonEditor({
  lesson,
  onChange,
  preview,
  issues,
  lang,
}: {
  lesson: LessonDocument;
  onChange: (next: LessonDocument) => void;
  /** The compiled lesson, as the server rendered it from the last saved draft. */
  preview?: CompiledLesson;
  issues: readonly EditorIssue[];
  /** Language of the preview. */
  lang: string;
}) {
  const { t } = useTranslation();
  const [newKind, setNewKind] = useState<LessonBlockKind>('content');
  const general = lessonIssues(issues, lesson.id, lesson.lang, null);
  const setBlock = (index: number, block: LessonBlockDocument): void =>
    onChange({ ...lesson, blocks: replaceAt(lesson.blocks, index, block) });
  const kindOptions = LESSON_BLOCK_KINDS.map((k) => ({ value: k, label: t(`studio.editor.blockKind.${k}`) }));

  return (
    <div className="lesson-editor">
      <section className="lesson-editor__form" aria-labelledby="lesson-editor-title">
        <h3 id="lesson-editor-title">
          {t('studio.editor.lesson.heading', { id: lesson.id, lang: lesson.lang })}
        </h3>
        {general.length > 0 && <IssueList id="lesson-issues" issues={general} />}
        <TextField
          label={t('studio.editor.lesson.title')}
          value={lesson.title}
          lang={lesson.lang}
          onChange={(title) => onChange({ ...lesson, title })}
        />
        <NumberField
          label={t('studio.editor.lesson.minutes')}
          value={lesson.minutes}
          min={1}
          onChange={(minutes) => onChange({ ...lesson, minutes })}
        />
        <h4>{t('studio.editor.lesson.blocks')}</h4>
        <ol className="editor-list">
          {lesson.blocks.map((block, i) => (
            <li key={i} className="editor-list__item">
              <BlockEditor
                block={block}
                index={i}
                lang={lesson.lang}
                kindOptions={kindOptions}
                issues={lessonIssues(issues, lesson.id, lesson.lang, i)}
                onChange={(b) => setBlock(i, b)}
              />
              <ItemControls
                item={t('studio.editor.lesson.blockN', {
                  n: i + 1,
                  kind: t(`studio.editor.blockKind.${block.kind}`),
                })}
                index={i}
                count={lesson.blocks.length}
                onMove={(to) => onChange({ ...lesson, blocks: moveItem(lesson.blocks, i, to) })}
                onRemove={() => onChange({ ...lesson, blocks: removeAt(lesson.blocks, i) })}
              />
            </li>
          ))}
        </ol>
        <div className="editor-inline editor-add">
          <SelectField
            label={t('studio.editor.lesson.newBlockKind')}
            value={newKind}
            options={kindOptions}
            onChange={(k) => setNewKind(k as LessonBlockKind)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              onChange({ ...lesson, blocks: [...lesson.blocks, { kind: newKind, markdown: '' }] })
            }
          >
            {t('studio.editor.lesson.addBlock')}
          </button>
        </div>
      </section>
      <section className="lesson-editor__preview" aria-labelledby="lesson-preview-title">
        <h3 id="lesson-preview-title">{t('studio.editor.lesson.preview')}</h3>
        {preview ? (
          <>
            <p className="note">{t('studio.editor.lesson.previewNote')}</p>
            <LessonPreview preview={preview} lang={lang} />
          </>
        ) : (
          <p className="note">{t('studio.editor.lesson.noPreview')}</p>
        )}
      </section>
    </div>
  );
}

function BlockEditor({
  block,
  index,
  lang,
  kindOptions,
  issues,
  onChange,
}: {
  block: LessonBlockDocument;
  index: number;
  lang: string;
  kindOptions: { value: string; label: string }[];
  issues: readonly EditorIssue[];
  onChange: (next: LessonBlockDocument) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // Where the author last put the caret; until then, images go at the end.
  const caret = useRef<number | null>(null);
  const remember = (e: { currentTarget: HTMLTextAreaElement }): void => {
    caret.current = e.currentTarget.selectionStart;
  };
  const hintId = `${id}-hint`;
  const issuesId = `${id}-issues`;
  return (
    <fieldset className="editor-fieldset lesson-block-editor">
      <legend>
        {t('studio.editor.lesson.blockN', { n: index + 1, kind: t(`studio.editor.blockKind.${block.kind}`) })}
      </legend>
      {block.kind === 'facilitator-notes' && (
        <p className="note">
          <span aria-hidden="true">🔒 </span>
          {t('studio.editor.lesson.teacherOnly')}
        </p>
      )}
      <SelectField
        label={t('studio.editor.lesson.blockKind')}
        value={block.kind}
        options={kindOptions}
        onChange={(kind) => onChange({ ...block, kind: kind as LessonBlockKind })}
      />
      <TextField
        label={t('studio.editor.lesson.blockTitle')}
        value={block.title ?? ''}
        lang={lang}
        onChange={(title) => {
          const { title: _old, ...rest } = block;
          onChange(title === '' ? rest : { ...rest, title });
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-markdown`}>{t('studio.editor.lesson.markdown')}</label>
        <p className="field__hint" id={hintId}>
          {t('studio.editor.lesson.markdownHint')}
        </p>
        <textarea
          id={`${id}-markdown`}
          onSelect={remember}
          onKeyUp={remember}
          onClick={remember}
          className="editor-markdown"
          rows={8}
          lang={lang}
          value={block.markdown}
          aria-describedby={describedBy(hintId, issues.length > 0 && issuesId)}
          aria-invalid={hasErrors(issues) || undefined}
          onChange={(e) => onChange({ ...block, markdown: e.target.value })}
        />
        {issues.length > 0 && <IssueList id={issuesId} issues={issues} />}
      </div>
      <ImageHelper
        onInsert={(snippet) =>
          onChange({
            ...block,
            markdown: insertSnippet(block.markdown, snippet, caret.current),
          })
        }
      />
    </fieldset>
  );
}

/** Inserts `![alt](url)`; refuses an image without alt text, which learners using a screen reader need. */
function ImageHelper({ onInsert }: { onInsert: (snippet: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [alt, setAlt] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ alt?: boolean; url?: boolean }>({});
  const altInput = useRef<HTMLInputElement>(null);
  const urlInput = useRef<HTMLInputElement>(null);

  function insert(): void {
    const next = { alt: alt.trim() === '', url: url.trim() === '' };
    setErrors(next);
    if (next.alt) return altInput.current?.focus();
    if (next.url) return urlInput.current?.focus();
    onInsert(imageMarkdown(alt, url));
    setAlt('');
    setUrl('');
    setOpen(false);
  }

  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('studio.editor.image.open')}
      </button>
    );
  }
  return (
    // Not a <form>: the editors may sit inside a page's own form, and forms cannot nest.
    <div
      className="editor-image"
      role="group"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          insert();
        }
      }}
    >
      <p id={`${id}-title`} className="editor-image__title">
        {t('studio.editor.image.title')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-alt`}>{t('studio.editor.image.alt')}</label>
        <p className="field__hint" id={`${id}-alt-hint`}>
          {t('studio.editor.image.altHint')}
        </p>
        <input
          id={`${id}-alt`}
          ref={altInput}
          type="text"
          value={alt}
          aria-invalid={errors.alt || undefined}
          aria-describedby={describedBy(`${id}-alt-hint`, errors.alt && `${id}-alt-error`)}
          onChange={(e) => setAlt(e.target.value)}
        />
        {errors.alt && (
          <p className="field__error" id={`${id}-alt-error`}>
            <span aria-hidden="true">✖ </span>
            {t('studio.editor.image.altRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('studio.editor.image.url')}</label>
        <input
          id={`${id}-url`}
          ref={urlInput}
          type="url"
          value={url}
          aria-invalid={errors.url || undefined}
          aria-describedby={errors.url ? `${id}-url-error` : undefined}
          onChange={(e) => setUrl(e.target.value)}
        />
        {errors.url && (
          <p className="field__error" id={`${id}-url-error`}>
            <span aria-hidden="true">✖ </span>
            {t('studio.editor.image.urlRequired')}
          </p>
        )}
      </div>
      <div className="editor-inline">
        <button type="button" className="button button--secondary" onClick={insert}>
          {t('studio.editor.image.insert')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          {t('studio.editor.image.cancel')}
        </button>
      </div>
    </div>
  );
}
