import { evaluateCondition } from './conditions';
import type { ChoiceId, ChoiceOf, EngineScenario, NodeId, NodeOf, VariableValue } from './engine-scenario';
import {
  prepareScenario,
  type PreparedChoice,
  type PreparedNode,
  type PreparedScenario,
} from './prepared-scenario';
import { ScenarioError } from './scenario-error';

/**
 * Where a learner is in a scenario. Plain, frozen, JSON-serialisable data; every function returns a
 * new state and never changes the one passed in.
 */
export interface ScenarioState {
  readonly scenarioId: string;
  /** The current node. */
  readonly nodeId: NodeId;
  /** Every declared variable with its current value, in declaration order. */
  readonly variables: Readonly<Record<string, VariableValue>>;
  /** The choices taken so far, in order. */
  readonly path: readonly ChoiceId[];
  /** Per tag, how many of the choices taken carry it. */
  readonly tags: Readonly<Record<string, number>>;
  /** Per tag, how many node entries (the start node included) carry it. */
  readonly nodeTags: Readonly<Record<string, number>>;
  /** Distinct node ids in order of first visit, the start node first. */
  readonly visited: readonly NodeId[];
  /** True exactly when the current node is an ending. */
  readonly ended: boolean;
  /** Present exactly when `ended`. */
  readonly ending?: { readonly nodeId: NodeId; readonly outcome: string };
}

export interface ChooseResult<S extends EngineScenario> {
  readonly state: ScenarioState;
  /** The choice taken. */
  readonly choice: ChoiceOf<S>;
  /** The feedback of the choice taken. */
  readonly feedback: ChoiceOf<S>['feedback'];
  /** The node the choice leads to (with its ending and debrief when it is an ending). */
  readonly node: NodeOf<S>;
}

export interface ReplayFailure {
  readonly ok: false;
  /** Index in the path of the first step that was refused. */
  readonly index: number;
  readonly error: ScenarioError;
  /** The state just before the refused step. */
  readonly state: ScenarioState;
}

export type ReplayResult = { readonly ok: true; readonly state: ScenarioState } | ReplayFailure;

export type AcceptResult<S extends EngineScenario> =
  ({ readonly ok: true } & ChooseResult<S>) | ReplayFailure;

/** Internal mutable walker; only ever handed out frozen, as a ScenarioState. */
interface Cursor {
  node: PreparedNode;
  vars: Record<string, VariableValue>;
  path: ChoiceId[];
  tags: Record<string, number>;
  nodeTags: Record<string, number>;
  visited: NodeId[];
  seen: Set<NodeId>;
}

// Records without a prototype, so ids such as `constructor` or `__proto__` are plain keys.
const record = <V>(): Record<string, V> => Object.create(null) as Record<string, V>;

function count(into: Record<string, number>, tags: readonly string[]): void {
  for (const t of tags) into[t] = (into[t] ?? 0) + 1;
}

function enter(c: Cursor, node: PreparedNode): void {
  c.node = node;
  const id = node.node.id;
  if (!c.seen.has(id)) {
    c.seen.add(id);
    c.visited.push(id);
  }
  count(c.nodeTags, node.node.tags);
}

function initialCursor(p: PreparedScenario): Cursor {
  const vars = record<VariableValue>();
  for (const [name, value] of p.initial) vars[name] = value;
  const c: Cursor = {
    node: p.start,
    vars,
    path: [],
    tags: record(),
    nodeTags: record(),
    visited: [],
    seen: new Set(),
  };
  enter(c, p.start);
  return c;
}

function cursorOf(p: PreparedScenario, state: ScenarioState): Cursor {
  const sid = p.scenario.id;
  if (state.scenarioId !== sid)
    throw new ScenarioError(
      'STATE_MISMATCH',
      `The state belongs to scenario "${state.scenarioId}", not to scenario "${sid}".`,
      { scenarioId: sid, nodeId: state.nodeId },
    );
  const node = p.nodes.get(state.nodeId);
  if (!node)
    throw new ScenarioError(
      'STATE_MISMATCH',
      `The state is at node "${state.nodeId}", which scenario "${sid}" does not have.`,
      { scenarioId: sid, nodeId: state.nodeId },
    );
  const vars = record<VariableValue>();
  for (const [name, init] of p.initial) {
    const v = state.variables[name];
    if (typeof v !== typeof init)
      throw new ScenarioError(
        'STATE_MISMATCH',
        `The state's variable "${name}" is ${JSON.stringify(v)}, which does not fit scenario "${sid}".`,
        { scenarioId: sid, nodeId: state.nodeId },
      );
    vars[name] = v as VariableValue;
  }
  return {
    node,
    vars,
    path: [...state.path],
    tags: Object.assign(record<number>(), state.tags),
    nodeTags: Object.assign(record<number>(), state.nodeTags),
    visited: [...state.visited],
    seen: new Set(state.visited),
  };
}

/** Freezes the cursor's own (fresh) objects into a state; the cursor must not be used afterwards. */
function freeze(p: PreparedScenario, c: Cursor): ScenarioState {
  const node = c.node.node;
  return Object.freeze({
    scenarioId: p.scenario.id,
    nodeId: node.id,
    variables: Object.freeze(c.vars),
    path: Object.freeze(c.path),
    tags: Object.freeze(c.tags),
    nodeTags: Object.freeze(c.nodeTags),
    visited: Object.freeze(c.visited),
    ended: node.ending !== undefined,
    ...(node.ending ? { ending: Object.freeze({ nodeId: node.id, outcome: node.ending.outcome }) } : {}),
  });
}

const holds = (pc: PreparedChoice, vars: Readonly<Record<string, VariableValue>>): boolean =>
  pc.condition === undefined || evaluateCondition(pc.condition, vars);

/**
 * Takes one step on the cursor, or returns the error without changing the cursor at all
 * (every check happens before any change; effects were checked when the scenario was prepared).
 */
function step(p: PreparedScenario, c: Cursor, choiceId: ChoiceId): PreparedChoice | ScenarioError {
  const sid = p.scenario.id;
  const node = c.node.node;
  const details = { scenarioId: sid, nodeId: node.id, choiceId: String(choiceId) };
  if (node.ending)
    return new ScenarioError(
      'ALREADY_ENDED',
      `Scenario "${sid}" has already ended at node "${node.id}"; choice "${String(choiceId)}" cannot be taken.`,
      details,
    );
  const pc = typeof choiceId === 'string' ? c.node.byId.get(choiceId) : undefined;
  if (!pc)
    return new ScenarioError(
      'UNKNOWN_CHOICE',
      `Node "${node.id}" of scenario "${sid}" has no choice "${String(choiceId)}".`,
      details,
    );
  if (!holds(pc, c.vars))
    return new ScenarioError(
      'CHOICE_NOT_AVAILABLE',
      `Choice "${choiceId}" at node "${node.id}" of scenario "${sid}" is not available: its condition "${pc.choice.if}" does not hold.`,
      details,
    );
  for (const [name, value] of pc.sets) c.vars[name] = value;
  for (const [name, amount] of pc.adds) c.vars[name] = (c.vars[name] as number) + amount;
  c.path.push(choiceId);
  count(c.tags, pc.choice.tags);
  enter(c, pc.next);
  return pc;
}

function replayCursor(p: PreparedScenario, path: readonly ChoiceId[]): Cursor | ReplayFailure {
  const c = initialCursor(p);
  for (let i = 0; i < path.length; i++) {
    const r = step(p, c, path[i]!);
    if (r instanceof ScenarioError) return { ok: false, index: i, error: r, state: freeze(p, c) };
  }
  return c;
}

const isFailure = (r: Cursor | ReplayFailure): r is ReplayFailure => 'ok' in r;

/** The state at the start node. Throws a `BROKEN_SCENARIO` ScenarioError for an invalid scenario. */
export function start(scenario: EngineScenario): ScenarioState {
  const p = prepareScenario(scenario);
  return freeze(p, initialCursor(p));
}

/** The current node, with its text and, at an ending, its outcome and debrief. */
export function currentNode<S extends EngineScenario>(scenario: S, state: ScenarioState): NodeOf<S> {
  return cursorOf(prepareScenario(scenario), state).node.node as NodeOf<S>;
}

/** The choices of the current node whose condition holds, in authored order; none after an ending. */
export function availableChoices<S extends EngineScenario>(
  scenario: S,
  state: ScenarioState,
): readonly ChoiceOf<S>[] {
  const p = prepareScenario(scenario);
  const node = p.nodes.get(state.nodeId);
  // Same checks as cursorOf, without copying the state.
  if (!node || state.scenarioId !== p.scenario.id) cursorOf(p, state);
  return node!.choices.filter((pc) => holds(pc, state.variables)).map((pc) => pc.choice as ChoiceOf<S>);
}

/**
 * Takes a choice. Throws a ScenarioError: `UNKNOWN_CHOICE`, `CHOICE_NOT_AVAILABLE`, `ALREADY_ENDED`,
 * `BROKEN_SCENARIO`, or `STATE_MISMATCH` when the state is not one of this scenario.
 */
export function choose<S extends EngineScenario>(
  scenario: S,
  state: ScenarioState,
  choiceId: ChoiceId,
): ChooseResult<S> {
  const p = prepareScenario(scenario);
  const c = cursorOf(p, state);
  const r = step(p, c, choiceId);
  if (r instanceof ScenarioError) throw r;
  return {
    state: freeze(p, c),
    choice: r.choice as ChoiceOf<S>,
    feedback: r.choice.feedback as ChoiceOf<S>['feedback'],
    node: r.next.node as NodeOf<S>,
  };
}

/**
 * Replays a recorded path from the start. Never throws for a bad path: the result names the index of
 * the first refused step and its error. Throws only a `BROKEN_SCENARIO` ScenarioError.
 */
export function replay(scenario: EngineScenario, path: readonly ChoiceId[]): ReplayResult {
  const p = prepareScenario(scenario);
  const r = replayCursor(p, path);
  return isFailure(r) ? r : { ok: true, state: freeze(p, r) };
}

/** Whether every step of the path is accepted (it need not reach an ending). */
export function isValidPath(scenario: EngineScenario, path: readonly ChoiceId[]): boolean {
  return !isFailure(replayCursor(prepareScenario(scenario), path));
}

/**
 * For the server: checks one more step after an already accepted path. On success returns what
 * `choose` returns; on failure the index (`acceptedPath.length` when the new step is refused, less
 * when the accepted path itself no longer replays, e.g. against another scenario version).
 */
export function canAccept<S extends EngineScenario>(
  scenario: S,
  acceptedPath: readonly ChoiceId[],
  nextChoiceId: ChoiceId,
): AcceptResult<S> {
  const p = prepareScenario(scenario);
  const c = replayCursor(p, acceptedPath);
  if (isFailure(c)) return c;
  const r = step(p, c, nextChoiceId);
  if (r instanceof ScenarioError)
    return { ok: false, index: acceptedPath.length, error: r, state: freeze(p, c) };
  return {
    ok: true,
    state: freeze(p, c),
    choice: r.choice as ChoiceOf<S>,
    feedback: r.choice.feedback as ChoiceOf<S>['feedback'],
    node: r.next.node as NodeOf<S>,
  };
}
