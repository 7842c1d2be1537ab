import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { ClassDetailDocument } from '../../../gql/graphql';
import { formatGradeNumbers } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { AssignModuleForm } from './assign-module-form';
import { ClassAssignments } from './class-assignments';
import { ClassConsent } from './class-consent';
import { TableRegion } from '../../layout/components/table-region';

export function ClassDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ClassDetailDocument, { variables: { id } });
  const found = data?.class;
  usePageTitle(found ? found.name : data ? t('teacher.class.notFound') : t('common.loading'));

  const back = (
    <p className="back-link">
      <Link to="/teacher">{t('teacher.class.back')}</Link>
    </p>
  );

  if (!data) {
    return (
      <div>
        {back}
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </div>
    );
  }
  if (!found) {
    return (
      <div>
        {back}
        <h1>{t('teacher.class.notFound')}</h1>
        <p>{t('teacher.class.notFoundBody')}</p>
      </div>
    );
  }
  return (
    <div>
      {back}
      <h1>{found.name}</h1>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('class.grades')}</dt>
          <dd>{formatGradeNumbers(t, found.gradeLevels)}</dd>
        </div>
        <div>
          <dt>{t('class.schoolYear')}</dt>
          <dd>{found.schoolYear}</dd>
        </div>
        <div>
          <dt>{t('class.students')}</dt>
          <dd>{found.studentCount}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="class-students-title">
        <h2 id="class-students-title">{t('class.students')}</h2>
        {found.students.length === 0 ? (
          <p>{t('teacher.class.noStudents')}</p>
        ) : (
          <TableRegion label={t('teacher.class.studentsCaption')}>
            <table>
              <caption>{t('teacher.class.studentsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('teacher.class.name')}</th>
                  <th scope="col">{t('teacher.class.username')}</th>
                  <th scope="col">{t('teacher.class.grade')}</th>
                </tr>
              </thead>
              <tbody>
                {found.students.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.displayName}</th>
                    <td>{s.username}</td>
                    <td>{s.gradeLevel === 0 ? t('grades.kindergarten') : s.gradeLevel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      <section className="section" aria-labelledby="class-assignments-title">
        <h2 id="class-assignments-title">{t('teacher.assignments.title')}</h2>
        <ClassAssignments classId={found.id} assignments={found.assignments} />
      </section>
      <section className="section" aria-labelledby="class-consent-title">
        <h2 id="class-consent-title">{t('teacher.consent.title')}</h2>
        <ClassConsent classId={found.id} schoolYear={found.schoolYear} />
      </section>
      <section className="section panel" aria-labelledby="class-assign-title">
        <h2 id="class-assign-title">{t('teacher.assign.title')}</h2>
        <AssignModuleForm
          classId={found.id}
          className={found.name}
          gradeLevels={found.gradeLevels}
          assigned={found.assignments}
        />
      </section>
    </div>
  );
}
