import type { Scenario, ScenarioChoice, ScenarioNode } from '@haven/curriculum';
import { SLUG, uniqueId } from './list-ops';

/** Pure edits of a scenario document: each returns a new scenario and leaves its input alone. */

export function updateNode(
  scenario: Scenario,
  id: string,
  update: (node: ScenarioNode) => ScenarioNode,
): Scenario {
  return { ...scenario, nodes: scenario.nodes.map((n) => (n.id === id ? update(n) : n)) };
}

/** Appends an empty narrator node with a fresh id; returns the scenario and the new id. */
export function addNode(scenario: Scenario): { scenario: Scenario; id: string } {
  const id = uniqueId(
    `node-${scenario.nodes.length + 1}`,
    scenario.nodes.map((n) => n.id),
  );
  const node: ScenarioNode = { id, speaker: 'narrator', text: '', tags: [], choices: [] };
  return { scenario: { ...scenario, nodes: [...scenario.nodes, node] }, id };
}

/**
 * Removes a node. Choices that led to it stay, pointing at a node that no longer exists, so the validator
 * names each one and the author decides where it goes now; nothing the author wrote disappears silently.
 */
export function removeNode(scenario: Scenario, id: string): Scenario {
  return { ...scenario, nodes: scenario.nodes.filter((n) => n.id !== id) };
}

export type RenameProblem = 'invalid' | 'taken';

/** Why `to` cannot be a new id for a node, or null when it can. */
export function renameProblem(scenario: Scenario, from: string, to: string): RenameProblem | null {
  if (!SLUG.test(to)) return 'invalid';
  if (to !== from && scenario.nodes.some((n) => n.id === to)) return 'taken';
  return null;
}

/** Renames a node and every reference to it (the start node and choices' `next`). */
export function renameNode(scenario: Scenario, from: string, to: string): Scenario {
  if (from === to) return scenario;
  return {
    ...scenario,
    start: scenario.start === from ? to : scenario.start,
    nodes: scenario.nodes.map((n) => ({
      ...n,
      id: n.id === from ? to : n.id,
      choices: n.choices.map((c) => (c.next === from ? { ...c, next: to } : c)),
    })),
  };
}

/** A new choice of `source` leading to `target`, with empty texts for the author to fill in. */
export function connectNodes(scenario: Scenario, source: string, target: string): Scenario {
  return updateNode(scenario, source, (node) => {
    const choice: ScenarioChoice = {
      id: uniqueId(
        `choice-${node.choices.length + 1}`,
        node.choices.map((c) => c.id),
      ),
      text: '',
      next: target,
      feedback: '',
      tags: [],
    };
    return { ...node, choices: [...node.choices, choice] };
  });
}

/** One variable effect of a choice, as the editor lists them: all `set`s, then all `add`s. */
export interface Effect {
  variable: string;
  op: 'set' | 'add';
  value: boolean | number | string;
}

export function effectsOf(choice: ScenarioChoice): Effect[] {
  return [
    ...Object.entries(choice.set ?? {}).map(([variable, value]) => ({ variable, op: 'set' as const, value })),
    ...Object.entries(choice.add ?? {}).map(([variable, value]) => ({ variable, op: 'add' as const, value })),
  ];
}

export function withEffects(choice: ScenarioChoice, effects: readonly Effect[]): ScenarioChoice {
  const set: Record<string, boolean | number | string> = {};
  const add: Record<string, number> = {};
  for (const e of effects) {
    if (e.op === 'add') add[e.variable] = typeof e.value === 'number' ? e.value : Number(e.value) || 0;
    else set[e.variable] = e.value;
  }
  const { set: _set, add: _add, ...rest } = choice;
  return {
    ...rest,
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(Object.keys(add).length > 0 ? { add } : {}),
  };
}
