import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { MeDocument, SubmitProgressDocument } from '../../../gql/graphql';
import { setActiveOutbox } from './active-outbox';
import { Outbox } from './outbox';
import { browserOutboxStore } from './outbox-store';

/** The server refused the whole batch for its assignment: sending it again now cannot help. */
const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

export function isRefusal(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => REFUSALS.has(String(e.extensions?.['code'] ?? '')))
  );
}

/** Thrown instead of sending when the page's session is no longer the outbox's student's. */
class NotTheOwner extends Error {}

const instances = new WeakMap<ApolloClient, { studentId: string; outbox: Outbox }>();

/**
 * The page's one outbox (per Apollo client) for the signed-in student, sending through `client`. Created on
 * first use; from then on it flushes when the browser comes back online. Asked for another student (someone
 * else signed in on this page), the previous student's outbox stops and theirs starts: each student's events
 * are stored apart and only ever sent under their own session, and before each send the outbox checks that
 * the page is still signed in as its student.
 *
 * Kept on quick exit on purpose (losing answers would be worse): what waits on the device can include
 * reflection text and the topic of a content warning the student stepped out of, until it is sent.
 */
export function pageOutbox(client: ApolloClient, studentId: string): Outbox {
  const existing = instances.get(client);
  // A closed outbox (its student signed out) is not reused: signing in again on this page starts a new one.
  if (existing?.studentId === studentId && !existing.outbox.isClosed) return existing.outbox;
  existing?.outbox.close();
  const signedInAs = (): string | undefined => {
    try {
      return client.cache.readQuery({ query: MeDocument })?.me?.id;
    } catch {
      return undefined;
    }
  };
  const online = () => void outbox.online();
  const outbox: Outbox = new Outbox({
    store: browserOutboxStore(studentId),
    refused: isRefusal,
    onClose: () => {
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    },
    submit: async (assignmentId, events) => {
      if (signedInAs() !== studentId) {
        outbox.close();
        throw new NotTheOwner('signed in as someone else');
      }
      const { data } = await client.mutate({
        mutation: SubmitProgressDocument,
        variables: { input: { assignmentId, events: events.map((e) => ({ ...e })) } },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('submitProgress returned no data');
      return data.submitProgress;
    },
  });
  if (typeof window !== 'undefined') window.addEventListener('online', online);
  setActiveOutbox({
    settle: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        void outbox.flush().finally(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    close: () => outbox.close(),
  });
  instances.set(client, { studentId, outbox });
  return outbox;
}
