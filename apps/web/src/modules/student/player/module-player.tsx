import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../layout/components/status';
import type { Progress } from '../progress/progress-state';
import { AssessmentStep } from './assessment-step';
import { ContentWarning } from './content-warning';
import { LessonStep } from './lesson-step';
import { SaveStatus } from './save-status';
import { ScenarioStep } from './scenario-step';
import { StepList } from './step-list';
import { useFocusOnChange } from './use-focus-on-change';
import { useModuleProgress, type StudentModule } from './use-module-progress';

const ACK_PREFIX = 'haven.warningSeen.';

function rememberedAck(assignmentId: string): boolean {
  try {
    return window.localStorage.getItem(ACK_PREFIX + assignmentId) === '1';
  } catch {
    return false;
  }
}

function rememberAck(assignmentId: string, seen: boolean): void {
  try {
    if (seen) window.localStorage.setItem(ACK_PREFIX + assignmentId, '1');
    else window.localStorage.removeItem(ACK_PREFIX + assignmentId);
  } catch {
    // Storage off: the warning shows again next time, which errs on the careful side.
  }
}

/** The record shows the student already went past the warning (on this or another device). */
function pastWarning(module: StudentModule, progress: Progress): boolean {
  if (progress.alternativeTopics.length > 0) return false;
  const sensitive = (i: number): boolean => module.steps[i]?.kind !== 'assessment';
  return (
    progress.completedSteps.some(sensitive) ||
    progress.scenarioRuns.length > 0 ||
    (sensitive(progress.stepIndex) && progress.blockIndex > 0)
  );
}

export function ModulePlayer({ module }: { module: StudentModule }) {
  const { t } = useTranslation();
  const { progress, status, record, resynced } = useModuleProgress(module);
  const [viewing, setViewing] = useState<number | null>(null);
  const [acknowledged, setAcknowledged] = useState(() => rememberedAck(module.assignmentId));
  const [choseAlternative, setChoseAlternative] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const index = viewing ?? progress?.stepIndex ?? 0;
  const finished = progress?.status === 'completed' && viewing === null;
  useFocusOnChange(heading, finished ? 'finished' : index);

  if (!progress) return <Loading />;

  const step = module.steps[index];
  const needsWarning =
    !finished &&
    module.contentWarnings.length > 0 &&
    step !== undefined &&
    step.kind !== 'assessment' &&
    (choseAlternative || !(acknowledged || pastWarning(module, progress)));

  const follow = (): void => setViewing(null);

  function acceptWarning(): void {
    rememberAck(module.assignmentId, true);
    setAcknowledged(true);
    setChoseAlternative(false);
  }

  function chooseAlternative(): void {
    rememberAck(module.assignmentId, false);
    setAcknowledged(false);
    for (const w of module.contentWarnings) record({ kind: 'content_alternative', topic: w.topic });
    setChoseAlternative(true);
  }

  let body;
  if (finished) {
    body = (
      <section className="panel player-done" aria-labelledby="step-title">
        <h2 id="step-title" tabIndex={-1} ref={heading}>
          {t('student.player.done.title')}
        </h2>
        <p>{t('student.player.done.body')}</p>
        <Link className="button button--primary" to="/student">
          {t('student.player.backToLessons')}
        </Link>
      </section>
    );
  } else if (!step) {
    body = <p>{t('student.player.noSteps')}</p>;
  } else if (needsWarning) {
    body = (
      <ContentWarning
        module={module}
        choseAlternative={choseAlternative}
        onContinue={acceptWarning}
        onAlternative={chooseAlternative}
      />
    );
  } else {
    const lesson = step.kind === 'lesson' ? module.lessons.find((l) => l.id === step.id) : undefined;
    const scenario = step.kind === 'scenario' ? module.scenarios.find((s) => s.id === step.id) : undefined;
    const assessment =
      step.kind === 'assessment' ? module.assessments.find((a) => a.id === step.id) : undefined;
    // Authored content carries the module's language (`lang`), which may differ from the interface's:
    // a Spanish interface over English content is read with an English voice where the content is.
    const common = { lang: module.language, stepIndex: index, progress, record, onDone: follow };
    body = (
      <section className="player-step" aria-labelledby="step-title">
        <p className="player-step__kind">
          {t('student.player.stepOf', { current: index + 1, total: module.steps.length })}
        </p>
        <h2 id="step-title" tabIndex={-1} ref={heading} lang={module.language}>
          {step.title}
        </h2>
        {lesson && <LessonStep key={index} lesson={lesson} {...common} />}
        {scenario && <ScenarioStep key={index} scenario={scenario} {...common} />}
        {assessment && (
          <AssessmentStep
            key={index}
            assessment={assessment}
            assignmentId={module.assignmentId}
            {...common}
          />
        )}
      </section>
    );
  }

  return (
    <div className="player">
      <div className="player__top">
        <Link className="back-link" to="/student">
          {t('student.player.backToLessons')}
        </Link>
        <SaveStatus status={status} />
      </div>
      <h1 className="player__title" lang={module.language}>
        {module.title}
      </h1>
      {resynced && (
        <p className="notice notice--info" role="status">
          {t('student.player.resynced')}
        </p>
      )}
      <div className="player__layout">
        <StepList
          module={module}
          progress={progress}
          viewing={index}
          onOpen={(i) => setViewing(i === progress.stepIndex ? null : i)}
        />
        <div className="player__stage">{body}</div>
      </div>
    </div>
  );
}
