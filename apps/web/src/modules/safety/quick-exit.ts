import type { ApolloClient } from '@apollo/client';
import { QUICK_EXIT_URL } from '@haven/domain';
import { MeDocument } from '../../gql/graphql';
import { pageLocation } from './page-location';

/** Two presses of Escape within this many milliseconds leave the page. */
export const ESCAPE_TWICE_WINDOW_MS = 1000;

const EXITING_CLASS = 'haven-exiting';

function signOutQuietly(): void {
  // keepalive lets the request finish after the page is gone. The JSON content type is what the
  // server's CSRF prevention asks for.
  if (typeof fetch !== 'function') return;
  void fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      operationName: 'QuickExitSignOut',
      query: 'mutation QuickExitSignOut { signOut }',
    }),
  }).catch(() => undefined);
}

/**
 * Leave Haven at once for a neutral page. Hides the page first, then (best effort, never blocking)
 * signs out, forgets what the app held in memory and in sessionStorage, and replaces the current history
 * entry so Back does not return here. It cannot erase browser history or hide activity from monitoring
 * software: the help panel says so.
 */
export function quickExit(client?: ApolloClient): void {
  try {
    document.documentElement.classList.add(EXITING_CLASS);
    document.title = '';
  } catch {
    // keep going: leaving matters more than hiding
  }
  try {
    const signedIn = !!client?.cache.readQuery({ query: MeDocument })?.me;
    if (signedIn) signOutQuietly();
  } catch {
    // no cached viewer: nothing to sign out
  }
  try {
    window.sessionStorage.clear();
  } catch {
    // storage may be unavailable
  }
  try {
    void client?.clearStore().catch(() => undefined);
  } catch {
    // the cache is dropped with the page anyway
  }
  pageLocation.replace(QUICK_EXIT_URL);
}
