import { availableChoices, choose, start } from '@haven/scenario-engine';
import { playable, type PlayerScenario } from './scenario-adapter';

const choice = (
  id: string,
  next: string,
  extra: Partial<PlayerScenario['nodes'][number]['choices'][number]> = {},
) => ({
  __typename: 'ScenarioChoice' as const,
  id,
  text: id,
  next,
  feedback: `${id} feedback`,
  tags: [],
  condition: null,
  effects: [],
  ...extra,
});

const scenario: PlayerScenario = {
  __typename: 'Scenario',
  id: 's',
  title: 'S',
  summary: null,
  start: 'a',
  variables: [
    { __typename: 'ScenarioVariable', id: 'shared', type: 'boolean', initial: 'false' },
    { __typename: 'ScenarioVariable', id: 'trust', type: 'number', initial: '0' },
  ],
  nodes: [
    {
      __typename: 'ScenarioNode',
      id: 'a',
      speaker: 'narrator',
      speakerName: null,
      text: 'A',
      ending: null,
      choices: [
        choice('share', 'b', {
          effects: [
            { __typename: 'VariableEffect', variable: 'shared', op: 'set', value: 'true' },
            { __typename: 'VariableEffect', variable: 'trust', op: 'add', value: '2' },
          ],
        }),
        choice('keep', 'b'),
      ],
    },
    {
      __typename: 'ScenarioNode',
      id: 'b',
      speaker: 'narrator',
      speakerName: null,
      text: 'B',
      ending: null,
      choices: [
        choice('tell-because-shared', 'end', { condition: 'shared and trust >= 2' }),
        choice('tell', 'end'),
      ],
    },
    {
      __typename: 'ScenarioNode',
      id: 'end',
      speaker: 'narrator',
      speakerName: null,
      text: 'End',
      choices: [],
      ending: { __typename: 'ScenarioEnding', outcome: 'protective', debrief: 'Well done' },
    },
  ],
} as PlayerScenario;

describe('scenario adapter', () => {
  it('gives the engine the declared variables and each choice its effects', () => {
    const p = playable(scenario);
    const afterShare = choose(p.engine, start(p.engine), 'share').state;
    expect(afterShare.variables).toEqual({ shared: true, trust: 2 });
    expect(availableChoices(p.engine, afterShare).map((c) => c.id)).toEqual(['tell-because-shared', 'tell']);
    const afterKeep = choose(p.engine, start(p.engine), 'keep').state;
    expect(availableChoices(p.engine, afterKeep).map((c) => c.id)).toEqual(['tell']);
  });
});
