import type { ReactElement } from 'react';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import { Observable } from 'rxjs';
import { useLocation, useSearch } from 'wouter';
import { createCache } from '../app/apollo-cache';
import { AppRoutes } from '../app/app-routes';
import { AppRouter, useLocationState } from '../app/router';
import type { ViewerFieldsFragment } from '../gql/graphql';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Answers one operation: a response, or an Error for a network failure. */
export type Resolver = (variables: Record<string, unknown>) => GraphQLResponse | Error;

export interface RecordedCall {
  operationName: string;
  variables: Record<string, unknown>;
}

/** An Apollo Client whose link answers by operation name and records every request. */
export function createTestClient(resolvers: Record<string, Resolver>): {
  client: ApolloClient;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const operationName = operation.operationName ?? '';
        const variables = { ...operation.variables };
        calls.push({ operationName, variables });
        const resolver = resolvers[operationName];
        const timer = setTimeout(() => {
          if (!resolver) {
            observer.error(new Error(`No mock for operation ${operationName}`));
            return;
          }
          const result = resolver(variables);
          if (result instanceof Error) {
            observer.error(result);
            return;
          }
          observer.next(result as ApolloLink.Result);
          observer.complete();
        }, 0);
        return () => clearTimeout(timer);
      }),
  );
  return { client: new ApolloClient({ link, cache: createCache() }), calls };
}

export function viewer(overrides: Partial<ViewerFieldsFragment> = {}): ViewerFieldsFragment {
  return {
    __typename: 'Viewer',
    id: 'u-maya',
    kind: 'student',
    displayName: 'Maya',
    roles: ['student'],
    home: '/student',
    preferredLanguage: 'en',
    district: { __typename: 'District', id: 'd-1', name: 'Gulf Coast Unified', state: 'FL' },
    school: { __typename: 'School', id: 's-1', name: 'Bayside Middle School', code: 'BAYSIDE' },
    ...overrides,
  };
}

export const TEACHER = viewer({
  id: 'u-teacher',
  kind: 'staff',
  displayName: 'Jordan Lee',
  roles: ['teacher'],
  home: '/teacher',
});

export const DISTRICT_ADMIN = viewer({
  id: 'u-admin',
  kind: 'staff',
  displayName: 'Alex Morgan',
  roles: ['district_admin'],
  home: '/district',
  school: null,
});

export const signedInAs =
  (me: ViewerFieldsFragment | null): Resolver =>
  () => ({ data: { me } });

/**
 * Renders the whole route tree at `path`, as the browser would (on jsdom's URL and history). `location` is
 * the location the app has rendered.
 */
export function renderApp(path: string, resolvers: Record<string, Resolver>, extra?: ReactElement) {
  const { client, calls } = createTestClient(resolvers);
  window.history.replaceState(null, '', path);
  const location = { pathname: path, search: '', state: null as unknown };
  function LocationProbe() {
    location.pathname = useLocation()[0];
    const search = useSearch();
    location.search = search && `?${search}`;
    location.state = useLocationState();
    return null;
  }
  const view = render(
    <ApolloProvider client={client}>
      <AppRouter>
        <AppRoutes />
        <LocationProbe />
        {extra}
      </AppRouter>
    </ApolloProvider>,
  );
  return { ...view, client, calls, location };
}
