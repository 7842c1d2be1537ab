/**
 * Graph analysis of a branching scenario, independent of the file format so it can be property-tested.
 * Conditions on choices are ignored: every choice is treated as possibly available (a static,
 * conservative view; runtime availability is the scenario engine's job).
 */
export interface GraphEdge {
  target: string;
  /** Marks the choice as part of the help path (e.g. tagged `safe-adult`). */
  helpPath?: boolean;
}
export interface GraphNode {
  id: string;
  ending: boolean;
  /** The node itself is part of the help path. */
  helpPath?: boolean;
  edges: GraphEdge[];
}
export interface GraphInput {
  start: string;
  nodes: GraphNode[];
}

export interface GraphReport {
  /** Edges whose target is not a node: [node id, edge index, target]. */
  danglingEdges: { node: string; edge: number; target: string }[];
  /** Nodes that cannot be reached from the start node. */
  unreachable: string[];
  /** Non-ending nodes without any way out. */
  deadEnds: string[];
  /** Nodes with a way out but no path to any ending, not part of a loop without exit. */
  noPathToEnding: string[];
  /** Cycles (strongly connected components) from which no ending can be reached. */
  loopsWithoutExit: string[][];
  /** Some path start → ending goes through a help-path node or edge. */
  hasHelpPath: boolean;
  startExists: boolean;
}

export function analyseScenarioGraph(input: GraphInput): GraphReport {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const danglingEdges: GraphReport['danglingEdges'] = [];
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  for (const n of input.nodes) {
    succ.set(n.id, []);
    if (!pred.has(n.id)) pred.set(n.id, []);
  }
  for (const n of input.nodes) {
    n.edges.forEach((e, i) => {
      if (!byId.has(e.target)) {
        danglingEdges.push({ node: n.id, edge: i, target: e.target });
        return;
      }
      succ.get(n.id)!.push(e.target);
      pred.get(e.target)!.push(n.id);
    });
  }

  const walk = (from: Iterable<string>, next: Map<string, string[]>): Set<string> => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const m of next.get(id) ?? []) if (!seen.has(m)) stack.push(m);
    }
    return seen;
  };

  const startExists = byId.has(input.start);
  const reachable = startExists ? walk([input.start], succ) : new Set<string>();
  const canEnd = walk(
    input.nodes.filter((n) => n.ending).map((n) => n.id),
    pred,
  );

  const unreachable = startExists ? input.nodes.filter((n) => !reachable.has(n.id)).map((n) => n.id) : [];
  const deadEnds = input.nodes
    .filter((n) => !n.ending && (succ.get(n.id)?.length ?? 0) === 0)
    .map((n) => n.id);

  // Loops without exit: cyclic strongly connected components none of whose nodes can reach an ending.
  const sccs = stronglyConnected(
    input.nodes.map((n) => n.id),
    succ,
  );
  const inLoop = new Set<string>();
  const loopsWithoutExit: string[][] = [];
  for (const comp of sccs) {
    const cyclic = comp.length > 1 || (succ.get(comp[0]!) ?? []).includes(comp[0]!);
    if (cyclic && !comp.some((id) => canEnd.has(id))) {
      const ordered = input.nodes.map((n) => n.id).filter((id) => comp.includes(id));
      loopsWithoutExit.push(ordered);
      ordered.forEach((id) => inLoop.add(id));
    }
  }
  const deadEndSet = new Set(deadEnds);
  const noPathToEnding = input.nodes
    .filter((n) => !canEnd.has(n.id) && !inLoop.has(n.id) && !deadEndSet.has(n.id))
    .map((n) => n.id);

  let hasHelpPath = false;
  for (const n of input.nodes) {
    if (!reachable.has(n.id)) continue;
    if (n.helpPath && canEnd.has(n.id)) hasHelpPath = true;
    for (const e of n.edges) if (e.helpPath && canEnd.has(e.target)) hasHelpPath = true;
  }

  return { danglingEdges, unreachable, deadEnds, noPathToEnding, loopsWithoutExit, hasHelpPath, startExists };
}

/** Tarjan's algorithm, iterative so deep scenarios cannot overflow the stack. */
function stronglyConnected(ids: string[], succ: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of ids) {
    if (idx.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    idx.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = succ.get(frame.id) ?? [];
      if (frame.i < next.length) {
        const w = next[frame.i++]!;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, idx.get(w)!));
        }
      } else {
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
        if (low.get(frame.id) === idx.get(frame.id)) {
          const comp: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== frame.id);
          out.push(comp);
        }
      }
    }
  }
  return out;
}
