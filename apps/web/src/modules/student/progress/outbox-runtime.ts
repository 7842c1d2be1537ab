import type { ApolloClient } from '@apollo/client';
import { SubmitProgressDocument } from '../../../gql/graphql';
import { Outbox } from './outbox';
import { browserOutboxStore } from './outbox-store';

const instances = new WeakMap<ApolloClient, Outbox>();

/**
 * The page's one outbox (one per Apollo client), sending through `client`. Created on first use; from then on it flushes when
 * the browser comes back online. Kept on quick exit on purpose: losing answers would be worse, and
 * the store holds no topic names, only ids and answers.
 */
export function pageOutbox(client: ApolloClient): Outbox {
  const existing = instances.get(client);
  if (existing) return existing;
  const outbox = new Outbox({
    store: browserOutboxStore(),
    submit: async (assignmentId, events) => {
      const { data } = await client.mutate({
        mutation: SubmitProgressDocument,
        variables: { input: { assignmentId, events: events.map((e) => ({ ...e })) } },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('submitProgress returned no data');
      return data.submitProgress;
    },
  });
  if (typeof window !== 'undefined') window.addEventListener('online', () => void outbox.online());
  instances.set(client, outbox);
  return outbox;
}
