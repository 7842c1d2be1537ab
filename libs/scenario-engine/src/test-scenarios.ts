import type { EngineChoice, EngineNode, EngineScenario } from './engine-scenario';

/** Test helpers: hand-written scenarios. Not exported from the library's index. */
const en = (text: string): { en: string } => ({ en: text });

const choice = (
  id: string,
  next: string,
  tags: string[],
  extra: Partial<Pick<EngineChoice, 'if' | 'set' | 'add'>> = {},
): EngineChoice => ({ id, next, feedback: en(`feedback for ${id}`), tags, ...extra });

const ending = (id: string, outcome: string): EngineNode => ({
  id,
  tags: [],
  choices: [],
  ending: { outcome, debrief: en(`debrief for ${id}`) },
});

/**
 * invite ──ask-questions (trust < 2, trust += 1)──▶ invite
 *        ──tell-parent (toldAdult = true)────────▶ parent ──stay-home (toldAdult)──▶ end-safe
 *        ──go-alone──────────────────────────────▶ car    ──call-hotline──────────▶ end-safe
 *        ──bring-friend (trust >= 2)─────────────▶ end-mixed                  └get-in──▶ end-risky
 */
export const partyInvite: EngineScenario = {
  id: 'party-invite',
  start: 'invite',
  variables: [
    { id: 'trust', initial: 0 },
    { id: 'toldAdult', initial: false },
  ],
  nodes: [
    {
      id: 'invite',
      tags: [],
      choices: [
        choice('ask-questions', 'invite', ['protective'], { if: 'trust < 2', add: { trust: 1 } }),
        choice('tell-parent', 'parent', ['protective', 'safe-adult'], { set: { toldAdult: true } }),
        choice('go-alone', 'car', ['risky']),
        choice('bring-friend', 'end-mixed', ['neutral'], { if: 'trust >= 2' }),
      ],
    },
    {
      id: 'parent',
      tags: ['safe-adult'],
      choices: [
        choice('stay-home', 'end-safe', ['protective'], { if: 'toldAdult' }),
        choice('sneak-out', 'car', ['risky'], { if: 'not toldAdult' }),
      ],
    },
    {
      id: 'car',
      tags: [],
      choices: [
        choice('call-hotline', 'end-safe', ['protective', 'help-seeking'], { set: { trust: 0 } }),
        choice('get-in', 'end-risky', ['risky']),
      ],
    },
    ending('end-safe', 'protective'),
    ending('end-risky', 'risky'),
    ending('end-mixed', 'mixed'),
  ],
};

/** hub ⇄ room forever (each visit to the room counts), with an exit to an ending after 3 visits. */
export const loop: EngineScenario = {
  id: 'loop',
  start: 'hub',
  variables: [{ id: 'visits', initial: 0 }],
  nodes: [
    {
      id: 'hub',
      tags: [],
      choices: [
        choice('enter', 'room', ['neutral'], { add: { visits: 1 } }),
        choice('leave', 'done', [], { if: 'visits >= 3' }),
      ],
    },
    { id: 'room', tags: ['neutral'], choices: [choice('back', 'hub', [])] },
    ending('done', 'protective'),
  ],
};
