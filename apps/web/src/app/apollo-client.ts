import { ApolloClient, HttpLink } from '@apollo/client';
import { createCache } from './apollo-cache';

/**
 * One client for the whole app. Cookies carry the session, so requests stay same-origin; the explicit
 * JSON content type satisfies the server's CSRF prevention (it refuses "simple" requests).
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: '/graphql',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
    }),
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });
}
