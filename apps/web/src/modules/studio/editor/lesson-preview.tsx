import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledLesson } from '@haven/curriculum';
import { SafeHtml } from '../../layout/components/safe-html';
import { LessonBlockView } from '../../student/player/lesson-step';
import { pick } from './localized-text';

/**
 * A compiled lesson exactly as the student player shows it, one block at a time, followed by the
 * teacher-only facilitator notes. The HTML is the server's sanitised rendering (cleaned again by
 * SafeHtml); the author's Markdown is never turned into HTML here.
 */
export function LessonPreview({ preview, lang }: { preview: CompiledLesson; lang: string }) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(0);
  const total = preview.blocks.length;
  const block = Math.max(0, Math.min(wanted, total - 1));
  const current = preview.blocks[block];
  return (
    <div className="lesson-preview">
      <section className="lesson-player" aria-labelledby="lesson-preview-block">
        <LessonBlockView
          headingId="lesson-preview-block"
          title={current?.title ? pick(current.title, lang) : pick(preview.title, lang)}
          html={current ? pick(current.html, lang) : undefined}
          current={block + 1}
          total={total}
          lang={lang}
        />
        <div className="player-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={block === 0}
            onClick={() => setWanted(block - 1)}
          >
            {t('student.player.back')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={block >= total - 1}
            onClick={() => setWanted(block + 1)}
          >
            {t('student.player.next')}
          </button>
        </div>
      </section>
      {preview.facilitatorNotes.length > 0 && (
        <section className="facilitator-notes" aria-labelledby="lesson-preview-notes">
          <h4 id="lesson-preview-notes">{t('studio.editor.lesson.facilitatorNotes')}</h4>
          {preview.facilitatorNotes.map((note, i) => (
            <div key={i}>
              {note.title && <h5 lang={lang}>{pick(note.title, lang)}</h5>}
              <SafeHtml html={pick(note.html, lang)} headingLevel={5} lang={lang} />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
