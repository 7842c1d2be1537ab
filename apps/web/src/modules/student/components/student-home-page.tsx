import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MyClassesDocument } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/use-viewer';
import { formatGrades } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { MyLessons } from './my-lessons';
import { TalkToSomeone } from './talk-to-someone';

function MyClasses() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MyClassesDocument);
  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  if (data.myClasses.length === 0) return <p>{t('student.home.noClasses')}</p>;
  return (
    <ul className="card-list">
      {data.myClasses.map((c) => (
        <li key={c.id} className="card">
          <p className="card__title">{c.name}</p>
          <p className="card__meta">{formatGrades(t, c.gradeLevels)}</p>
        </li>
      ))}
    </ul>
  );
}

export function StudentHomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('student.home.title'));
  return (
    <div className="student-home">
      <h1>{t('student.home.greeting', { name: viewer.displayName })}</h1>
      <p className="lead">{t('student.home.intro')}</p>

      <section aria-labelledby="my-classes-title" className="section">
        <h2 id="my-classes-title">{t('student.home.myClasses')}</h2>
        <MyClasses />
      </section>

      <section aria-labelledby="lessons-title" className="section">
        <h2 id="lessons-title">{t('student.home.lessons')}</h2>
        <MyLessons />
      </section>

      <section aria-labelledby="care-title" className="section">
        <h2 id="care-title">{t('student.home.careTitle')}</h2>
        <p>{t('student.home.care')}</p>
      </section>

      <TalkToSomeone />
    </div>
  );
}
