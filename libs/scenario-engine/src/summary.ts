import type { ScenarioState } from './engine';

/** Choice tags that mark the modelled help path (telling a safe adult, seeking help). */
export const HELP_SEEKING_TAGS: readonly string[] = ['safe-adult', 'help-seeking'];

export interface ScenarioSummary {
  /** Number of choices taken. */
  readonly steps: number;
  /** Choices taken tagged `protective`. */
  readonly protective: number;
  /** Choices taken tagged `risky`. */
  readonly risky: number;
  /** Choices taken tagged `neutral`. */
  readonly neutral: number;
  /** Whether a choice tagged `safe-adult` or `help-seeking` was taken. */
  readonly soughtHelp: boolean;
  readonly ended: boolean;
  /** The outcome of the ending reached, when ended. */
  readonly outcome?: string;
}

/** A learner-facing and report-friendly summary of a state (choice tags only; node tags are content). */
export function summary(state: ScenarioState): ScenarioSummary {
  const n = (tag: string): number => state.tags[tag] ?? 0;
  return Object.freeze({
    steps: state.path.length,
    protective: n('protective'),
    risky: n('risky'),
    neutral: n('neutral'),
    soughtHelp: HELP_SEEKING_TAGS.some((t) => n(t) > 0),
    ended: state.ended,
    ...(state.ending ? { outcome: state.ending.outcome } : {}),
  });
}
