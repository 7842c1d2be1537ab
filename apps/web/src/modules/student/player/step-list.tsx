import { useTranslation } from 'react-i18next';
import type { Progress } from '../progress/progress-state';
import type { StudentModule } from './use-module-progress';

/** The module's steps in order; done and current steps can be opened, later ones wait. */
export function StepList({
  module,
  progress,
  viewing,
  onOpen,
}: {
  module: StudentModule;
  progress: Progress;
  viewing: number;
  onOpen: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="stepper" aria-label={t('student.player.steps')}>
      <ol>
        {module.steps.map((step) => {
          const done = progress.completedSteps.includes(step.index);
          const open = done || step.index === progress.stepIndex;
          const state = done ? 'done' : step.index === progress.stepIndex ? 'current' : 'later';
          const label = (
            <>
              <span className="stepper__kind">{t(`student.player.kind.${step.kind}`, step.kind)}</span>
              <span className="stepper__title" lang={module.language}>
                {step.title}
              </span>
              <span className="stepper__state">{t(`student.player.stepState.${state}`)}</span>
            </>
          );
          return (
            <li key={step.index} className={`stepper__item stepper__item--${state}`}>
              {open ? (
                <button
                  type="button"
                  className="stepper__button"
                  aria-current={step.index === viewing ? 'step' : undefined}
                  onClick={() => onOpen(step.index)}
                >
                  {label}
                </button>
              ) : (
                <span className="stepper__button" aria-disabled="true">
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
