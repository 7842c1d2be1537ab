import { useApolloClient } from '@apollo/client/react';
import { useLocation } from 'wouter';
import { useLocationState } from '../../../app/router';
import { MeDocument, SetPreferredLanguageDocument } from '../../../gql/graphql';
import { i18n, isLanguage, storedLanguage } from '../../../i18n/i18n';
import type { Viewer } from './use-viewer';

function fromOf(state: unknown): string | undefined {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string')
    return state.from;
  return undefined;
}

/**
 * After a successful sign-in: keep the language the person picked on this device (and save it to the
 * account), otherwise switch to the account's; remember the viewer; go home.
 */
export function useCompleteSignIn(): (viewer: Viewer) => Promise<void> {
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const state = useLocationState();

  return async (signedIn) => {
    let viewer = signedIn;
    const picked = storedLanguage();
    if (picked && picked !== viewer.preferredLanguage) {
      viewer = { ...viewer, preferredLanguage: picked };
      void client
        .mutate({ mutation: SetPreferredLanguageDocument, variables: { language: picked } })
        .catch(() => undefined);
    } else if (isLanguage(viewer.preferredLanguage) && viewer.preferredLanguage !== i18n.resolvedLanguage) {
      await i18n.changeLanguage(viewer.preferredLanguage);
    }
    client.writeQuery({ query: MeDocument, data: { me: viewer } });
    // Back to the page that asked for sign-in, if it belongs to this user's area.
    const from = fromOf(state);
    const target = from && viewer.home !== '/' && from.startsWith(viewer.home) ? from : viewer.home;
    navigate(target, { replace: true });
  };
}
