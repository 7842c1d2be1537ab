import type { AssignmentStatus } from '../../../gql/graphql';
import type { ProgressEvent } from './progress-event';

export interface ScenarioRun {
  readonly scenarioId: string;
  readonly runNo: number;
  readonly path: readonly string[];
  readonly ended: boolean;
  readonly outcome: string | null;
}

/** The student's record for one assignment (the server's `AttemptProgress`, without typenames). */
export interface Progress {
  readonly status: AssignmentStatus;
  readonly stepIndex: number;
  readonly blockIndex: number;
  readonly completedSteps: readonly number[];
  readonly alternativeTopics: readonly string[];
  readonly scenarioRuns: readonly ScenarioRun[];
  readonly answers: readonly {
    readonly assessmentId: string;
    readonly itemId: string;
    readonly response: string;
  }[];
  readonly reflections: readonly { readonly id: string; readonly promptId: string; readonly text: string }[];
}

/** What the reducer needs to know about the module: its steps, and where a scenario path ends. */
export interface ModuleShape {
  readonly steps: readonly { readonly kind: string; readonly id: string }[];
  /** The outcome when `path` reaches an ending of the scenario, otherwise null. */
  readonly endingOf: (scenarioId: string, path: readonly string[]) => string | null;
}

export const EMPTY_PROGRESS: Progress = {
  status: 'not_started',
  stepIndex: 0,
  blockIndex: 0,
  completedSteps: [],
  alternativeTopics: [],
  scenarioRuns: [],
  answers: [],
  reflections: [],
};

/** Keeps only the fields of `Progress` (drops `__typename` and whatever else a response carries). */
export function toProgress(p: Progress): Progress {
  return {
    status: p.status,
    stepIndex: p.stepIndex,
    blockIndex: p.blockIndex,
    completedSteps: [...p.completedSteps],
    alternativeTopics: [...p.alternativeTopics],
    scenarioRuns: p.scenarioRuns.map((r) => ({
      scenarioId: r.scenarioId,
      runNo: r.runNo,
      path: [...r.path],
      ended: r.ended,
      outcome: r.outcome,
    })),
    answers: p.answers.map((a) => ({ assessmentId: a.assessmentId, itemId: a.itemId, response: a.response })),
    reflections: p.reflections.map((r) => ({ id: r.id, promptId: r.promptId, text: r.text })),
  };
}

/** The latest run of a scenario, if any. */
export function latestRun(progress: Progress, scenarioId: string): ScenarioRun | undefined {
  let last: ScenarioRun | undefined;
  for (const run of progress.scenarioRuns) {
    if (run.scenarioId === scenarioId && (!last || run.runNo > last.runNo)) last = run;
  }
  return last;
}

function stepOf(shape: ModuleShape, kind: string, id: string | undefined): number {
  return shape.steps.findIndex((s) => s.kind === kind && s.id === id);
}

function unlocked(progress: Progress, index: number): boolean {
  for (let i = 0; i < index; i++) if (!progress.completedSteps.includes(i)) return false;
  return true;
}

/**
 * Applies one event to the record the way the server will, so the student sees the result at once
 * (and, on a reload, pending events are replayed on top of the server's record). Events the server
 * would refuse leave the record unchanged; the server stays the judge and its record wins on sync.
 */
export function applyEvent(progress: Progress, event: ProgressEvent, shape: ModuleShape): Progress {
  const started: Progress =
    progress.status === 'not_started' ? { ...progress, status: 'in_progress' } : progress;
  switch (event.kind) {
    case 'lesson_position': {
      const index = event.stepIndex ?? -1;
      if (shape.steps[index]?.kind !== 'lesson' || !unlocked(progress, index)) return progress;
      return { ...started, stepIndex: index, blockIndex: event.blockIndex ?? 0 };
    }
    case 'step_complete': {
      const index = event.stepIndex ?? -1;
      if (!shape.steps[index] || !unlocked(progress, index)) return progress;
      const completedSteps = progress.completedSteps.includes(index)
        ? progress.completedSteps
        : [...progress.completedSteps, index].sort((a, b) => a - b);
      if (completedSteps.length === shape.steps.length)
        return { ...started, completedSteps, status: 'completed' };
      if (progress.stepIndex <= index) {
        return {
          ...started,
          completedSteps,
          stepIndex: Math.min(index + 1, shape.steps.length - 1),
          blockIndex: 0,
        };
      }
      return { ...started, completedSteps };
    }
    case 'scenario_choice': {
      const index = stepOf(shape, 'scenario', event.scenarioId);
      if (index < 0 || !event.choiceId || !unlocked(progress, index)) return progress;
      const scenarioId = event.scenarioId!;
      const run = latestRun(progress, scenarioId) ?? {
        scenarioId,
        runNo: 1,
        path: [],
        ended: false,
        outcome: null,
      };
      if (run.ended || (event.runNo != null && event.runNo !== run.runNo)) return progress;
      const path = [...run.path, event.choiceId];
      const outcome = shape.endingOf(scenarioId, path);
      const next: ScenarioRun = { ...run, path, ended: outcome !== null, outcome };
      const others = progress.scenarioRuns.filter(
        (r) => !(r.scenarioId === scenarioId && r.runNo === run.runNo),
      );
      return { ...started, stepIndex: index, scenarioRuns: [...others, next] };
    }
    case 'scenario_restart': {
      const index = stepOf(shape, 'scenario', event.scenarioId);
      if (index < 0 || !unlocked(progress, index)) return progress;
      const scenarioId = event.scenarioId!;
      const runNo = (latestRun(progress, scenarioId)?.runNo ?? 0) + 1;
      if (event.runNo != null && event.runNo !== runNo) return progress;
      return {
        ...started,
        scenarioRuns: [
          ...progress.scenarioRuns,
          { scenarioId, runNo, path: [], ended: false, outcome: null },
        ],
      };
    }
    case 'assessment_response': {
      const index = stepOf(shape, 'assessment', event.assessmentId);
      if (index < 0 || !event.itemId || event.response === undefined || !unlocked(progress, index))
        return progress;
      const answered = progress.answers.some(
        (a) => a.assessmentId === event.assessmentId && a.itemId === event.itemId,
      );
      if (answered) return progress; // the first answer stands
      return {
        ...started,
        stepIndex: index,
        answers: [
          ...progress.answers,
          { assessmentId: event.assessmentId!, itemId: event.itemId, response: event.response },
        ],
      };
    }
    case 'reflection': {
      if (!event.promptId || !event.text?.trim()) return progress;
      return {
        ...started,
        reflections: [...progress.reflections, { id: event.id, promptId: event.promptId, text: event.text }],
      };
    }
    case 'content_alternative': {
      if (!event.topic || progress.alternativeTopics.includes(event.topic)) return started;
      return { ...started, alternativeTopics: [...progress.alternativeTopics, event.topic] };
    }
  }
  return progress;
}

export function applyEvents(
  progress: Progress,
  events: readonly ProgressEvent[],
  shape: ModuleShape,
): Progress {
  return events.reduce((p, e) => applyEvent(p, e, shape), progress);
}
