import type { ModuleVersion } from '@haven/curriculum';
import { canAccept } from '@haven/scenario-engine';
import type { EventResult, ProgressEventInput } from './learning.models';

/** What the database holds for one student's attempt, read in one query before a submission. */
export interface AttemptSnapshot {
  attemptId: string;
  /** Bumped by every write; a write succeeds only if nobody wrote in between (optimistic concurrency). */
  version: number;
  status: 'in_progress' | 'completed';
  stepIndex: number;
  blockIndex: number;
  completedSteps: number[];
  alternativeTopics: string[];
  completedAt: Date | null;
  runs: RunState[];
  answers: AnswerState[];
  /** Event ids already stored, with the attempt each belongs to. */
  seen: Map<string, string>;
}

/** A record with nothing in it yet. */
export const emptySnapshot = (attemptId: string, version = 0): AttemptSnapshot => ({
  attemptId,
  version,
  status: 'in_progress',
  stepIndex: 0,
  blockIndex: 0,
  completedSteps: [],
  alternativeTopics: [],
  completedAt: null,
  runs: [],
  answers: [],
  seen: new Map(),
});

export interface RunState {
  scenarioId: string;
  runNo: number;
  path: string[];
  ended: boolean;
  outcome: string | null;
}

export interface AnswerState {
  assessmentId: string;
  itemId: string;
  response: string;
  correct: boolean | null;
}

/** What a submission changes: decided in memory, written in one statement. */
export interface ProgressPlan {
  results: EventResult[];
  events: ProgressEventInput[];
  /** Runs created or extended (final state of each). */
  runs: RunState[];
  /** New answers. */
  answers: AnswerState[];
  attempt: Pick<
    AttemptSnapshot,
    'status' | 'stepIndex' | 'blockIndex' | 'completedSteps' | 'alternativeTopics' | 'completedAt'
  >;
}

type Rejection = { code: string; message: string };
const reject = (code: string, message: string): Rejection => ({ code, message });

/**
 * Every rule a student's progress event must meet, as a pure function of the module, the stored record and
 * the events: steps in order, scenario choices the engine accepts, valid answers (the first one stands),
 * known warning topics. Events are applied one after another, so a batch sent after being offline is judged
 * exactly as if it had arrived step by step.
 */
export function planProgress(
  b: ModuleVersion,
  snap: AttemptSnapshot,
  events: readonly ProgressEventInput[],
  now = new Date(),
): ProgressPlan {
  const attempt = {
    status: snap.status,
    stepIndex: snap.stepIndex,
    blockIndex: snap.blockIndex,
    completedSteps: [...snap.completedSteps],
    alternativeTopics: [...snap.alternativeTopics],
    completedAt: snap.completedAt,
  };
  const runs = snap.runs.map((r) => ({ ...r, path: [...r.path] }));
  const answers = [...snap.answers];
  const changedRuns = new Set<RunState>();
  const newAnswers: AnswerState[] = [];
  const accepted: ProgressEventInput[] = [];
  const results: EventResult[] = [];
  const seen = new Map(snap.seen);

  const stepOf = (kind: string, id: string): number =>
    b.sequence.findIndex((s) => s.kind === kind && s.id === id);
  const unlocked = (index: number): boolean => {
    for (let i = 0; i < index; i++) if (!attempt.completedSteps.includes(i)) return false;
    return true;
  };
  const locked = (index: number): Rejection =>
    reject('STEP_LOCKED', `Step ${index + 1} opens when the steps before it are done.`);
  const latestRun = (scenarioId: string): RunState | undefined =>
    runs.filter((r) => r.scenarioId === scenarioId).sort((x, y) => y.runNo - x.runNo)[0];

  const apply = (e: ProgressEventInput): Rejection | void => {
    switch (e.kind) {
      case 'lesson_position': {
        const step = b.sequence[e.stepIndex ?? -1];
        if (!step || step.kind !== 'lesson')
          return reject('UNKNOWN_STEP', 'stepIndex must point at a lesson of this module.');
        if (!unlocked(e.stepIndex!)) return locked(e.stepIndex!);
        const lesson = b.lessons.find((l) => l.id === step.id)!;
        const block = e.blockIndex ?? 0;
        if (block >= lesson.blocks.length)
          return reject('UNKNOWN_BLOCK', `Lesson ${lesson.id} has ${lesson.blocks.length} blocks.`);
        attempt.stepIndex = e.stepIndex!;
        attempt.blockIndex = block;
        return;
      }
      case 'step_complete': {
        const index = e.stepIndex ?? -1;
        const step = b.sequence[index];
        if (!step) return reject('UNKNOWN_STEP', `stepIndex must be from 0 to ${b.sequence.length - 1}.`);
        if (!unlocked(index)) return locked(index);
        if (step.kind === 'scenario' && !runs.some((r) => r.scenarioId === step.id && r.ended))
          return reject('SCENARIO_NOT_ENDED', 'Play the scenario to an ending first.');
        // An assessment may be finished with questions left blank: a student may skip any question
        // (trauma-informed practice; some items touch PPRA-protected areas).
        if (!attempt.completedSteps.includes(index))
          attempt.completedSteps = [...attempt.completedSteps, index].sort((x, y) => x - y);
        if (attempt.completedSteps.length === b.sequence.length) {
          attempt.status = 'completed';
          attempt.completedAt ??= now;
        } else if (attempt.stepIndex <= index) {
          attempt.stepIndex = Math.min(index + 1, b.sequence.length - 1);
          attempt.blockIndex = 0;
        }
        return;
      }
      case 'scenario_choice': {
        if (!e.scenarioId || !e.choiceId)
          return reject('MISSING_FIELD', 'scenario_choice needs scenarioId and choiceId.');
        const index = stepOf('scenario', e.scenarioId);
        if (index < 0) return reject('UNKNOWN_STEP', `This module has no scenario ${e.scenarioId}.`);
        if (!unlocked(index)) return locked(index);
        const scenario = b.scenarios.find((s) => s.id === e.scenarioId)!;
        let run = latestRun(scenario.id);
        if (!run) {
          run = { scenarioId: scenario.id, runNo: 1, path: [], ended: false, outcome: null };
          runs.push(run);
        }
        if (e.runNo !== undefined && e.runNo !== null && e.runNo !== run.runNo)
          return reject(
            'RUN_MISMATCH',
            `This choice belongs to run ${e.runNo}, but the current run is ${run.runNo}.`,
          );
        const result = canAccept(scenario, run.path, e.choiceId);
        if (!result.ok) return reject(result.error.code, result.error.message);
        run.path = [...run.path, e.choiceId];
        run.ended = !!result.node.ending;
        run.outcome = result.node.ending?.outcome ?? null;
        changedRuns.add(run);
        attempt.stepIndex = index;
        return;
      }
      case 'scenario_restart': {
        if (!e.scenarioId) return reject('MISSING_FIELD', 'scenario_restart needs scenarioId.');
        const index = stepOf('scenario', e.scenarioId);
        if (index < 0) return reject('UNKNOWN_STEP', `This module has no scenario ${e.scenarioId}.`);
        if (!unlocked(index)) return locked(index);
        const next = (latestRun(e.scenarioId)?.runNo ?? 0) + 1;
        if (e.runNo !== undefined && e.runNo !== null && e.runNo !== next)
          return reject('RUN_MISMATCH', `The next run is ${next}, not ${e.runNo}.`);
        const run = { scenarioId: e.scenarioId, runNo: next, path: [], ended: false, outcome: null };
        runs.push(run);
        changedRuns.add(run);
        return;
      }
      case 'assessment_response': {
        if (!e.assessmentId || !e.itemId || e.response === undefined || e.response === null)
          return reject('MISSING_FIELD', 'assessment_response needs assessmentId, itemId and response.');
        const index = stepOf('assessment', e.assessmentId);
        if (index < 0) return reject('UNKNOWN_STEP', `This module has no assessment ${e.assessmentId}.`);
        if (!unlocked(index)) return locked(index);
        const assessment = b.assessments.find((a) => a.id === e.assessmentId)!;
        const item = assessment.items.find((i) => i.id === e.itemId);
        if (!item) return reject('UNKNOWN_ITEM', `Assessment ${assessment.id} has no item ${e.itemId}.`);
        const allowed =
          item.type === 'multiple-choice'
            ? item.options.map((o) => o.id)
            : item.type === 'true-false'
              ? ['true', 'false']
              : (item.labels[b.sourceLanguage] ?? Object.values(item.labels)[0] ?? []).map((_, i) =>
                  String(i + 1),
                );
        if (!allowed.includes(e.response))
          return reject('INVALID_RESPONSE', `The answer must be one of ${allowed.join(', ')}.`);
        const existing = answers.find((a) => a.assessmentId === assessment.id && a.itemId === item.id);
        if (existing) {
          return existing.response === e.response
            ? undefined
            : reject('ALREADY_ANSWERED', 'This question was already answered; the first answer stands.');
        }
        const key = assessment.answerKey[item.id];
        const answer = {
          assessmentId: assessment.id,
          itemId: item.id,
          response: e.response,
          correct: key === undefined ? null : String(key) === e.response,
        };
        answers.push(answer);
        newAnswers.push(answer);
        attempt.stepIndex = index;
        return;
      }
      case 'reflection':
        if (!e.promptId || !e.text?.trim())
          return reject('MISSING_FIELD', 'reflection needs promptId and some text.');
        return;
      case 'content_alternative':
        if (!e.topic) return reject('MISSING_FIELD', 'content_alternative needs topic.');
        if (!b.contentWarnings.some((w) => w.topic === e.topic))
          return reject('UNKNOWN_TOPIC', `This module has no content warning for ${e.topic}.`);
        if (!attempt.alternativeTopics.includes(e.topic))
          attempt.alternativeTopics = [...attempt.alternativeTopics, e.topic];
        return;
    }
  };

  for (const e of events) {
    const owner = seen.get(e.id);
    if (owner !== undefined) {
      results.push(
        owner === snap.attemptId
          ? { id: e.id, outcome: 'duplicate', code: null, message: null }
          : {
              id: e.id,
              outcome: 'rejected',
              code: 'ID_IN_USE',
              message: 'This event id belongs to another record.',
            },
      );
      continue;
    }
    const rejection = apply(e);
    if (rejection) {
      results.push({ id: e.id, outcome: 'rejected', code: rejection.code, message: rejection.message });
      continue;
    }
    seen.set(e.id, snap.attemptId);
    accepted.push(e);
    results.push({ id: e.id, outcome: 'accepted', code: null, message: null });
  }
  return { results, events: accepted, runs: [...changedRuns], answers: newAnswers, attempt };
}
