import fc from 'fast-check';
import { evaluateCondition, parseCondition } from './conditions';
import { availableChoices, canAccept, choose, replay, start, type ScenarioState } from './engine';
import type { EngineChoice, EngineNode, EngineScenario, VariableValue } from './engine-scenario';
import { ScenarioError, type ScenarioErrorCode } from './scenario-error';

// ---------- generated scenarios ----------

/** Choice ids are drawn from a small pool, so the same id appears at several nodes. */
const CHOICE_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const NOT_A_CHOICE = 'zz';
const TAGS = ['protective', 'risky', 'neutral', 'safe-adult', 'help-seeking'] as const;
// Includes names that are also Object.prototype members, which must behave like any other name.
const BOOL_NAMES = ['b0', 'b1', 'constructor'] as const;
const NUM_NAMES = ['x0', 'x1', 'valueOf'] as const;
const OPS = ['==', '!=', '<', '<=', '>', '>='] as const;

function conditionArb(bools: readonly string[], nums: readonly string[]): fc.Arbitrary<string> {
  const atoms: fc.Arbitrary<string>[] = [];
  if (bools.length > 0) {
    const b = fc.constantFrom(...bools);
    atoms.push(
      b,
      fc.tuple(b, fc.constantFrom('==', '!='), fc.boolean()).map(([v, op, x]) => `${v} ${op} ${x}`),
    );
  }
  if (nums.length > 0) {
    const n = fc.constantFrom(...nums);
    atoms.push(
      n,
      fc
        .tuple(n, fc.constantFrom(...OPS), fc.integer({ min: -3, max: 4 }))
        .map(([v, op, x]) => `${v} ${op} ${x}`),
    );
  }
  const atom = fc.oneof(...atoms);
  const { cond } = fc.letrec<{ cond: string }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      atom,
      tie('cond').map((c) => `not (${c})`),
      fc
        .tuple(tie('cond'), fc.constantFrom('and', 'or'), tie('cond'))
        .map(([l, op, r]) => `(${l}) ${op} ${r}`),
    ),
  }));
  return cond;
}

interface Shape {
  nodeCount: number;
  bools: string[];
  nums: string[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 9 }),
  bools: fc.subarray([...BOOL_NAMES]),
  nums: fc.subarray([...NUM_NAMES]),
});

/** A record with some of the given keys, each with a value from its arbitrary. */
function someOf<V>(entries: [string, fc.Arbitrary<V>][]): fc.Arbitrary<Record<string, V>> {
  return fc
    .tuple(
      ...entries.map(([key, arb]) =>
        fc.option(
          arb.map((v): [string, V] => [key, v]),
          { nil: undefined, freq: 2 },
        ),
      ),
    )
    .map((picked) => Object.fromEntries(picked.filter((e): e is [string, V] => e !== undefined)));
}

function choiceArb(shape: Shape): fc.Arbitrary<Omit<EngineChoice, 'id'>> {
  const base = {
    next: fc.nat({ max: shape.nodeCount - 1 }).map((i) => `n${i}`),
    feedback: fc.constant({ en: 'feedback' }),
    tags: fc.subarray([...TAGS]),
  };
  if (shape.bools.length + shape.nums.length === 0) return fc.record(base);
  const setArb = someOf<VariableValue>([
    ...shape.bools.map((v): [string, fc.Arbitrary<VariableValue>] => [v, fc.boolean()]),
    ...shape.nums.map((v): [string, fc.Arbitrary<VariableValue>] => [v, fc.integer({ min: -3, max: 3 })]),
  ]);
  const addArb = someOf(
    shape.nums.map((v): [string, fc.Arbitrary<number>] => [v, fc.integer({ min: -2, max: 2 })]),
  );
  return fc.record(
    { ...base, if: conditionArb(shape.bools, shape.nums), set: setArb, add: addArb },
    { requiredKeys: ['next', 'feedback', 'tags'] },
  );
}

/** Valid random scenarios: every target exists, conditions and effects only use declared variables. */
const scenarioArb: fc.Arbitrary<EngineScenario> = shapeArb.chain((shape) =>
  fc
    .record({
      start: fc.nat({ max: shape.nodeCount - 1 }),
      // At least one ending; the start node is an ending only now and then.
      startEnds: fc.nat({ max: 19 }).map((n) => n === 0),
      endings: fc.uniqueArray(fc.nat({ max: shape.nodeCount - 1 }), {
        minLength: 1,
        maxLength: Math.max(1, Math.floor(shape.nodeCount / 3)),
      }),
      nodes: fc.array(
        fc.record({
          tags: fc.subarray([...TAGS], { maxLength: 1 }),
          ids: fc.uniqueArray(fc.constantFrom(...CHOICE_IDS), { minLength: 1, maxLength: 4 }),
          choices: fc.array(choiceArb(shape), { minLength: 4, maxLength: 4 }),
          outcome: fc.constantFrom('protective', 'risky', 'mixed'),
        }),
        { minLength: shape.nodeCount, maxLength: shape.nodeCount },
      ),
      initial: fc.record({
        bools: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        nums: fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 3, maxLength: 3 }),
      }),
    })
    .map(({ start: s, startEnds, endings: drawn, nodes, initial }): EngineScenario => {
      const others = drawn.filter((i) => i !== s);
      const endings = startEnds ? [s, ...others] : others.length > 0 ? others : [(s + 1) % shape.nodeCount];
      return {
        id: 'generated',
        start: `n${s}`,
        variables: [
          ...shape.bools.map((id, i) => ({ id, initial: initial.bools[i]! })),
          ...shape.nums.map((id, i) => ({ id, initial: initial.nums[i]! })),
        ],
        nodes: nodes.map((n, i): EngineNode => {
          const id = `n${i}`;
          if (endings.includes(i))
            return {
              id,
              tags: n.tags,
              choices: [],
              ending: { outcome: n.outcome, debrief: { en: 'debrief' } },
            };
          return { id, tags: n.tags, choices: n.ids.map((cid, j) => ({ id: cid, ...n.choices[j]! })) };
        }),
      };
    }),
);

/** Random picks drive a walk: at each step, pick `picks[i] % available.length`. */
const picksArb = fc.array(fc.nat(), { minLength: 1, maxLength: 150, size: 'max' });

/** Walks random available choices until an ending, a node with nothing available, or the picks run out. */
function walk(sc: EngineScenario, picks: readonly number[]): { path: string[]; state: ScenarioState } {
  let state = start(sc);
  const path: string[] = [];
  for (const pick of picks) {
    if (state.ended) break;
    const avail = availableChoices(sc, state);
    if (avail.length === 0) break;
    const id = avail[pick % avail.length]!.id;
    state = choose(sc, state, id).state;
    path.push(id);
  }
  return { path, state };
}

const nodeOf = (sc: EngineScenario, id: string): EngineNode => sc.nodes.find((n) => n.id === id)!;

// ---------- a reference interpreter, written as plainly as possible ----------

type OracleResult =
  { ok: true; state: ScenarioState } | { ok: false; index: number; code: ScenarioErrorCode };

function oracle(sc: EngineScenario, path: readonly string[]): OracleResult {
  const vars: Record<string, VariableValue> = Object.create(null) as Record<string, VariableValue>;
  for (const v of sc.variables) vars[v.id] = v.initial;
  const tags: Record<string, number> = Object.create(null) as Record<string, number>;
  const nodeTags: Record<string, number> = Object.create(null) as Record<string, number>;
  const visited: string[] = [];
  let node = nodeOf(sc, sc.start);
  const enterNode = (n: EngineNode): void => {
    node = n;
    if (!visited.includes(n.id)) visited.push(n.id);
    for (const t of n.tags) nodeTags[t] = (nodeTags[t] ?? 0) + 1;
  };
  enterNode(node);
  for (let i = 0; i < path.length; i++) {
    if (node.ending) return { ok: false, index: i, code: 'ALREADY_ENDED' };
    const c = node.choices.find((x) => x.id === path[i]);
    if (!c) return { ok: false, index: i, code: 'UNKNOWN_CHOICE' };
    if (c.if !== undefined) {
      const parsed = parseCondition(c.if);
      if (!parsed.ok) throw new Error(parsed.message);
      if (!evaluateCondition(parsed.ast, vars)) return { ok: false, index: i, code: 'CHOICE_NOT_AVAILABLE' };
    }
    for (const [k, v] of Object.entries(c.set ?? {})) vars[k] = v as VariableValue;
    for (const [k, v] of Object.entries(c.add ?? {})) vars[k] = (vars[k] as number) + v;
    for (const t of c.tags) tags[t] = (tags[t] ?? 0) + 1;
    enterNode(nodeOf(sc, c.next));
  }
  return {
    ok: true,
    state: {
      scenarioId: sc.id,
      nodeId: node.id,
      variables: vars,
      path: [...path],
      tags,
      nodeTags,
      visited,
      ended: node.ending !== undefined,
      ...(node.ending ? { ending: { nodeId: node.id, outcome: node.ending.outcome } } : {}),
    },
  };
}

function errorCode(fn: () => unknown): ScenarioErrorCode | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof ScenarioError) return e.code;
    throw e;
  }
}

/** A choice id refused at this state, with the code it must be refused with. */
function refusedChoices(sc: EngineScenario, state: ScenarioState): [string, ScenarioErrorCode][] {
  const node = nodeOf(sc, state.nodeId);
  if (state.ended) return [...CHOICE_IDS, NOT_A_CHOICE].map((id) => [id, 'ALREADY_ENDED']);
  const avail = new Set(availableChoices(sc, state).map((c) => c.id));
  return [
    ...node.choices
      .filter((c) => !avail.has(c.id))
      .map((c): [string, ScenarioErrorCode] => [c.id, 'CHOICE_NOT_AVAILABLE']),
    ...[...CHOICE_IDS, NOT_A_CHOICE]
      .filter((id) => !node.choices.some((c) => c.id === id))
      .map((id): [string, ScenarioErrorCode] => [id, 'UNKNOWN_CHOICE']),
  ];
}

// ---------- properties ----------

describe('scenario engine properties (generated scenarios)', () => {
  it('generated scenarios are valid for the engine', () => {
    fc.assert(fc.property(scenarioArb, (sc) => void start(sc)));
  });

  it('(a) every path walked through available choices is accepted by replay, to the same state', () => {
    fc.assert(
      fc.property(scenarioArb, picksArb, (sc, picks) => {
        const { path, state } = walk(sc, picks);
        expect(replay(sc, path)).toEqual({ ok: true, state });
        // Step by step, as the server sees it.
        path.forEach((id, i) => expect(canAccept(sc, path.slice(0, i), id).ok).toBe(true));
      }),
    );
  });

  it('(b) a choice not available at that point is refused with the right code and index', () => {
    fc.assert(
      fc.property(scenarioArb, picksArb, fc.nat(), fc.nat(), (sc, picks, pickBad, pickAt) => {
        const { path, state } = walk(sc, picks);
        const refused = refusedChoices(sc, state);
        const [bad, code] = refused[pickBad % refused.length]!;
        expect(errorCode(() => choose(sc, state, bad))).toBe(code);
        const r = replay(sc, [...path, bad]);
        expect(r).toMatchObject({ ok: false, index: path.length, error: { code }, state });
        expect(canAccept(sc, path, bad)).toMatchObject({ ok: false, index: path.length, error: { code } });
        if (!r.ok) expect(r.error.message).toContain(`"${bad}"`);

        // A bad step in the middle is reported there, not later.
        if (path.length > 0) {
          const at = pickAt % path.length;
          const broken = [...path.slice(0, at), NOT_A_CHOICE, ...path.slice(at)];
          expect(replay(sc, broken)).toMatchObject({
            ok: false,
            index: at,
            error: { code: 'UNKNOWN_CHOICE' },
          });
        }
      }),
    );
  });

  it('(c) a path ends exactly at an ending, and nothing is accepted after it', () => {
    fc.assert(
      fc.property(scenarioArb, picksArb, (sc, picks) => {
        const { path } = walk(sc, picks);
        for (let i = 0; i <= path.length; i++) {
          const r = replay(sc, path.slice(0, i));
          if (!r.ok) throw r.error;
          const ending = nodeOf(sc, r.state.nodeId).ending;
          expect(r.state.ended).toBe(ending !== undefined);
          expect(r.state.ending?.outcome).toBe(ending?.outcome);
          // The walk stops at the first ending, so only its last state may be ended.
          if (i < path.length) expect(r.state.ended).toBe(false);
          if (r.state.ended) {
            expect(availableChoices(sc, r.state)).toEqual([]);
            for (const id of [...CHOICE_IDS, NOT_A_CHOICE])
              expect(canAccept(sc, path.slice(0, i), id)).toMatchObject({
                ok: false,
                error: { code: 'ALREADY_ENDED' },
              });
          }
        }
      }),
    );
  });

  it('(d) replay is deterministic: same input, deep-equal output, also on a fresh copy of the scenario', () => {
    const pathArb = fc.array(fc.constantFrom(...CHOICE_IDS, NOT_A_CHOICE), { maxLength: 30 });
    fc.assert(
      fc.property(scenarioArb, picksArb, pathArb, (sc, picks, garbage) => {
        for (const path of [walk(sc, picks).path, garbage]) {
          const first = replay(sc, path);
          expect(replay(sc, path)).toEqual(first);
          const fresh = replay(structuredClone(sc), path);
          expect(fresh).toEqual(first);
          expect(JSON.stringify(fresh)).toBe(JSON.stringify(first));
        }
      }),
    );
  });

  it('replay agrees with a plain reference interpreter on arbitrary paths', () => {
    const pathArb = fc.array(fc.constantFrom(...CHOICE_IDS, NOT_A_CHOICE), { maxLength: 30 });
    fc.assert(
      fc.property(scenarioArb, pathArb, (sc, path) => {
        const expected = oracle(sc, path);
        const r = replay(sc, path);
        if (expected.ok) expect(r).toEqual({ ok: true, state: expected.state });
        else expect(r).toMatchObject({ ok: false, index: expected.index, error: { code: expected.code } });
      }),
      { numRuns: 300 },
    );
  });
});
