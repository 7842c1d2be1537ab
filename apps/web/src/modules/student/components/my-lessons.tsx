import { useEffect } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { MyLessonsDocument } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/use-viewer';
import { Loading, QueryError } from '../../layout/components/status';

/**
 * Sends what this student's earlier visit left on this device (the outbox code loads only now, not with the
 * page). Another student's events on a shared device stay theirs.
 */
function useFlushLeftovers(): void {
  const client = useApolloClient();
  const studentId = useViewer().id;
  useEffect(() => {
    void import('../progress/outbox-runtime')
      .then((m) => m.pageOutbox(client, studentId).flushAll())
      .catch(() => undefined);
  }, [client, studentId]);
}

/** The modules assigned to the student, in their language, with how far they got. */
export function MyLessons() {
  const { t } = useTranslation();
  useFlushLeftovers();
  const { data, error, refetch } = useQuery(MyLessonsDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  if (data.myLessons.length === 0) return <p>{t('student.home.lessonsEmpty')}</p>;
  return (
    <ul className="card-list lesson-list">
      {data.myLessons.map((a) => (
        <li key={a.id} className="card lesson-card">
          <p className="card__title">
            <Link className="card__link" to={`/student/lessons/${a.id}`}>
              {a.title}
            </Link>
          </p>
          <p>{a.summary}</p>
          <p className="card__meta">
            {t('student.lessons.meta', { className: a.className, minutes: a.estimatedMinutes })}
          </p>
          <p className={`badge badge--${a.status}`}>{t(`student.lessons.status.${a.status}`)}</p>
          <p className="lesson-card__progress">
            <progress
              value={a.completedSteps}
              max={Math.max(1, a.totalSteps)}
              aria-label={t('student.lessons.progressLabel', { title: a.title })}
            />{' '}
            {t('student.lessons.steps', { done: a.completedSteps, total: a.totalSteps })}
          </p>
        </li>
      ))}
    </ul>
  );
}
