import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { StudioDraftsDocument } from '../../gql/graphql';
import { NotFoundPage } from '../layout/components/not-found-page';
import { Loading, QueryError } from '../layout/components/status';
import { usePageTitle } from '../layout/hooks/use-page-title';
import { DraftEditorPage } from './pages/draft-editor-page';
import { DraftTable, StudioHomePage } from './pages/studio-home-page';

/** Everything under /studio, where authors write modules and reviewers review them. Loaded on demand. */
export function StudioArea() {
  return (
    <Switch>
      <Route path="/studio" component={StudioHomePage} />
      <Route path="/studio/reviews" component={ReviewQueuePage} />
      <Route path="/studio/drafts/:id/*?" component={DraftEditorPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** Drafts waiting for review, then those approved and waiting to be published. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('authoring.queue.title'));
  const { data, error, refetch } = useQuery(StudioDraftsDocument, { fetchPolicy: 'cache-and-network' });
  const drafts = data?.moduleDrafts ?? [];
  const waiting = drafts.filter((d) => d.status === 'in_review');
  const approved = drafts.filter((d) => d.status === 'approved');
  return (
    <>
      <h1>{t('authoring.queue.title')}</h1>
      <p className="lead">{t('authoring.queue.intro')}</p>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading />}
      {data && waiting.length === 0 && <p>{t('authoring.queue.none')}</p>}
      {waiting.length > 0 && <DraftTable drafts={waiting} caption={t('authoring.queue.waiting')} />}
      {approved.length > 0 && <DraftTable drafts={approved} caption={t('authoring.queue.approved')} />}
    </>
  );
}
