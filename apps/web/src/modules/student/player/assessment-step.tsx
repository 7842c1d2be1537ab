import { useContext, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewerContext } from '../../auth/hooks/use-viewer';
import type { NewProgressEvent } from '../progress/progress-event';
import type { Progress } from '../progress/progress-state';
import { clearDraft, readDraft, writeDraft, type DraftKey } from './assessment-draft';
import type { StudentModule } from './use-module-progress';

type Assessment = StudentModule['assessments'][number];
type Item = Assessment['items'][number];

/** An item's options; `authored` when the label is the module's text rather than the interface's. */
function optionsOf(
  item: Item,
  t: (key: string) => string,
): { value: string; label: string; authored: boolean }[] {
  if (item.type === 'true-false') {
    return [
      { value: 'true', label: t('student.player.assessment.true'), authored: false },
      { value: 'false', label: t('student.player.assessment.false'), authored: false },
    ];
  }
  if (item.type === 'likert') {
    return item.options.map((o, i) => ({ value: String(i + 1), label: o.text, authored: true }));
  }
  return item.options.map((o) => ({ value: o.id, label: o.text, authored: true }));
}

/** The stored picks that still fit this assessment: known items, offered options, not already sent. */
function restoredDraft(
  assessment: Assessment,
  answered: ReadonlyMap<string, string>,
  key: DraftKey,
  t: (key: string) => string,
): Record<string, string> {
  const stored = readDraft(key);
  const draft: Record<string, string> = {};
  for (const item of assessment.items) {
    const value = stored[item.id];
    if (value === undefined || answered.has(item.id)) continue;
    if (optionsOf(item, t).some((o) => o.value === value)) draft[item.id] = value;
  }
  return draft;
}

/**
 * A simple form: one fieldset per question. Answers, once sent, stand; until then the picks are kept for
 * this tab (assessment-draft.ts), so a reload mid-test does not lose them. `lang` is the content's language.
 */
export function AssessmentStep({
  assessment,
  assignmentId,
  lang,
  stepIndex,
  progress,
  record,
  onDone,
}: {
  assessment: Assessment;
  assignmentId: string;
  lang: string;
  stepIndex: number;
  progress: Progress;
  record: (event: NewProgressEvent) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const answered = new Map(
    progress.answers.filter((a) => a.assessmentId === assessment.id).map((a) => [a.itemId, a.response]),
  );
  const viewerId = useContext(ViewerContext)?.id;
  const draftKey: DraftKey = { viewerId, assignmentId, assessmentId: assessment.id };
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    restoredDraft(assessment, answered, draftKey, t),
  );
  const [missing, setMissing] = useState<string[]>([]);
  // Any question may be skipped: the first "send" with blanks says so; the second sends what was answered.
  const [skipConfirmed, setSkipConfirmed] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const completed = progress.completedSteps.includes(stepIndex);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const unanswered = assessment.items.filter((i) => !answered.has(i.id) && !draft[i.id]).map((i) => i.id);
    setMissing(unanswered);
    if (unanswered.length > 0 && !skipConfirmed) {
      setSkipConfirmed(true);
      // Let the alert render, then take the keyboard there.
      setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    for (const item of assessment.items) {
      const response = draft[item.id];
      if (!answered.has(item.id) && response) {
        record({ kind: 'assessment_response', assessmentId: assessment.id, itemId: item.id, response });
      }
    }
    clearDraft(draftKey);
    if (!completed) record({ kind: 'step_complete', stepIndex });
    onDone();
  }

  function pick(itemId: string, value: string): void {
    const next = { ...draft, [itemId]: value };
    setDraft(next);
    writeDraft(draftKey, next);
  }

  return (
    <form className="assessment" onSubmit={submit} noValidate>
      {assessment.instructions && (
        <p className="lead" lang={lang}>
          {assessment.instructions}
        </p>
      )}
      <p className="note">{t('student.player.assessment.note')}</p>
      {missing.length > 0 && (
        <div className="notice" role="status" tabIndex={-1} ref={errorRef}>
          <p>{t('student.player.assessment.missing', { count: missing.length })}</p>
        </div>
      )}
      <ol className="assessment__items">
        {assessment.items.map((item, n) => {
          const fixed = answered.get(item.id);
          const value = fixed ?? draft[item.id] ?? '';
          const invalid = missing.includes(item.id) && !value;
          return (
            <li key={item.id}>
              <fieldset className={`question question--${item.type}`} disabled={fixed !== undefined}>
                <legend>
                  <span className="question__number">
                    {t('student.player.assessment.number', { n: n + 1 })}
                  </span>{' '}
                  <span lang={lang}>{item.prompt}</span>
                </legend>
                <div className={item.type === 'likert' ? 'likert' : 'options'}>
                  {optionsOf(item, t).map((o, i) => (
                    <label key={o.value} className="option">
                      <input
                        type="radio"
                        name={`q-${item.id}`}
                        value={o.value}
                        checked={value === o.value}
                        onChange={() => pick(item.id, o.value)}
                      />
                      <span>
                        {item.type === 'likert' && <span className="likert__point">{i + 1}</span>}
                        <span lang={o.authored ? lang : undefined}>{o.label}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {invalid && <p className="question__error">{t('student.player.assessment.answerThis')}</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="player-actions">
        <button type="submit" className="button button--primary">
          {completed ? t('student.player.continue') : t('student.player.assessment.submit')}
        </button>
      </div>
    </form>
  );
}
