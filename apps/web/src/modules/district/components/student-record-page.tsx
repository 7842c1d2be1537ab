import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'wouter';
import { useLocationState } from '../../../app/router';
import { StudentComplianceDocument } from '../../../gql/graphql';
import { formatGrades } from '../../layout/format';
import { NotFoundPage } from '../../layout/components/not-found-page';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { readSchoolYear, yearQuery, type ComplianceBase } from '../compliance-year';
import { OutcomeBadge, TopicList } from './compliance-parts';

/** The grade list a student was opened from (only a compliance page of the same area). */
export interface StudentLinkState {
  back: string;
}

function backLink(state: unknown, base: ComplianceBase): string | null {
  const back = (state as Partial<StudentLinkState> | null)?.back;
  return typeof back === 'string' && back.startsWith(`${base}/`) ? back : null;
}

/** /…/compliance/student/:studentId: each rule for one student, what counted and what is missing. */
export function StudentRecordPage({ base }: { base: ComplianceBase }) {
  const { t } = useTranslation();
  const { studentId = '' } = useParams();
  const [params] = useSearchParams();
  const year = readSchoolYear(params);
  const back = backLink(useLocationState(), base);
  const { data, error, refetch } = useQuery(StudentComplianceDocument, {
    variables: { studentId, schoolYear: year },
  });
  const record = data?.studentCompliance;
  usePageTitle(record ? record.displayName : t('compliance.studentPage.title'));

  if (data && !record) return <NotFoundPage />;
  return (
    <div>
      {!record ? (
        <>
          <h1>{t('compliance.studentPage.title')}</h1>
          {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
        </>
      ) : (
        <>
          <p className="back-link no-print">
            {back ? (
              <Link to={back}>{t('compliance.backToGrade')}</Link>
            ) : (
              <Link to={`${base}${yearQuery(year)}`}>{t('compliance.back')}</Link>
            )}
          </p>
          <h1>{record.displayName}</h1>
          <p className="lead">{t('compliance.studentPage.year', { year })}</p>
          <dl className="facts facts--inline">
            <div>
              <dt>{t('compliance.studentPage.username')}</dt>
              <dd>{record.username}</dd>
            </div>
            <div>
              <dt>{t('compliance.studentPage.grade')}</dt>
              <dd>{formatGrades(t, [record.grade])}</dd>
            </div>
            <div>
              <dt>{t('compliance.studentPage.school')}</dt>
              <dd>{record.schoolName}</dd>
            </div>
            <div>
              <dt>{t('compliance.student.classes')}</dt>
              <dd>{record.classes.length === 0 ? t('compliance.none') : record.classes.join(', ')}</dd>
            </div>
          </dl>
          {record.rules.length === 0 ? (
            <p>{t('compliance.studentPage.noRules')}</p>
          ) : (
            record.rules.map((rule) => (
              <section
                key={rule.ruleId}
                className="section rule"
                aria-labelledby={`student-rule-${rule.ruleId}`}
              >
                <h2 id={`student-rule-${rule.ruleId}`}>{rule.citation}</h2>
                <dl className="facts">
                  <div>
                    <dt>{t('compliance.student.outcome')}</dt>
                    <dd>
                      <OutcomeBadge outcome={rule.outcome} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('compliance.studentPage.window')}</dt>
                    <dd>{rule.window}</dd>
                  </div>
                  <div>
                    <dt>{t('compliance.studentPage.required')}</dt>
                    <dd>
                      <TopicList topics={rule.requiredTopics} label={t('compliance.studentPage.required')} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('compliance.studentPage.covered')}</dt>
                    <dd>
                      <TopicList topics={rule.coveredTopics} label={t('compliance.studentPage.covered')} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('compliance.student.missing')}</dt>
                    <dd>
                      <TopicList topics={rule.missingTopics} label={t('compliance.student.missing')} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('compliance.studentPage.counted')}</dt>
                    <dd>
                      {rule.counted.length === 0 ? (
                        t('compliance.studentPage.nothingCounted')
                      ) : (
                        <ul className="plain-list">
                          {rule.counted.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                </dl>
              </section>
            ))
          )}
        </>
      )}
    </div>
  );
}
