import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { MyAssignmentDocument } from '../../../gql/graphql';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { TalkToSomeone } from '../components/talk-to-someone';
import { AlternativeActivity } from './content-warning';
import { ModulePlayer } from './module-player';

/**
 * `/student/lessons/:assignmentId`. The tab title stays neutral ("Lesson"): the module's name could say
 * what it is about to whoever sees the screen or the history. Texts come in the account's language; the
 * language switcher refetches active queries once it has saved a new one.
 */
export function ModulePlayerPage() {
  const { t } = useTranslation();
  usePageTitle(t('student.player.pageTitle'));
  const { assignmentId = '' } = useParams();
  const { data, error, refetch } = useQuery(MyAssignmentDocument, {
    variables: { id: assignmentId },
    fetchPolicy: 'cache-and-network',
  });

  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  if (!data.myAssignment) {
    return (
      <section className="panel">
        <h1>{t('student.player.notFound')}</h1>
        <Link to="/student">{t('student.player.backToLessons')}</Link>
      </section>
    );
  }
  if (data.myAssignment.excused) {
    // Excused under the parental consent rules: the alternative activity, never the lessons.
    return (
      <section className="panel warning-panel" aria-labelledby="alternative-title">
        <h1 id="alternative-title">{t('student.player.warning.alternativeTitle')}</h1>
        <AlternativeActivity module={data.myAssignment} />
        <p>{t('student.player.excusedNote')}</p>
        <Link className="button button--secondary" to="/student">
          {t('student.player.backToLessons')}
        </Link>
        <TalkToSomeone />
      </section>
    );
  }
  return (
    <>
      <ModulePlayer key={data.myAssignment.assignmentId} module={data.myAssignment} />
      <TalkToSomeone />
    </>
  );
}
