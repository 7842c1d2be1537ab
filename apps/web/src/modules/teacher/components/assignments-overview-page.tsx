import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { TeacherAssignmentsOverviewDocument } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { usePageTitle } from '../../layout/hooks/use-page-title';

/** Every module assigned to the teacher's classes, with where each class stands, linking to the progress pages. */
export function AssignmentsOverviewPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('teacher.overview.title'));
  const { data, error, refetch } = useQuery(TeacherAssignmentsOverviewDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const classes = data?.classes ?? [];
  return (
    <>
      <h1>{t('teacher.overview.title')}</h1>
      <p className="lead">{t('teacher.overview.intro')}</p>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading />}
      {data && classes.length === 0 && <p>{t('teacher.overview.noClasses')}</p>}
      {classes.map((c) => (
        <section key={c.id} aria-labelledby={`overview-${c.id}`}>
          <h2 id={`overview-${c.id}`}>
            <Link to={`/teacher/classes/${c.id}`}>{c.name}</Link>
          </h2>
          {c.assignments.length === 0 ? (
            <p>
              {t('teacher.overview.none')}{' '}
              <Link to={`/teacher/classes/${c.id}`}>{t('teacher.overview.assign')}</Link>
            </p>
          ) : (
            <TableRegion label={t('teacher.overview.caption', { name: c.name })}>
              <table>
                <caption>{t('teacher.overview.caption', { name: c.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('teacher.overview.module')}</th>
                    <th scope="col">{t('teacher.overview.due')}</th>
                    <th scope="col">{t('teacher.overview.notStarted')}</th>
                    <th scope="col">{t('teacher.overview.inProgress')}</th>
                    <th scope="col">{t('teacher.overview.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.assignments.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/teacher/classes/${c.id}/assignments/${a.id}`}>{a.title}</Link>
                        <div className="note">
                          {t('teacher.overview.version', { version: a.version })}
                          {a.newerVersion
                            ? ` · ${t('teacher.overview.newer', { version: a.newerVersion })}`
                            : ''}
                        </div>
                      </th>
                      <td>{a.dueAt ? formatDate(a.dueAt, i18n.language) : t('teacher.overview.noDue')}</td>
                      <td>{a.summary.notStarted}</td>
                      <td>{a.summary.inProgress}</td>
                      <td>
                        {t('teacher.overview.ofEnrolled', {
                          count: a.summary.completed,
                          enrolled: a.summary.enrolled,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ))}
    </>
  );
}
