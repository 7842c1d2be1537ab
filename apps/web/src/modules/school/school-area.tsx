import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { SchoolOverviewDocument } from '../../gql/graphql';
import { formatGradeNumbers } from '../layout/format';
import { Loading, QueryError } from '../layout/components/status';
import { NotFoundPage } from '../layout/components/not-found-page';
import { usePageTitle } from '../layout/hooks/use-page-title';
import { TableRegion } from '../layout/components/table-region';
import { SafeguardingInboxNotice } from '../safeguarding/components/safeguarding-inbox-notice';
import { RosterImportPage } from '../district/components/roster-import-page';
import { SafeguardingStaffSection } from './components/safeguarding-staff-section';

function SchoolOverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('school.overview.title'));
  const { data, error, refetch } = useQuery(SchoolOverviewDocument);

  return (
    <div>
      <h1>{t('school.overview.title')}</h1>
      <SafeguardingInboxNotice />
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : data.schools.length === 0 ? (
        <p>{t('school.overview.empty')}</p>
      ) : (
        data.schools.map((school) => (
          <section key={school.id} className="section" aria-labelledby={`school-${school.id}`}>
            <h2 id={`school-${school.id}`}>{school.name}</h2>
            <dl className="facts facts--inline">
              <div>
                <dt>{t('school.overview.code')}</dt>
                <dd>
                  <code>{school.code}</code>
                </dd>
              </div>
              <div>
                <dt>{t('school.overview.classCount')}</dt>
                <dd>{school.classCount}</dd>
              </div>
              <div>
                <dt>{t('school.overview.studentCount')}</dt>
                <dd>{school.studentCount}</dd>
              </div>
            </dl>
            {school.classes.length === 0 ? (
              <p>{t('school.overview.noClasses')}</p>
            ) : (
              <TableRegion label={t('school.overview.classesCaption', { name: school.name })}>
                <table>
                  <caption>{t('school.overview.classesCaption', { name: school.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('class.name')}</th>
                      <th scope="col">{t('class.grades')}</th>
                      <th scope="col">{t('class.schoolYear')}</th>
                      <th scope="col" className="numeric">
                        {t('class.students')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {school.classes.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.name}</th>
                        <td>{formatGradeNumbers(t, c.gradeLevels)}</td>
                        <td>{c.schoolYear}</td>
                        <td className="numeric">{c.studentCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            <SafeguardingStaffSection schoolId={school.id} />
          </section>
        ))
      )}
    </div>
  );
}

/** Everything under /school. Loaded on demand: students never download it. */
export function SchoolArea() {
  return (
    <Switch>
      <Route path="/school" component={SchoolOverviewPage} />
      <Route path="/school/rostering">
        <RosterImportPage scope="school" />
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
