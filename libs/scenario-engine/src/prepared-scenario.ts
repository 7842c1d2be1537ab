import { conditionReferences, parseCondition, type ConditionAst } from './conditions';
import type { EngineChoice, EngineNode, EngineScenario, VariableValue } from './engine-scenario';
import { ScenarioError } from './scenario-error';

/** A choice with its condition parsed, its effects checked and its target resolved. */
export interface PreparedChoice {
  readonly choice: EngineChoice;
  readonly condition: ConditionAst | undefined;
  readonly next: PreparedNode;
  readonly sets: readonly (readonly [string, VariableValue])[];
  readonly adds: readonly (readonly [string, number])[];
}

export interface PreparedNode {
  readonly node: EngineNode;
  readonly choices: readonly PreparedChoice[];
  readonly byId: ReadonlyMap<string, PreparedChoice>;
}

/** What the engine derives once per scenario object: lookup tables and parsed conditions. */
export interface PreparedScenario {
  readonly scenario: EngineScenario;
  readonly start: PreparedNode;
  readonly nodes: ReadonlyMap<string, PreparedNode>;
  /** Variable id → initial value, in declaration order. */
  readonly initial: readonly (readonly [string, VariableValue])[];
}

interface MutableNode {
  node: EngineNode;
  choices: PreparedChoice[];
  byId: Map<string, PreparedChoice>;
}

const cache = new WeakMap<EngineScenario, PreparedScenario | ScenarioError>();

/**
 * The prepared form of a scenario, computed on first use and cached per scenario object (a WeakMap,
 * so it goes away with the scenario). Throws a `BROKEN_SCENARIO` ScenarioError, also cached, when the
 * scenario is invalid anywhere, reachable or not: a broken scenario is refused as a whole.
 */
export function prepareScenario(scenario: EngineScenario): PreparedScenario {
  let prepared = cache.get(scenario);
  if (prepared === undefined) {
    try {
      prepared = build(scenario);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      prepared = e;
    }
    cache.set(scenario, prepared);
  }
  if (prepared instanceof ScenarioError) throw prepared;
  return prepared;
}

function build(scenario: EngineScenario): PreparedScenario {
  const sid = scenario.id;
  const broken = (detail: string, nodeId?: string, choiceId?: string): never => {
    throw new ScenarioError('BROKEN_SCENARIO', `Scenario "${sid}" is broken: ${detail}.`, {
      scenarioId: sid,
      ...(nodeId === undefined ? {} : { nodeId }),
      ...(choiceId === undefined ? {} : { choiceId }),
    });
  };

  const types = new Map<string, 'boolean' | 'number'>();
  const initial: [string, VariableValue][] = [];
  for (const v of scenario.variables) {
    if (types.has(v.id)) broken(`variable "${v.id}" is declared twice`);
    const t = typeof v.initial;
    if (t !== 'boolean' && (t !== 'number' || !Number.isFinite(v.initial)))
      broken(
        `variable "${v.id}" has initial value ${JSON.stringify(v.initial)}, not a boolean or finite number`,
      );
    types.set(v.id, t as 'boolean' | 'number');
    initial.push([v.id, v.initial]);
  }

  const nodes = new Map<string, MutableNode>();
  for (const node of scenario.nodes) {
    if (nodes.has(node.id)) broken(`node "${node.id}" is declared twice`);
    nodes.set(node.id, { node, choices: [], byId: new Map() });
  }
  const start = nodes.get(scenario.start);
  if (!start) return broken(`start node "${scenario.start}" does not exist`);

  for (const entry of nodes.values()) {
    const { node } = entry;
    if (node.ending && node.choices.length > 0)
      broken(`ending node "${node.id}" has choices`, node.id, node.choices[0]!.id);
    for (const choice of node.choices) {
      const at = `choice "${choice.id}" at node "${node.id}"`;
      const fail = (detail: string): never => broken(`${at} ${detail}`, node.id, choice.id);
      if (entry.byId.has(choice.id)) fail('is declared twice');
      const next = nodes.get(choice.next);
      if (!next) return fail(`leads to unknown node "${choice.next}"`);

      let condition: ConditionAst | undefined;
      const source = choice.if;
      if (source !== undefined) {
        const parsed = parseCondition(source);
        if (!parsed.ok)
          return fail(`has an invalid condition "${source}": ${parsed.message} (at offset ${parsed.offset})`);
        for (const ref of conditionReferences(parsed.ast))
          if (!types.has(ref.name)) fail(`has a condition on undeclared variable "${ref.name}"`);
        condition = parsed.ast;
      }

      const sets: [string, VariableValue][] = [];
      for (const [name, value] of Object.entries(choice.set ?? {})) {
        const type = types.get(name);
        if (!type) fail(`sets undeclared variable "${name}"`);
        if (typeof value !== type || (typeof value === 'number' && !Number.isFinite(value)))
          fail(`sets ${type} variable "${name}" to ${JSON.stringify(value)}`);
        sets.push([name, value as VariableValue]);
      }
      const adds: [string, number][] = [];
      for (const [name, amount] of Object.entries(choice.add ?? {})) {
        const type = types.get(name);
        if (!type) fail(`adds to undeclared variable "${name}"`);
        if (type !== 'number') fail(`adds to ${type} variable "${name}"`);
        if (typeof amount !== 'number' || !Number.isFinite(amount))
          fail(`adds ${JSON.stringify(amount)} to "${name}", not a finite number`);
        adds.push([name, amount]);
      }

      const prepared: PreparedChoice = { choice, condition, next, sets, adds };
      entry.choices.push(prepared);
      entry.byId.set(choice.id, prepared);
    }
  }
  return { scenario, start, nodes, initial };
}
