import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePageTitle } from '../hooks/use-page-title';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('common.loading')}
    </p>
  );
}

function isSignedOutError(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}

/** A query failed: say so plainly, offer to try again, never show the server's raw message. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isSignedOutError(error)) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('common.sessionEnded')}</p>
        <p>
          <Link to="/">{t('common.signInAgain')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('common.loadFailed')}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** An honest placeholder for a part of Haven that is not built yet. */
export function ComingSoon({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <section className="panel panel--soon" aria-labelledby="coming-soon-title">
      <h1 id="coming-soon-title">{title}</h1>
      <p className="badge">{t('common.comingSoon')}</p>
      <p>{body}</p>
    </section>
  );
}
