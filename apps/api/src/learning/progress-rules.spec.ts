import { join } from 'node:path';
import { compileModule, loadModule, type ModuleVersion } from '@haven/curriculum';
import { availableChoices, choose, start } from '@haven/scenario-engine';
import type { ProgressEventInput } from './learning.models';
import { AttemptSnapshot, emptySnapshot, planProgress } from './progress-rules';

let n = 0;
const ev = (e: Partial<ProgressEventInput> & { kind: ProgressEventInput['kind'] }): ProgressEventInput =>
  ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    at: new Date('2026-11-26T10:00:00Z'),
    ...e,
  }) as ProgressEventInput;

const empty = (): AttemptSnapshot => emptySnapshot('a1');

/** Applies a plan's outcome to a snapshot, as the database write does. */
function applied(snap: AttemptSnapshot, plan: ReturnType<typeof planProgress>): AttemptSnapshot {
  const runs = [
    ...snap.runs.filter((r) => !plan.runs.some((c) => c.scenarioId === r.scenarioId && c.runNo === r.runNo)),
    ...plan.runs,
  ];
  const seen = new Map(snap.seen);
  for (const e of plan.events) seen.set(e.id, snap.attemptId);
  return {
    ...snap,
    ...plan.attempt,
    version: snap.version + 1,
    runs,
    answers: [...snap.answers, ...plan.answers],
    seen,
  };
}

describe('planProgress: the rules a student progress event must meet', () => {
  let b: ModuleVersion;

  beforeAll(async () => {
    b = compileModule(await loadModule(join(__dirname, '../../../../curricula/online-safety-6-8')));
  });

  const preTest = (): ProgressEventInput[] => {
    const pre = b.assessments.find((a) => a.kind === 'pre')!;
    return pre.items.map((item) =>
      ev({
        kind: 'assessment_response',
        assessmentId: pre.id,
        itemId: item.id,
        response:
          item.type === 'multiple-choice' ? item.options[0].id : item.type === 'true-false' ? 'false' : '2',
      }),
    );
  };

  it('judges a batch exactly as the same events sent one by one', () => {
    const events = [
      ...preTest(),
      ev({ kind: 'step_complete', stepIndex: 0 }),
      ev({ kind: 'lesson_position', stepIndex: 1, blockIndex: 1 }),
    ];
    const batch = planProgress(b, empty(), events);
    let snap = empty();
    const single = events.map((e) => {
      const plan = planProgress(b, snap, [e]);
      snap = applied(snap, plan);
      return plan.results[0];
    });
    expect(batch.results).toEqual(single);
    expect(batch.results.every((r) => r.outcome === 'accepted')).toBe(true);
    expect(batch.attempt).toMatchObject({ stepIndex: 1, blockIndex: 1, completedSteps: [0] });
  });

  it('leaves the record untouched by a rejected event and continues with the next', () => {
    const plan = planProgress(b, empty(), [
      ev({ kind: 'step_complete', stepIndex: 2 }),
      ev({ kind: 'content_alternative', topic: b.contentWarnings[0].topic }),
    ]);
    expect(plan.results.map((r) => [r.outcome, r.code])).toEqual([
      ['rejected', 'STEP_LOCKED'],
      ['accepted', null],
    ]);
    expect(plan.attempt.completedSteps).toEqual([]);
    expect(plan.events).toHaveLength(1);
  });

  it('recognises an event it has seen, and one that belongs to someone else', () => {
    const first = ev({ kind: 'reflection', promptId: 'p', text: 'x' });
    const other = ev({ kind: 'reflection', promptId: 'p', text: 'y' });
    const snap = {
      ...empty(),
      seen: new Map([
        [first.id, 'a1'],
        [other.id, 'someone-else'],
      ]),
    };
    const plan = planProgress(b, snap, [first, other, first]);
    expect(plan.results.map((r) => r.outcome)).toEqual(['duplicate', 'rejected', 'duplicate']);
    expect(plan.events).toEqual([]);
  });

  it('accepts an event id once even when a batch repeats it', () => {
    const e = ev({ kind: 'reflection', promptId: 'p', text: 'x' });
    expect(planProgress(b, empty(), [e, e]).results.map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('follows the scenario engine and refuses choices after an ending', () => {
    const scenarioIndex = b.sequence.findIndex((s) => s.kind === 'scenario');
    const scenario = b.scenarios.find((s) => s.id === b.sequence[scenarioIndex].id)!;
    const snap = { ...empty(), completedSteps: Array.from({ length: scenarioIndex }, (_, i) => i) };
    const events: ProgressEventInput[] = [];
    let state = start(scenario);
    while (!state.ended) {
      const c = availableChoices(scenario, state)[0];
      events.push(ev({ kind: 'scenario_choice', scenarioId: scenario.id, choiceId: c.id }));
      state = choose(scenario, state, c.id).state;
    }
    events.push(ev({ kind: 'scenario_choice', scenarioId: scenario.id, choiceId: events[0].choiceId }));
    const plan = planProgress(b, snap, events);
    expect(plan.results.slice(0, -1).every((r) => r.outcome === 'accepted')).toBe(true);
    expect(plan.results.at(-1)).toMatchObject({ outcome: 'rejected', code: 'ALREADY_ENDED' });
    expect(plan.runs).toEqual([
      {
        scenarioId: scenario.id,
        runNo: 1,
        path: events.slice(0, -1).map((e) => e.choiceId),
        ended: true,
        outcome: state.ending!.outcome,
      },
    ]);
  });

  it('keeps the first answer to a question', () => {
    const [answer] = preTest();
    const snap = {
      ...empty(),
      answers: [
        {
          assessmentId: answer.assessmentId!,
          itemId: answer.itemId!,
          response: answer.response!,
          correct: null,
        },
      ],
    };
    const same = planProgress(b, snap, [
      ev({
        kind: 'assessment_response',
        assessmentId: answer.assessmentId,
        itemId: answer.itemId,
        response: answer.response,
      }),
    ]);
    expect(same.results[0].outcome).toBe('accepted');
    expect(same.answers).toEqual([]);
    const other = planProgress(b, snap, [
      ev({
        kind: 'assessment_response',
        assessmentId: answer.assessmentId,
        itemId: answer.itemId,
        response: 'true',
      }),
    ]);
    expect(['ALREADY_ANSWERED', 'INVALID_RESPONSE']).toContain(other.results[0].code);
  });
});
