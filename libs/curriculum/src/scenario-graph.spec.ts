import fc from 'fast-check';
import { analyseScenarioGraph, type GraphInput } from './scenario-graph';

describe('analyseScenarioGraph', () => {
  it('finds dangling edges, unreachable nodes, dead ends, loops without exit and the help path', () => {
    const r = analyseScenarioGraph({
      start: 's',
      nodes: [
        { id: 's', ending: false, edges: [{ target: 'a' }, { target: 'l1' }, { target: 'ghost' }] },
        { id: 'a', ending: false, edges: [{ target: 'e', helpPath: true }] },
        { id: 'l1', ending: false, edges: [{ target: 'l2' }] },
        { id: 'l2', ending: false, edges: [{ target: 'l1' }, { target: 'dead' }] },
        { id: 'dead', ending: false, edges: [] },
        { id: 'e', ending: true, edges: [] },
        { id: 'island', ending: false, edges: [{ target: 'e' }] },
      ],
    });
    expect(r.danglingEdges).toEqual([{ node: 's', edge: 2, target: 'ghost' }]);
    expect(r.unreachable).toEqual(['island']);
    expect(r.deadEnds).toEqual(['dead']);
    expect(r.loopsWithoutExit).toEqual([['l1', 'l2']]);
    expect(r.noPathToEnding).toEqual([]);
    expect(r.hasHelpPath).toBe(true);
  });

  it('does not count a help edge that cannot lead to an ending', () => {
    const r = analyseScenarioGraph({
      start: 's',
      nodes: [
        { id: 's', ending: false, edges: [{ target: 'e' }, { target: 'x', helpPath: true }] },
        { id: 'x', ending: false, edges: [] },
        { id: 'e', ending: true, edges: [] },
      ],
    });
    expect(r.hasHelpPath).toBe(false);
  });

  // Brute force: reachability by repeated relaxation, compared with the analyser on random graphs.
  const graphs = fc
    .integer({ min: 1, max: 9 })
    .chain((n) =>
      fc.record({
        nodes: fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            fc.record({
              id: fc.constant(`n${i}`),
              ending: fc.boolean(),
              helpPath: fc.boolean(),
              edges: fc.array(
                fc.record({
                  target: fc.integer({ min: 0, max: n }).map((t) => `n${t}`),
                  helpPath: fc.boolean(),
                }),
                { maxLength: 3 },
              ),
            }),
          ),
        ),
        start: fc.integer({ min: 0, max: n - 1 }).map((i) => `n${i}`),
      }),
    )
    .map((g): GraphInput => ({
      start: g.start,
      nodes: g.nodes.map((x) => ({ ...x, edges: x.ending ? [] : x.edges })),
    }));

  const closure = (g: GraphInput, seeds: string[], forward: boolean): Set<string> => {
    const ids = new Set(g.nodes.map((n) => n.id));
    const set = new Set(seeds);
    let changed = true;
    while (changed) {
      changed = false;
      for (const n of g.nodes)
        for (const e of n.edges) {
          if (!ids.has(e.target)) continue;
          const [from, to] = forward ? [n.id, e.target] : [e.target, n.id];
          if (set.has(from) && !set.has(to)) {
            set.add(to);
            changed = true;
          }
        }
    }
    return set;
  };

  it('agrees with brute-force reachability on random graphs', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const r = analyseScenarioGraph(g);
        const reach = closure(g, [g.start], true);
        const canEnd = closure(
          g,
          g.nodes.filter((n) => n.ending).map((n) => n.id),
          false,
        );
        expect(new Set(r.unreachable)).toEqual(
          new Set(g.nodes.filter((n) => !reach.has(n.id)).map((n) => n.id)),
        );
        // every node that cannot end is reported exactly once: dead end, loop member or no path
        const reported = [...r.deadEnds, ...r.loopsWithoutExit.flat(), ...r.noPathToEnding];
        expect(new Set(reported)).toEqual(new Set(g.nodes.filter((n) => !canEnd.has(n.id)).map((n) => n.id)));
        expect(reported.length).toBe(new Set(reported).size);
        // a loop member really lies on a cycle
        for (const loop of r.loopsWithoutExit)
          for (const id of loop)
            expect(
              closure(
                g,
                g.nodes.find((n) => n.id === id)!.edges.map((e) => e.target),
                true,
              ).has(id),
            ).toBe(true);
        const help = g.nodes.some(
          (n) =>
            reach.has(n.id) &&
            ((n.helpPath && canEnd.has(n.id)) || n.edges.some((e) => e.helpPath && canEnd.has(e.target))),
        );
        expect(r.hasHelpPath).toBe(help);
      }),
      { numRuns: 300 },
    );
  });
});
