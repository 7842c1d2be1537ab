/** Sizes of the layout grid, in canvas pixels. */
export const LAYER_GAP = 300;
export const ROW_GAP = 170;

export interface LayoutNode {
  id: string;
  choices: readonly { next: string }[];
}

export interface NodePosition {
  x: number;
  y: number;
  /** Steps from the start node; unreachable nodes share one layer after the last. */
  layer: number;
  reachable: boolean;
}

/**
 * A layered left-to-right layout: a node's layer is its distance from the start node (breadth-first),
 * rows follow the order in which the search meets the nodes, and unreachable nodes stand in one extra
 * layer at the right in document order. Deterministic: the same scenario always lays out the same.
 */
export function layoutScenario(nodes: readonly LayoutNode[], start: string): Map<string, NodePosition> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const layerOf = new Map<string, number>();
  const order: string[] = [];
  if (byId.has(start)) {
    layerOf.set(start, 0);
    order.push(start);
    for (let i = 0; i < order.length; i++) {
      const id = order[i]!;
      const layer = layerOf.get(id)!;
      for (const choice of byId.get(id)?.choices ?? []) {
        if (byId.has(choice.next) && !layerOf.has(choice.next)) {
          layerOf.set(choice.next, layer + 1);
          order.push(choice.next);
        }
      }
    }
  }
  const lastLayer = Math.max(-1, ...layerOf.values());
  const rows = new Map<number, number>();
  const positions = new Map<string, NodePosition>();
  const place = (id: string, layer: number, reachable: boolean): void => {
    const row = rows.get(layer) ?? 0;
    rows.set(layer, row + 1);
    positions.set(id, { x: layer * LAYER_GAP, y: row * ROW_GAP, layer, reachable });
  };
  for (const id of order) place(id, layerOf.get(id)!, true);
  for (const n of nodes) if (!positions.has(n.id)) place(n.id, lastLayer + 1, false);
  return positions;
}
