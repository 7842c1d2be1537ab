import {
  availableChoices,
  replay,
  type EngineScenario,
  type EngineVariable,
  type ScenarioState,
} from '@haven/scenario-engine';
import type { MyAssignmentQuery } from '../../../gql/graphql';

type StudentModule = NonNullable<MyAssignmentQuery['myAssignment']>;
export type PlayerScenario = StudentModule['scenarios'][number];
export type PlayerNode = PlayerScenario['nodes'][number];
export type PlayerChoice = PlayerNode['choices'][number];

type VariableValue = boolean | number | string;

function literal(json: string): VariableValue {
  const value: unknown = JSON.parse(json);
  return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string'
    ? value
    : String(value);
}

/** The scenario's declared variables, with their starting values. */
function variablesOf(scenario: PlayerScenario): EngineVariable[] {
  return scenario.variables.map((v) => ({ id: v.id, initial: literal(v.initial) as boolean | number }));
}

/** A choice's effects in the engine's shape: all `set`s, then all `add`s. */
function effectsOf(choice: PlayerChoice): {
  set?: Record<string, VariableValue>;
  add?: Record<string, number>;
} {
  const set: Record<string, VariableValue> = {};
  const add: Record<string, number> = {};
  for (const e of choice.effects) {
    if (e.op === 'add') add[e.variable] = Number(literal(e.value));
    else set[e.variable] = literal(e.value);
  }
  return {
    ...(Object.keys(set).length ? { set } : {}),
    ...(Object.keys(add).length ? { add } : {}),
  };
}

export interface PlayableScenario {
  readonly source: PlayerScenario;
  readonly engine: EngineScenario;
  readonly node: (id: string) => PlayerNode | undefined;
  readonly choice: (nodeId: string, choiceId: string) => PlayerChoice | undefined;
}

const cache = new WeakMap<PlayerScenario, PlayableScenario>();

/** The engine's view of a scenario from the API (texts stay in `source`). Cached per scenario object. */
export function playable(source: PlayerScenario): PlayableScenario {
  const cached = cache.get(source);
  if (cached) return cached;
  const nodes = new Map(source.nodes.map((n) => [n.id, n]));
  const engine: EngineScenario = {
    id: source.id,
    start: source.start,
    variables: variablesOf(source),
    nodes: source.nodes.map((n) => ({
      id: n.id,
      tags: [],
      ending: n.ending ? { outcome: n.ending.outcome, debrief: { text: n.ending.debrief } } : undefined,
      choices: n.choices.map((c) => ({
        id: c.id,
        next: c.next,
        feedback: { text: c.feedback },
        tags: c.tags,
        ...(c.condition ? { if: c.condition } : {}),
        ...effectsOf(c),
      })),
    })),
  };
  const result: PlayableScenario = {
    source,
    engine,
    node: (id) => nodes.get(id),
    choice: (nodeId, choiceId) => nodes.get(nodeId)?.choices.find((c) => c.id === choiceId),
  };
  cache.set(source, result);
  return result;
}

export interface WalkStep {
  readonly choice: PlayerChoice;
  readonly node: PlayerNode;
}

export interface Walk {
  /** The start node. */
  readonly start: PlayerNode;
  /** Each accepted choice with the node it led to. */
  readonly steps: readonly WalkStep[];
  readonly state: ScenarioState | null;
  readonly current: PlayerNode;
  readonly ended: boolean;
}

/**
 * Follows a path through the scenario by its own links (the server accepted it, so it stands even where
 * the local engine lacks a variable's effect), and rebuilds the engine state when it can.
 */
export function walk(p: PlayableScenario, path: readonly string[]): Walk {
  const start = p.node(p.source.start)!;
  const steps: WalkStep[] = [];
  let current = start;
  for (const choiceId of path) {
    const choice = current.choices.find((c) => c.id === choiceId);
    const next = choice ? p.node(choice.next) : undefined;
    if (!choice || !next) break;
    steps.push({ choice, node: next });
    current = next;
  }
  let state: ScenarioState | null = null;
  try {
    const replayed = replay(p.engine, path);
    state = replayed.ok ? replayed.state : null;
  } catch {
    state = null;
  }
  return { start, steps, state, current, ended: !!current.ending };
}

/** Choices to offer at the end of `path`: the engine's when it knows the state, otherwise the node's plain ones. */
export function choicesAt(p: PlayableScenario, w: Walk): readonly PlayerChoice[] {
  if (w.ended) return [];
  if (w.state && w.state.nodeId === w.current.id) {
    try {
      const ids = new Set(availableChoices(p.engine, w.state).map((c) => c.id));
      const offered = w.current.choices.filter((c) => ids.has(c.id));
      if (offered.length > 0) return offered;
    } catch {
      // A scenario the engine cannot read: fall through to the unconditional choices.
    }
  }
  const plain = w.current.choices.filter((c) => !c.condition);
  return plain.length > 0 ? plain : w.current.choices;
}

/** The ending outcome when `path` ends the scenario, otherwise null. */
export function endingOf(p: PlayableScenario, path: readonly string[]): string | null {
  return walk(p, path).current.ending?.outcome ?? null;
}
