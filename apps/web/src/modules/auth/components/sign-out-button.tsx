import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { SignOutDocument } from '../../../gql/graphql';
import { settleAndCloseOutbox } from '../../student/progress/active-outbox';

export function SignOutButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const [failed, setFailed] = useState(false);

  async function onClick(): Promise<void> {
    setFailed(false);
    // A student's progress still waiting goes now, under their own session, or waits on this device for
    // their next visit; after this nothing of theirs is sent, whoever signs in next.
    await settleAndCloseOutbox().catch(() => undefined);
    try {
      await signOut();
    } catch {
      // The session cookie may still be valid: say so rather than pretend.
      setFailed(true);
      return;
    }
    try {
      window.sessionStorage.clear();
    } catch {
      // storage may be unavailable
    }
    // clearStore, unlike resetStore, does not refetch the signed-in page's queries on the way out.
    await client.clearStore();
    navigate('/', { replace: true });
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void onClick()}
        disabled={loading}
      >
        {t('header.signOut')}
      </button>
      {failed && (
        <p className="header-error" role="alert">
          {t('header.signOutFailed')}
        </p>
      )}
    </>
  );
}
