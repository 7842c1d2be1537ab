import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewProgressEvent } from '../progress/progress-event';
import { latestRun, type Progress } from '../progress/progress-state';
import { choicesAt, playable, walk, type PlayerChoice, type PlayerNode } from '../progress/scenario-adapter';
import { useFocusOnChange } from './use-focus-on-change';
import type { StudentModule } from './use-module-progress';

type Scenario = StudentModule['scenarios'][number];

const NARRATOR = 'narrator';

/**
 * One line of the conversation: a character's words, or the story's narration. `lang` (the content's
 * language) marks the authored words only: the "Narrator" label is the interface's.
 */
export function DialogueLine({
  node,
  lang,
}: {
  node: Pick<PlayerNode, 'speaker' | 'speakerName' | 'text'>;
  lang?: string;
}) {
  const { t } = useTranslation();
  const narrator = node.speaker === NARRATOR || !node.speakerName;
  return (
    <li className={narrator ? 'dialogue dialogue--narrator' : 'dialogue'}>
      {!narrator && (
        <p className="dialogue__speaker" lang={lang}>
          {node.speakerName}
        </p>
      )}
      {narrator && <span className="visually-hidden">{t('student.player.scenario.narrator')}: </span>}
      <p className="dialogue__text" lang={lang}>
        {node.text}
      </p>
    </li>
  );
}

/** The learner's choice and the feedback it earned; `lang` marks the authored text, not the labels. */
export function ChosenLines({
  choice,
  lang,
}: {
  choice: Pick<PlayerChoice, 'text' | 'feedback'>;
  lang?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <li className="dialogue dialogue--you">
        <p className="dialogue__speaker">{t('student.player.scenario.you')}</p>
        <p className="dialogue__text" lang={lang}>
          {choice.text}
        </p>
      </li>
      <li className="dialogue dialogue--feedback">
        <p className="dialogue__speaker">{t('student.player.scenario.feedback')}</p>
        <p className="dialogue__text" lang={lang}>
          {choice.feedback}
        </p>
      </li>
    </>
  );
}

/**
 * A branching conversation. The engine offers the choices and shows the result at once; the server
 * checks the same path with the same engine when the events arrive. `lang` is the content's language.
 */
export function ScenarioStep({
  scenario,
  lang,
  stepIndex,
  progress,
  record,
  onDone,
}: {
  scenario: Scenario;
  lang: string;
  stepIndex: number;
  progress: Progress;
  record: (event: NewProgressEvent) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const p = playable(scenario);
  const run = latestRun(progress, scenario.id);
  const runNo = run?.runNo ?? 1;
  const w = walk(p, run?.path ?? []);
  const path = run?.path ?? [];
  const choices = choicesAt(p, w);
  const completed = progress.completedSteps.includes(stepIndex);
  const endedBefore = progress.scenarioRuns.some((r) => r.scenarioId === scenario.id && r.ended);
  // What the live region says, and whether it is the story's words (content language) or the interface's.
  const [announcement, setAnnouncement] = useState({ text: '', content: false });
  const focusTarget = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(focusTarget, `${runNo}:${path.length}`);

  function choose(choice: PlayerChoice): void {
    const next = p.node(choice.next);
    const parts = [choice.feedback];
    if (next) parts.push(next.speakerName ? `${next.speakerName}: ${next.text}` : next.text);
    if (next?.ending) parts.push(next.ending.debrief);
    setAnnouncement({ text: parts.join(' '), content: true });
    record({ kind: 'scenario_choice', scenarioId: scenario.id, runNo, choiceId: choice.id });
  }

  function restart(): void {
    setAnnouncement({ text: t('student.player.scenario.restarted'), content: false });
    record({ kind: 'scenario_restart', scenarioId: scenario.id, runNo: runNo + 1 });
  }

  function finish(): void {
    if (!completed) record({ kind: 'step_complete', stepIndex });
    onDone();
  }

  return (
    <section className="scenario-player" aria-labelledby="scenario-title">
      <h3 id="scenario-title" className="visually-hidden" lang={lang}>
        {scenario.title}
      </h3>
      {scenario.summary && path.length === 0 && (
        <p className="lead" lang={lang}>
          {scenario.summary}
        </p>
      )}
      <ol className="conversation" aria-label={t('student.player.scenario.conversation')}>
        <DialogueLine node={w.start} lang={lang} />
        {w.steps.map((s, i) => (
          <StepLines key={`${i}-${s.choice.id}`} choice={s.choice} node={s.node} lang={lang} />
        ))}
      </ol>
      <div
        className="visually-hidden"
        aria-live="polite"
        data-testid="scenario-live"
        lang={announcement.content ? lang : undefined}
      >
        {announcement.text}
      </div>

      {w.current.ending ? (
        <section className="panel debrief" aria-labelledby="debrief-title">
          <h4 id="debrief-title" tabIndex={-1} ref={focusTarget}>
            {t('student.player.scenario.debrief')}
          </h4>
          <p lang={lang}>{w.current.ending.debrief}</p>
          <div className="player-actions">
            <button type="button" className="button button--secondary" onClick={restart}>
              {t('student.player.scenario.tryAgain')}
            </button>
            <button type="button" className="button button--primary" onClick={finish}>
              {t('student.player.continue')}
            </button>
          </div>
        </section>
      ) : (
        <fieldset className="choices">
          <legend>
            <h4 id="choices-title" tabIndex={-1} ref={focusTarget}>
              {t('student.player.scenario.whatDoYouDo')}
            </h4>
          </legend>
          <ul className="choices__list" lang={lang}>
            {choices.map((c) => (
              <li key={c.id}>
                <button type="button" className="button button--choice" onClick={() => choose(c)}>
                  {c.text}
                </button>
              </li>
            ))}
          </ul>
          {endedBefore && (
            <button type="button" className="button button--quiet" onClick={finish}>
              {t('student.player.scenario.skipToNext')}
            </button>
          )}
        </fieldset>
      )}
    </section>
  );
}

function StepLines({ choice, node, lang }: { choice: PlayerChoice; node: PlayerNode; lang: string }) {
  return (
    <>
      <ChosenLines choice={choice} lang={lang} />
      <DialogueLine node={node} lang={lang} />
    </>
  );
}
