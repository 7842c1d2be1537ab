import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledScenario, CompiledScenarioChoice, CompiledScenarioNode } from '@haven/curriculum';
import { availableChoices, choose, start, ScenarioError, type ScenarioState } from '@haven/scenario-engine';
import { ChosenLines, DialogueLine } from '../../student/player/scenario-step';
import { useFocusOnChange } from '../../student/player/use-focus-on-change';
import { pick } from './localized-text';

interface Run {
  start: CompiledScenarioNode;
  steps: { choice: CompiledScenarioChoice; node: CompiledScenarioNode }[];
  state: ScenarioState;
  current: CompiledScenarioNode;
  choices: readonly CompiledScenarioChoice[];
}

/** Plays `path` with the scenario engine, exactly as a learner's device and the server would. */
function play(scenario: CompiledScenario, path: readonly string[]): Run | { error: string } {
  try {
    let state = start(scenario);
    const first = scenario.nodes.find((n) => n.id === state.nodeId)!;
    let current = first;
    const steps: Run['steps'] = [];
    for (const choiceId of path) {
      const result = choose(scenario, state, choiceId);
      state = result.state;
      current = result.node;
      steps.push({ choice: result.choice, node: result.node });
    }
    return { start: first, steps, state, current, choices: availableChoices(scenario, state) };
  } catch (error) {
    return {
      error: error instanceof ScenarioError || error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Plays a compiled scenario step by step with the real engine: the text a learner reads, the choices the
 * engine offers (conditions applied), feedback, the variables as they change, and the ending and debrief.
 */
export function ScenarioPlayTest({ scenario, lang }: { scenario: CompiledScenario; lang: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const run = useMemo(() => play(scenario, path), [scenario, path]);
  const focusTarget = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(focusTarget, path.length);

  const names = new Map(scenario.characters.map((c) => [c.id, pick(c.name, lang)]));
  const line = (node: CompiledScenarioNode) => ({
    speaker: node.speaker,
    speakerName: names.get(node.speaker) ?? null,
    text: pick(node.text, lang),
  });

  function restart(): void {
    setPath([]);
    setAnnouncement(t('studio.editor.playTest.restarted'));
  }

  function take(choice: CompiledScenarioChoice): void {
    const next = scenario.nodes.find((n) => n.id === choice.next);
    const parts = [pick(choice.feedback, lang)];
    if (next) parts.push(pick(next.text, lang));
    if (next?.ending) parts.push(pick(next.ending.debrief, lang));
    setAnnouncement(parts.join(' '));
    setPath((p) => [...p, choice.id]);
  }

  return (
    <section className="play-test" aria-labelledby="play-test-title">
      <h3 id="play-test-title">{t('studio.editor.playTest.title', { title: pick(scenario.title, lang) })}</h3>
      <div className="visually-hidden" aria-live="polite" data-testid="play-test-live">
        {announcement}
      </div>
      {'error' in run ? (
        <div className="notice notice--error" role="alert">
          <p>
            <span aria-hidden="true">✖ </span>
            {t('studio.editor.playTest.broken')}
          </p>
          <p>{run.error}</p>
          <button type="button" className="button button--secondary" onClick={restart}>
            {t('studio.editor.playTest.restart')}
          </button>
        </div>
      ) : (
        <div className="play-test__layout">
          <div className="scenario-player">
            <ol className="conversation" aria-label={t('student.player.scenario.conversation')} lang={lang}>
              <DialogueLine node={line(run.start)} />
              {run.steps.map((s, i) => (
                <PlayedStep
                  key={`${i}-${s.choice.id}`}
                  choice={{ text: pick(s.choice.text, lang), feedback: pick(s.choice.feedback, lang) }}
                  node={line(s.node)}
                />
              ))}
            </ol>
            {run.current.ending ? (
              <section className="panel debrief" aria-labelledby="play-test-debrief">
                <h4 id="play-test-debrief" tabIndex={-1} ref={focusTarget}>
                  {t('studio.editor.playTest.ending', {
                    outcome: t(`studio.editor.outcome.${run.current.ending.outcome}`),
                  })}
                </h4>
                <p lang={lang}>{pick(run.current.ending.debrief, lang)}</p>
              </section>
            ) : (
              <fieldset className="choices">
                <legend>
                  <h4 id="play-test-choices" tabIndex={-1} ref={focusTarget}>
                    {t('student.player.scenario.whatDoYouDo')}
                  </h4>
                </legend>
                {run.choices.length === 0 && (
                  <p className="notice notice--warning">{t('studio.editor.playTest.stuck')}</p>
                )}
                <ul className="choices__list" lang={lang}>
                  {run.choices.map((c) => (
                    <li key={c.id}>
                      <button type="button" className="button button--choice" onClick={() => take(c)}>
                        {pick(c.text, lang)}
                      </button>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            <div className="player-actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={restart}
                disabled={path.length === 0}
              >
                {t('studio.editor.playTest.restart')}
              </button>
            </div>
          </div>
          <aside className="play-test__state" aria-labelledby="play-test-state">
            <h4 id="play-test-state">{t('studio.editor.playTest.state')}</h4>
            <dl className="facts">
              <div>
                <dt>{t('studio.editor.playTest.node')}</dt>
                <dd>
                  <code>{run.state.nodeId}</code>
                </dd>
              </div>
              {Object.entries(run.state.variables).map(([name, value]) => (
                <div key={name}>
                  <dt>
                    <code>{name}</code>
                  </dt>
                  <dd data-testid={`play-test-var-${name}`}>{String(value)}</dd>
                </div>
              ))}
            </dl>
            {scenario.variables.length === 0 && (
              <p className="note">{t('studio.editor.playTest.noVariables')}</p>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}

function PlayedStep({
  choice,
  node,
}: {
  choice: { text: string; feedback: string };
  node: { speaker: string; speakerName: string | null; text: string };
}) {
  return (
    <>
      <ChosenLines choice={choice} />
      <DialogueLine node={node} />
    </>
  );
}
