import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { ComplianceReportDocument, StaffTrainingDocument } from '../../../gql/graphql';
import { formatDateTime } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { readSchoolYear } from '../compliance-year';
import { RuleSummary, SmallGroupNote, StatusBadge, YearSelect } from './compliance-parts';
import { GradeTable } from './grade-table';
import { OutcomesSection } from './outcomes-section';
import { StaffTable } from './training-page';

export const csvHref = (year: string): string =>
  `/exports/compliance.csv?schoolYear=${encodeURIComponent(year)}`;

/** /district/report: the evidence a district keeps or files, laid out for print, with the CSV. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('report.title'));
  const [params, setParams] = useSearchParams();
  const year = readSchoolYear(params);
  const report = useQuery(ComplianceReportDocument, { variables: { schoolYear: year } });
  const training = useQuery(StaffTrainingDocument);
  const data = report.data?.complianceReport;

  return (
    <div className="report">
      <h1>{t('report.title')}</h1>
      <div className="report__tools no-print">
        <YearSelect year={year} onChange={(y) => setParams({ year: y }, { replace: true })} />
        <div className="report__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
          <a className="button button--secondary" href={csvHref(year)} download>
            {t('report.csv', { year })}
          </a>
        </div>
        <p className="field__hint">{t('report.csvHint')}</p>
      </div>
      {!report.data ? (
        report.error ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <Loading />
        )
      ) : !data ? (
        <p>{t('compliance.noReport')}</p>
      ) : (
        <>
          <dl className="facts facts--inline report__facts">
            <div>
              <dt>{t('report.district')}</dt>
              <dd>
                {data.districtName}, {data.state}
              </dd>
            </div>
            <div>
              <dt>{t('compliance.year')}</dt>
              <dd>{data.schoolYear}</dd>
            </div>
            <div>
              <dt>{t('report.generated')}</dt>
              <dd>{formatDateTime(data.generatedAt, i18n.language)}</dd>
            </div>
          </dl>

          <section className="section" aria-labelledby="report-rules">
            <h2 id="report-rules">{t('compliance.rules.title')}</h2>
            {data.rules.length === 0 ? (
              <p>{t('compliance.rules.empty')}</p>
            ) : (
              data.rules.map((rule) => <RuleSummary key={rule.id} rule={rule} />)
            )}
          </section>

          <section className="section" aria-labelledby="report-schools">
            <h2 id="report-schools">{t('compliance.schools.title')}</h2>
            {data.schools.length === 0 ? (
              <p>{t('compliance.schools.empty')}</p>
            ) : (
              data.schools.map((school) => (
                <section
                  key={school.schoolId}
                  className="school-block"
                  aria-labelledby={`report-${school.schoolId}`}
                >
                  <h3 id={`report-${school.schoolId}`}>
                    {school.schoolName} <StatusBadge status={school.status} />
                  </h3>
                  <GradeTable school={school} />
                </section>
              ))
            )}
            <SmallGroupNote />
          </section>

          <OutcomesSection year={data.schoolYear} idPrefix="report" />

          <section className="section" aria-labelledby="report-training">
            <h2 id="report-training">{t('report.training')}</h2>
            {!training.data ? (
              training.error ? (
                <QueryError error={training.error} onRetry={() => void training.refetch()} />
              ) : (
                <Loading />
              )
            ) : training.data.staffTraining.length === 0 ? (
              <p>{t('training.staff.empty')}</p>
            ) : (
              <StaffTable staff={training.data.staffTraining} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
