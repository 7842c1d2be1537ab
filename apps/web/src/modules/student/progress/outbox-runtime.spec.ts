import { MeDocument } from '../../../gql/graphql';
import { createTestClient, viewer } from '../../../testing/render-app';
import { settleAndCloseOutbox } from './active-outbox';
import { pageOutbox } from './outbox-runtime';
import { progressEvent } from './progress-event';
import { EMPTY_PROGRESS } from './progress-state';

const accepted = (variables: Record<string, unknown>) => ({
  data: {
    submitProgress: {
      __typename: 'SubmitProgressResult',
      results: (variables['input'] as { events: { id: string }[] }).events.map((e) => ({
        __typename: 'EventResult',
        id: e.id,
        outcome: 'accepted',
        code: null,
        message: null,
      })),
      progress: { __typename: 'AttemptProgress', ...EMPTY_PROGRESS },
    },
  },
});

const step = () => progressEvent({ kind: 'lesson_position', stepIndex: 1, blockIndex: 0 });
const signIn = (client: ReturnType<typeof createTestClient>['client'], id: string) =>
  client.writeQuery({ query: MeDocument, data: { me: viewer({ id }) } });

describe('the page outbox', () => {
  it('is one per student on a page, and a new one after that student signs out and in again', async () => {
    const { client } = createTestClient({ SubmitProgress: accepted });
    signIn(client, 'ana');
    const ana = pageOutbox(client, 'ana');
    expect(pageOutbox(client, 'ana')).toBe(ana);
    await settleAndCloseOutbox(100);
    expect(ana.isClosed).toBe(true);
    const again = pageOutbox(client, 'ana');
    expect(again).not.toBe(ana);
    expect(again.isClosed).toBe(false);
    await again.enqueue('a-1', step());
    expect(again.pending('a-1')).toEqual([]);
  });

  it("never sends one student's waiting steps under another student's session", async () => {
    const { client, calls } = createTestClient({ SubmitProgress: accepted });
    signIn(client, 'ana');
    const ana = pageOutbox(client, 'ana');
    signIn(client, 'ben'); // someone else signed in on this page before Ana's steps went out
    await ana.enqueue('a-1', step());
    expect(calls.filter((c) => c.operationName === 'SubmitProgress')).toEqual([]);
    expect(ana.isClosed).toBe(true);
    expect(ana.pending('a-1')).toHaveLength(1); // kept for Ana's next visit

    const ben = pageOutbox(client, 'ben');
    expect(ben).not.toBe(ana);
    expect(ben.pending('a-1')).toEqual([]);
  });
});
