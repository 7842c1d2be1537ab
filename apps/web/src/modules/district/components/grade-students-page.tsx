import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'wouter';
import { GradeComplianceDocument } from '../../../gql/graphql';
import { formatGrades } from '../../layout/format';
import { NotFoundPage } from '../../layout/components/not-found-page';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { readSchoolYear, yearQuery, type ComplianceBase } from '../compliance-year';
import { OutcomeBadge, TopicList } from './compliance-parts';
import type { StudentLinkState } from './student-record-page';
import { TableRegion } from '../../layout/components/table-region';

/** /…/compliance/:schoolId/:grade: the students of one grade and what each is missing. */
export function GradeStudentsPage({ base }: { base: ComplianceBase }) {
  const { schoolId = '', grade: gradeParam = '' } = useParams();
  const grade = /^\d{1,2}$/.test(gradeParam) ? Number(gradeParam) : NaN;
  if (!Number.isInteger(grade) || grade > 12) return <NotFoundPage />;
  return <GradeStudents base={base} schoolId={schoolId} grade={grade} />;
}

function GradeStudents({ base, schoolId, grade }: { base: ComplianceBase; schoolId: string; grade: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const year = readSchoolYear(params);
  const gradeName = formatGrades(t, [grade]);
  const { data, error, refetch } = useQuery(GradeComplianceDocument, {
    variables: { schoolId, grade, schoolYear: year },
  });
  const students = data?.gradeCompliance ?? [];
  const linkState: StudentLinkState = { back: `${base}/${schoolId}/${grade}${yearQuery(year)}` };
  const schoolName = students[0]?.schoolName;
  const title = schoolName
    ? t('compliance.gradePage.title', { grade: gradeName, school: schoolName })
    : gradeName;
  usePageTitle(title);

  return (
    <div>
      <p className="back-link no-print">
        <Link to={`${base}${yearQuery(year)}`}>{t('compliance.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('compliance.gradePage.year', { year })}</p>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : students.length === 0 ? (
        <p>{t('compliance.gradePage.empty')}</p>
      ) : (
        <TableRegion label={t('compliance.gradePage.caption', { grade: gradeName, year })}>
          <table>
            <caption>{t('compliance.gradePage.caption', { grade: gradeName, year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compliance.student.name')}</th>
                <th scope="col">{t('compliance.student.outcome')}</th>
                <th scope="col">{t('compliance.student.missing')}</th>
                <th scope="col">{t('compliance.student.classes')}</th>
              </tr>
            </thead>
            <tbody>
              {students.map((student) => (
                <tr key={student.studentId}>
                  <th scope="row">
                    <Link to={`${base}/student/${student.studentId}${yearQuery(year)}`} state={linkState}>
                      {student.displayName}
                    </Link>
                  </th>
                  <td>
                    <ul className="plain-list">
                      {student.rules.map((rule) => (
                        <li key={rule.ruleId}>
                          <OutcomeBadge outcome={rule.outcome} />
                          {student.rules.length > 1 && <span className="note"> ({rule.citation})</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <TopicList
                      topics={student.rules.flatMap((rule) => rule.missingTopics)}
                      label={t('compliance.student.missingOf', { name: student.displayName })}
                    />
                  </td>
                  <td>{student.classes.length === 0 ? t('compliance.none') : student.classes.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
