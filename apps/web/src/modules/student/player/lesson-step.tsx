import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SafeHtml } from '../../layout/components/safe-html';
import type { NewProgressEvent } from '../progress/progress-event';
import type { Progress } from '../progress/progress-state';
import { useFocusOnChange } from './use-focus-on-change';
import type { StudentModule } from './use-module-progress';

type Lesson = StudentModule['lessons'][number];

/**
 * One lesson block as a learner sees it: its place in the lesson, its heading and its sanitised body.
 * The authoring studio's preview renders the same component.
 */
export function LessonBlockView({
  headingId,
  headingRef,
  title,
  html,
  current,
  total,
  lang,
}: {
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement>;
  title: string;
  html: string | undefined;
  current: number;
  total: number;
  lang?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lesson-player__count">{t('student.player.blockCount', { current, total })}</p>
      <h3 id={headingId} tabIndex={-1} ref={headingRef} lang={lang}>
        {title}
      </h3>
      {html !== undefined && (
        <SafeHtml html={html} headingLevel={4} className="lesson-player__body" lang={lang} />
      )}
    </>
  );
}

export const reflectionPromptId = (lessonId: string): string => `lesson-${lessonId}`;

/**
 * One block at a time, then an optional private reflection, then "Finish lesson". `lang` is the module's
 * content language, which may differ from the interface's (a Spanish interface on English content).
 */
export function LessonStep({
  lesson,
  lang,
  stepIndex,
  progress,
  record,
  onDone,
}: {
  lesson: Lesson;
  lang: string;
  stepIndex: number;
  progress: Progress;
  record: (event: NewProgressEvent) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const completed = progress.completedSteps.includes(stepIndex);
  const resumeAt = progress.stepIndex === stepIndex && !completed ? progress.blockIndex : 0;
  const [block, setBlock] = useState(() => Math.min(resumeAt, Math.max(0, lesson.blocks.length - 1)));
  const [reflecting, setReflecting] = useState(false);
  const promptId = reflectionPromptId(lesson.id);
  const saved = progress.reflections.filter((r) => r.promptId === promptId);
  const [text, setText] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, reflecting ? 'reflection' : block);

  const current = lesson.blocks[block];
  const last = block >= lesson.blocks.length - 1;

  function go(to: number): void {
    setBlock(to);
    if (!completed) record({ kind: 'lesson_position', stepIndex, blockIndex: to });
  }

  function finish(event: FormEvent): void {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed) record({ kind: 'reflection', promptId, text: trimmed });
    if (!completed) record({ kind: 'step_complete', stepIndex });
    onDone();
  }

  if (reflecting) {
    return (
      <section className="lesson-player" aria-labelledby="reflection-title">
        <form onSubmit={finish}>
          <h3 id="reflection-title" tabIndex={-1} ref={heading}>
            {t('student.player.reflection.title')}
          </h3>
          {saved.length > 0 && (
            <div className="note">
              <p>{t('student.player.reflection.saved')}</p>
              {saved.map((r) => (
                <p key={r.id} className="reflection-saved">
                  {r.text}
                </p>
              ))}
            </div>
          )}
          <div className="field">
            <label htmlFor="reflection-text">{t('student.player.reflection.prompt')}</label>
            <p className="field__hint" id="reflection-hint">
              {t('student.player.reflection.privacy')}
            </p>
            <textarea
              id="reflection-text"
              rows={5}
              maxLength={4000}
              aria-describedby="reflection-hint"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="player-actions">
            <button type="button" className="button button--secondary" onClick={() => setReflecting(false)}>
              {t('student.player.back')}
            </button>
            <button type="submit" className="button button--primary">
              {t('student.player.finishLesson')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section className="lesson-player" aria-labelledby="block-title">
      <LessonBlockView
        headingId="block-title"
        headingRef={heading}
        title={current?.title ?? lesson.title}
        html={current?.html}
        current={block + 1}
        total={lesson.blocks.length}
        lang={lang}
      />
      <div className="player-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={block === 0}
          onClick={() => go(block - 1)}
        >
          {t('student.player.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => (last ? setReflecting(true) : go(block + 1))}
        >
          {t('student.player.next')}
        </button>
      </div>
    </section>
  );
}
