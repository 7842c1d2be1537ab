import {
  availableChoices,
  canAccept,
  choose,
  currentNode,
  isValidPath,
  replay,
  start,
  type ScenarioState,
} from './engine';
import type { EngineScenario } from './engine-scenario';
import { ScenarioError } from './scenario-error';
import { summary } from './summary';
import { loop, partyInvite as sc } from './test-scenarios';

const ids = (s: ScenarioState): string[] => availableChoices(sc, s).map((c) => c.id);

/** Runs `fn` and returns the ScenarioError it throws. */
function thrown(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const walk = (scenario: EngineScenario, path: string[]): ScenarioState =>
  path.reduce((s, id) => choose(scenario, s, id).state, start(scenario));

describe('start', () => {
  it('starts at the start node with the initial variables', () => {
    const s = start(sc);
    expect(s).toEqual({
      scenarioId: 'party-invite',
      nodeId: 'invite',
      variables: { trust: 0, toldAdult: false },
      path: [],
      tags: {},
      nodeTags: {},
      visited: ['invite'],
      ended: false,
    });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.variables)).toBe(true);
    expect(Object.isFrozen(s.path)).toBe(true);
    expect(currentNode(sc, s).id).toBe('invite');
  });

  it('is already ended when the start node is an ending', () => {
    const s = start({ ...sc, start: 'end-mixed' });
    expect(s.ended).toBe(true);
    expect(s.ending).toEqual({ nodeId: 'end-mixed', outcome: 'mixed' });
  });
});

describe('availableChoices and choose', () => {
  it('offers only the choices whose condition holds, in authored order', () => {
    expect(ids(start(sc))).toEqual(['ask-questions', 'tell-parent', 'go-alone']);
  });

  it('applies `add`, and conditions follow the variables', () => {
    const once = choose(sc, start(sc), 'ask-questions');
    expect(once.state.variables).toEqual({ trust: 1, toldAdult: false });
    expect(once.feedback).toEqual({ en: 'feedback for ask-questions' });
    expect(once.node.id).toBe('invite');
    const twice = choose(sc, once.state, 'ask-questions').state;
    expect(twice.variables['trust']).toBe(2);
    expect(twice.visited).toEqual(['invite']);
    expect(twice.tags).toEqual({ protective: 2 });
    expect(ids(twice)).toEqual(['tell-parent', 'go-alone', 'bring-friend']);
  });

  it('applies `set`, counts choice and node tags, and records visits', () => {
    const r = choose(sc, start(sc), 'tell-parent');
    expect(r.state).toMatchObject({
      nodeId: 'parent',
      variables: { trust: 0, toldAdult: true },
      path: ['tell-parent'],
      tags: { protective: 1, 'safe-adult': 1 },
      nodeTags: { 'safe-adult': 1 },
      visited: ['invite', 'parent'],
      ended: false,
    });
    expect(r.choice.tags).toEqual(['protective', 'safe-adult']);
    expect(ids(r.state)).toEqual(['stay-home']);
  });

  it('ends at an ending with its outcome and debrief, and offers nothing after it', () => {
    const s = walk(sc, ['tell-parent']);
    const r = choose(sc, s, 'stay-home');
    expect(r.state.ended).toBe(true);
    expect(r.state.ending).toEqual({ nodeId: 'end-safe', outcome: 'protective' });
    expect(r.node.ending).toEqual({ outcome: 'protective', debrief: { en: 'debrief for end-safe' } });
    expect(availableChoices(sc, r.state)).toEqual([]);
  });

  it('applies `set` before `add`', () => {
    const both: EngineScenario = {
      ...loop,
      nodes: loop.nodes.map((n) =>
        n.id === 'hub'
          ? { ...n, choices: [{ ...n.choices[0]!, set: { visits: 5 }, add: { visits: 1 } }] }
          : n,
      ),
    };
    expect(choose(both, start(both), 'enter').state.variables).toEqual({ visits: 6 });
  });

  it('never changes the state it is given', () => {
    const s0 = start(sc);
    const copy = JSON.parse(JSON.stringify(s0)) as ScenarioState;
    choose(sc, s0, 'ask-questions');
    choose(sc, s0, 'tell-parent');
    expect(s0).toEqual(copy);
  });

  it('states survive a JSON round trip', () => {
    const s = JSON.parse(JSON.stringify(walk(sc, ['go-alone']))) as ScenarioState;
    expect(choose(sc, s, 'call-hotline').state).toEqual(walk(sc, ['go-alone', 'call-hotline']));
  });
});

describe('errors', () => {
  it('refuses an unknown choice', () => {
    const e = thrown(() => choose(sc, start(sc), 'stay-home'));
    expect(e).toMatchObject({
      name: 'ScenarioError',
      code: 'UNKNOWN_CHOICE',
      scenarioId: 'party-invite',
      nodeId: 'invite',
      choiceId: 'stay-home',
      message: 'Node "invite" of scenario "party-invite" has no choice "stay-home".',
    });
  });

  it('refuses a choice whose condition does not hold', () => {
    const e = thrown(() => choose(sc, start(sc), 'bring-friend'));
    expect(e.code).toBe('CHOICE_NOT_AVAILABLE');
    expect(e.message).toBe(
      'Choice "bring-friend" at node "invite" of scenario "party-invite" is not available: its condition "trust >= 2" does not hold.',
    );
  });

  it('refuses any choice after an ending', () => {
    const e = thrown(() => choose(sc, walk(sc, ['go-alone', 'get-in']), 'call-hotline'));
    expect(e.code).toBe('ALREADY_ENDED');
    expect(e.message).toBe(
      'Scenario "party-invite" has already ended at node "end-risky"; choice "call-hotline" cannot be taken.',
    );
  });

  it('refuses a state of another scenario or at an unknown node', () => {
    expect(thrown(() => choose(loop, start(sc), 'enter'))).toMatchObject({
      code: 'STATE_MISMATCH',
      message: 'The state belongs to scenario "party-invite", not to scenario "loop".',
    });
    expect(thrown(() => availableChoices(sc, { ...start(sc), nodeId: 'attic' }))).toMatchObject({
      code: 'STATE_MISMATCH',
      message: 'The state is at node "attic", which scenario "party-invite" does not have.',
    });
    expect(
      thrown(() => choose(sc, { ...start(sc), variables: { trust: 'x' } as never }, 'go-alone')),
    ).toMatchObject({ code: 'STATE_MISMATCH' });
  });

  type Edit = (s: EngineScenario) => EngineScenario;
  const editNode =
    (id: string, edit: (n: EngineScenario['nodes'][number]) => EngineScenario['nodes'][number]): Edit =>
    (s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === id ? edit(n) : n)) });
  const editChoice = (nodeId: string, choiceId: string, extra: object): Edit =>
    editNode(nodeId, (n) => ({
      ...n,
      choices: n.choices.map((c) => (c.id === choiceId ? { ...c, ...extra } : c)),
    }));

  it.each<[string, Edit, string]>([
    ['unknown start', (s) => ({ ...s, start: 'nowhere' }), 'start node "nowhere" does not exist'],
    [
      'unknown target',
      editChoice('car', 'get-in', { next: 'van' }),
      'choice "get-in" at node "car" leads to unknown node "van"',
    ],
    [
      'bad condition',
      editChoice('invite', 'bring-friend', { if: 'trust >=' }),
      'choice "bring-friend" at node "invite" has an invalid condition "trust >=": expected a number, true or false after ">=" (at offset 8)',
    ],
    [
      'undeclared variable in a condition',
      editChoice('invite', 'bring-friend', { if: 'brave' }),
      'choice "bring-friend" at node "invite" has a condition on undeclared variable "brave"',
    ],
    [
      'set of an undeclared variable',
      editChoice('car', 'get-in', { set: { brave: true } }),
      'choice "get-in" at node "car" sets undeclared variable "brave"',
    ],
    [
      'set of the wrong type',
      editChoice('car', 'get-in', { set: { toldAdult: 'yes' } }),
      'choice "get-in" at node "car" sets boolean variable "toldAdult" to "yes"',
    ],
    [
      'add to a boolean',
      editChoice('car', 'get-in', { add: { toldAdult: 1 } }),
      'choice "get-in" at node "car" adds to boolean variable "toldAdult"',
    ],
    [
      'duplicate choice',
      editNode('car', (n) => ({ ...n, choices: [...n.choices, n.choices[0]!] })),
      'choice "call-hotline" at node "car" is declared twice',
    ],
    [
      'duplicate node',
      (s) => ({ ...s, nodes: [...s.nodes, s.nodes[0]!] }),
      'node "invite" is declared twice',
    ],
    [
      'ending with choices',
      editNode('end-safe', (n) => ({ ...n, choices: sc.nodes[2]!.choices })),
      'ending node "end-safe" has choices',
    ],
  ])('refuses a broken scenario as a whole: %s', (_, edit, detail) => {
    const broken = edit(sc);
    for (const call of [() => start(broken), () => replay(broken, []), () => isValidPath(broken, [])]) {
      const e = thrown(call);
      expect(e.code).toBe('BROKEN_SCENARIO');
      expect(e.message).toBe(`Scenario "party-invite" is broken: ${detail}.`);
    }
  });
});

describe('replay, isValidPath and canAccept', () => {
  const full = ['ask-questions', 'ask-questions', 'bring-friend'];

  it('replays a valid path to the same state as step-by-step choices', () => {
    const r = replay(sc, full);
    expect(r).toEqual({ ok: true, state: walk(sc, full) });
    expect(r.ok && r.state.ending).toEqual({ nodeId: 'end-mixed', outcome: 'mixed' });
    expect(isValidPath(sc, full)).toBe(true);
    expect(isValidPath(sc, [])).toBe(true);
  });

  it('names the first refused step, its error, and the state before it', () => {
    const r = replay(sc, ['ask-questions', 'bring-friend', 'nonsense']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.index).toBe(1);
    expect(r.error.code).toBe('CHOICE_NOT_AVAILABLE');
    expect(r.state).toEqual(walk(sc, ['ask-questions']));
    expect(isValidPath(sc, ['ask-questions', 'bring-friend'])).toBe(false);
    expect(replay(sc, [...full, 'ask-questions'])).toMatchObject({
      ok: false,
      index: 3,
      error: { code: 'ALREADY_ENDED' },
    });
  });

  it('canAccept checks one more step after an accepted path', () => {
    const ok = canAccept(sc, ['go-alone'], 'call-hotline');
    expect(ok).toMatchObject({ ok: true, feedback: { en: 'feedback for call-hotline' } });
    expect(ok.ok && ok.state).toEqual(walk(sc, ['go-alone', 'call-hotline']));
    expect(ok.ok && ok.node.ending?.outcome).toBe('protective');

    expect(canAccept(sc, ['go-alone'], 'stay-home')).toMatchObject({
      ok: false,
      index: 1,
      error: { code: 'UNKNOWN_CHOICE', nodeId: 'car', choiceId: 'stay-home' },
    });
    // The accepted prefix itself no longer replays (e.g. another scenario version).
    expect(canAccept(sc, ['go-alone', 'jump'], 'get-in')).toMatchObject({ ok: false, index: 1 });
  });
});

describe('summary', () => {
  it('counts protective and risky choices, help seeking, and the outcome', () => {
    expect(summary(walk(sc, ['go-alone', 'call-hotline']))).toEqual({
      steps: 2,
      protective: 1,
      risky: 1,
      neutral: 0,
      soughtHelp: true,
      ended: true,
      outcome: 'protective',
    });
    expect(summary(walk(sc, ['go-alone', 'get-in']))).toEqual({
      steps: 2,
      protective: 0,
      risky: 2,
      neutral: 0,
      soughtHelp: false,
      ended: true,
      outcome: 'risky',
    });
    expect(summary(start(sc))).toEqual({
      steps: 0,
      protective: 0,
      risky: 0,
      neutral: 0,
      soughtHelp: false,
      ended: false,
    });
  });
});

describe('cyclic scenarios and speed', () => {
  const path200 = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 'enter' : 'back'));

  it('replays a 200-step path through a loop, then leaves', () => {
    const r = replay(loop, path200);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toMatchObject({ nodeId: 'hub', variables: { visits: 100 }, visited: ['hub', 'room'] });
    expect(r.state.path).toHaveLength(200);
    expect(r.state.nodeTags).toEqual({ neutral: 100 });
    expect(canAccept(loop, path200, 'leave')).toMatchObject({ ok: true, state: { ended: true } });
    expect(canAccept(loop, path200, 'back')).toMatchObject({ ok: false, index: 200 });
  });

  it('validates a step after 200 accepted steps in well under a millisecond', () => {
    canAccept(loop, path200, 'enter'); // warm up
    const runs = 2000;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) canAccept(loop, path200, 'enter');
    const perCall = (performance.now() - t0) / runs;
    // Typically a few tens of microseconds; the bound only catches accidental quadratic work or re-parsing.
    expect(perCall).toBeLessThan(1);
  });

  it('parses each condition once per scenario object', () => {
    let reads = 0;
    const leave = { id: 'leave', next: 'done', feedback: {}, tags: [] as string[] };
    Object.defineProperty(leave, 'if', {
      enumerable: true,
      get: () => {
        reads++;
        return 'visits >= 3';
      },
    });
    const counted: EngineScenario = {
      ...loop,
      nodes: loop.nodes.map((n) => (n.id === 'hub' ? { ...n, choices: [n.choices[0]!, leave] } : n)),
    };
    for (let i = 0; i < 50; i++) replay(counted, path200);
    expect(reads).toBe(1);
  });
});
