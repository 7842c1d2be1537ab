import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ComplianceReportQuery } from '../../../gql/graphql';
import { formatGrades } from '../../layout/format';
import { StatusBadge } from './compliance-parts';
import { TableRegion } from '../../layout/components/table-region';

type School = NonNullable<ComplianceReportQuery['complianceReport']>['schools'][number];

/** One school's grades: status, counts (small groups as "<5") and reasons; optionally linked. */
export function GradeTable({ school, gradeHref }: { school: School; gradeHref?: (grade: number) => string }) {
  const { t } = useTranslation();
  return (
    <TableRegion label={t('compliance.grades.caption', { school: school.schoolName })}>
      <table className="grade-table">
        <caption>{t('compliance.grades.caption', { school: school.schoolName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.grades.grade')}</th>
            <th scope="col">{t('compliance.grades.status')}</th>
            <th scope="col" className="numeric">
              {t('compliance.grades.enrolled')}
            </th>
            <th scope="col" className="numeric">
              {t('compliance.grades.delivered')}
            </th>
            <th scope="col" className="numeric">
              {t('compliance.grades.missing')}
            </th>
            <th scope="col" className="numeric">
              {t('compliance.grades.excused')}
            </th>
            <th scope="col" className="numeric">
              {t('compliance.grades.pending')}
            </th>
            <th scope="col">{t('compliance.grades.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {school.grades.map((row) => {
            const name = formatGrades(t, [row.grade]);
            return (
              <tr key={row.grade}>
                <th scope="row">{gradeHref ? <Link to={gradeHref(row.grade)}>{name}</Link> : name}</th>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td className="numeric">{row.enrolled}</td>
                <td className="numeric">{row.delivered}</td>
                <td className="numeric">{row.missing}</td>
                <td className="numeric">{row.excused}</td>
                <td className="numeric">{row.pending}</td>
                <td>
                  {row.reasons.length === 0 ? (
                    t('compliance.none')
                  ) : (
                    <ul className="plain-list">
                      {row.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
