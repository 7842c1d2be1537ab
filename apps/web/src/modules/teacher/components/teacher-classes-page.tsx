import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { TeacherClassesDocument } from '../../../gql/graphql';
import { formatGradeNumbers } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { SafeguardingInboxNotice } from '../../safeguarding/components/safeguarding-inbox-notice';

export function TeacherClassesPage() {
  const { t } = useTranslation();
  usePageTitle(t('teacher.classes.title'));
  const { data, error, refetch } = useQuery(TeacherClassesDocument);

  return (
    <div>
      <h1>{t('teacher.classes.title')}</h1>
      <SafeguardingInboxNotice />
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : data.classes.length === 0 ? (
        <p>{t('teacher.classes.empty')}</p>
      ) : (
        <ul className="card-list">
          {data.classes.map((c) => (
            <li key={c.id} className="card">
              <Link className="card__title card__link" to={`/teacher/classes/${encodeURIComponent(c.id)}`}>
                {c.name}
              </Link>
              <dl className="facts">
                <div>
                  <dt>{t('class.grades')}</dt>
                  <dd>{formatGradeNumbers(t, c.gradeLevels)}</dd>
                </div>
                <div>
                  <dt>{t('class.schoolYear')}</dt>
                  <dd>{c.schoolYear}</dd>
                </div>
                <div>
                  <dt>{t('class.students')}</dt>
                  <dd>{c.studentCount}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
