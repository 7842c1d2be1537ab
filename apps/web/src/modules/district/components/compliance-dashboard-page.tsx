import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { ComplianceReportDocument } from '../../../gql/graphql';
import { formatDateTime, formatGrades } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { readSchoolYear, yearQuery, type ComplianceBase } from '../compliance-year';
import { RuleSummary, SmallGroupNote, StatusBadge, YearSelect } from './compliance-parts';
import { GradeTable } from './grade-table';
import { OutcomesSection } from './outcomes-section';
import { PercentChart, type PercentBar } from './percent-chart';

/** /district/compliance (and /school/compliance): each rule, and each school and grade against it. */
export function ComplianceDashboardPage({ base }: { base: ComplianceBase }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('compliance.title'));
  const [params, setParams] = useSearchParams();
  const year = readSchoolYear(params);
  const { data, error, refetch } = useQuery(ComplianceReportDocument, { variables: { schoolYear: year } });
  const report = data?.complianceReport;

  const bars = useMemo<PercentBar[]>(
    () =>
      (report?.schools ?? []).flatMap((school) =>
        school.grades.map((g) => ({
          key: `${school.schoolId}-${g.grade}`,
          group: school.schoolName,
          label: formatGrades(t, [g.grade]),
          percent: g.percentDelivered < 0 ? null : g.percentDelivered,
        })),
      ),
    [report, t],
  );

  return (
    <div>
      <h1>{t('compliance.title')}</h1>
      <YearSelect year={year} onChange={(y) => setParams({ year: y }, { replace: true })} />
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : !report ? (
        <p>{t('compliance.noReport')}</p>
      ) : (
        <>
          <p className="lead">
            {t('compliance.subtitle', {
              name: report.districtName,
              state: report.state,
              year: report.schoolYear,
            })}
          </p>
          <p className="note">
            {t('compliance.generatedAt', { date: formatDateTime(report.generatedAt, i18n.language) })}
          </p>

          <section className="section" aria-labelledby="rules-title">
            <h2 id="rules-title">{t('compliance.rules.title')}</h2>
            {report.rules.length === 0 ? (
              <p>{t('compliance.rules.empty')}</p>
            ) : (
              report.rules.map((rule) => <RuleSummary key={rule.id} rule={rule} />)
            )}
          </section>

          {bars.length > 0 && (
            <section className="section" aria-labelledby="chart-title">
              <h2 id="chart-title">{t('compliance.chart.title')}</h2>
              <PercentChart
                bars={bars}
                label={t('compliance.chart.label', { year: report.schoolYear })}
                caption={t('compliance.chart.caption', { year: report.schoolYear })}
                groupHeader={t('compliance.chart.school')}
                barHeader={t('compliance.grades.grade')}
                valueHeader={t('compliance.chart.percent')}
              />
              <p className="note">{t('compliance.chart.notApplicable')}</p>
            </section>
          )}

          <section className="section" aria-labelledby="schools-title">
            <h2 id="schools-title">{t('compliance.schools.title')}</h2>
            {report.schools.length === 0 ? (
              <p>{t('compliance.schools.empty')}</p>
            ) : (
              report.schools.map((school) => (
                <section
                  key={school.schoolId}
                  className="school-block"
                  aria-labelledby={`school-${school.schoolId}`}
                >
                  <h3 id={`school-${school.schoolId}`}>
                    {school.schoolName} <StatusBadge status={school.status} />
                  </h3>
                  <GradeTable
                    school={school}
                    gradeHref={(grade) =>
                      `${base}/${school.schoolId}/${grade}${yearQuery(report.schoolYear)}`
                    }
                  />
                </section>
              ))
            )}
            <SmallGroupNote />
          </section>

          <OutcomesSection year={report.schoolYear} idPrefix="dashboard" />
        </>
      )}
    </div>
  );
}
