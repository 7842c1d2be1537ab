import type { Edge, Node } from '@xyflow/react';
import type { Scenario, ScenarioNode } from '@haven/curriculum';
import { scenarioIssues, type EditorIssue } from './editor-issue';
import { textIn } from './localized-text';
import { layoutScenario } from './scenario-layout';

export interface ScenarioNodeData extends Record<string, unknown> {
  node: ScenarioNode;
  isStart: boolean;
  reachable: boolean;
  excerpt: string;
  issues: EditorIssue[];
  lang: string;
}

export type ScenarioFlowNode = Node<ScenarioNodeData, 'scenario'>;

const EXCERPT = 90;

export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The edge id of a choice: choice ids are unique within their node, and ids are slugs (no `/`). */
export const edgeId = (nodeId: string, choiceId: string): string => `${nodeId}/${choiceId}`;

/** React Flow's view of a scenario: one node per scenario node, one edge per choice to an existing node. */
export function scenarioFlow(
  scenario: Scenario,
  issues: readonly EditorIssue[],
  sourceLang: string,
  selected: string | null,
): { nodes: ScenarioFlowNode[]; edges: Edge[] } {
  const positions = layoutScenario(scenario.nodes, scenario.start);
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const nodes: ScenarioFlowNode[] = scenario.nodes.map((node) => {
    const p = positions.get(node.id)!;
    return {
      id: node.id,
      type: 'scenario',
      position: { x: p.x, y: p.y },
      selected: node.id === selected,
      data: {
        node,
        isStart: node.id === scenario.start,
        reachable: p.reachable,
        excerpt: excerpt(textIn(node.text, sourceLang, sourceLang)),
        issues: scenarioIssues(issues, scenario.id, node.id),
        lang: sourceLang,
      },
    };
  });
  const edges: Edge[] = scenario.nodes.flatMap((node) =>
    node.choices
      .filter((c) => ids.has(c.next))
      .map((c) => ({
        id: edgeId(node.id, c.id),
        source: node.id,
        target: c.next,
        label: excerpt(textIn(c.text, sourceLang, sourceLang), 40) || c.id,
        ariaLabel: `${node.id} → ${c.next}: ${textIn(c.text, sourceLang, sourceLang) || c.id}`,
        markerEnd: { type: 'arrowclosed' as const },
        className: c.tags.length > 0 ? `scenario-edge scenario-edge--${c.tags[0]}` : 'scenario-edge',
      })),
  );
  return { nodes, edges };
}
