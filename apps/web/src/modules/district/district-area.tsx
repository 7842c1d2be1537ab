import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { DistrictSchoolsDocument } from '../../gql/graphql';
import { useViewer } from '../auth/hooks/use-viewer';
import { Loading, QueryError } from '../layout/components/status';
import { NotFoundPage } from '../layout/components/not-found-page';
import { usePageTitle } from '../layout/hooks/use-page-title';
import { ComplianceDashboardPage } from './components/compliance-dashboard-page';
import { GradeStudentsPage } from './components/grade-students-page';
import { ReportPage } from './components/report-page';
import { RosterImportPage } from './components/roster-import-page';
import { StudentRecordPage } from './components/student-record-page';
import { TrainingPage } from './components/training-page';
import { FilingsPage, FloridaPlanPage, TexasTrainedStaffPage } from './components/filings-page';
import { ExpiringTrainings } from './components/expiring-trainings';
import { FacilitatorDirectoryPage } from '../facilitators/components/facilitator-directory-page';
import type { ComplianceBase } from './compliance-year';
import { TableRegion } from '../layout/components/table-region';

/** The most schools asked for at once; the server bounds lists too. */
export const SCHOOLS_PAGE_SIZE = 100;

function DistrictOverviewPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('district.overview.title'));
  const { data, error, refetch } = useQuery(DistrictSchoolsDocument, {
    variables: { first: SCHOOLS_PAGE_SIZE },
  });

  return (
    <div>
      <h1>{t('district.overview.title')}</h1>
      {viewer.district && (
        <p className="lead">
          {t('district.overview.subtitle', { name: viewer.district.name, state: viewer.district.state })}
        </p>
      )}
      <section aria-labelledby="schools-title" className="section">
        <h2 id="schools-title">{t('district.schools.title')}</h2>
        {!data ? (
          error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : (
            <Loading />
          )
        ) : data.schools.length === 0 ? (
          <p>{t('district.schools.empty')}</p>
        ) : (
          <>
            <TableRegion label={t('district.schools.caption')}>
              <table>
                <caption className="visually-hidden">{t('district.schools.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('district.schools.name')}</th>
                    <th scope="col">{t('district.schools.code')}</th>
                    <th scope="col" className="numeric">
                      {t('district.schools.classes')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('district.schools.students')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.schools.map((school) => (
                    <tr key={school.id}>
                      <th scope="row">{school.name}</th>
                      <td>
                        <code>{school.code}</code>
                      </td>
                      <td className="numeric">{school.classCount}</td>
                      <td className="numeric">{school.studentCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            {data.schools.length >= SCHOOLS_PAGE_SIZE && (
              <p className="note">{t('district.schools.truncated', { limit: SCHOOLS_PAGE_SIZE })}</p>
            )}
          </>
        )}
      </section>
      <ExpiringTrainings />
    </div>
  );
}

/** The compliance pages under `base`: dashboard, a grade's students, a student's record. */
function ComplianceRoutes({ base }: { base: ComplianceBase }) {
  return (
    <Switch>
      <Route path={base}>
        <ComplianceDashboardPage base={base} />
      </Route>
      <Route path={`${base}/student/:studentId`}>
        <StudentRecordPage base={base} />
      </Route>
      <Route path={`${base}/:schoolId/:grade`}>
        <GradeStudentsPage base={base} />
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** Everything under /district. Loaded on demand: students never download it. */
export function DistrictArea() {
  return (
    <Switch>
      <Route path="/district" component={DistrictOverviewPage} />
      <Route path="/district/compliance/*?">
        <ComplianceRoutes base="/district/compliance" />
      </Route>
      <Route path="/district/training" component={TrainingPage} />
      <Route path="/district/report" component={ReportPage} />
      <Route path="/district/filings" component={FilingsPage} />
      <Route path="/district/filings/fl-implementation-plan" component={FloridaPlanPage} />
      <Route path="/district/filings/tx-trained-staff" component={TexasTrainedStaffPage} />
      <Route path="/district/facilitators" component={FacilitatorDirectoryPage} />
      <Route path="/district/rostering">
        <RosterImportPage />
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** /school/compliance for school admins: the same pages, scoped to their school by the API. */
export function SchoolComplianceArea() {
  return <ComplianceRoutes base="/school/compliance" />;
}
