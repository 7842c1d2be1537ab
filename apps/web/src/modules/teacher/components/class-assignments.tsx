import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TeacherAssignmentFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { TableRegion } from '../../layout/components/table-region';
import { MoveToNewerVersion } from './move-to-newer-version';

/** The modules given to a class, each linking to its progress page, and a newer version where one exists. */
export function ClassAssignments({
  classId,
  assignments,
}: {
  classId: string;
  assignments: readonly TeacherAssignmentFieldsFragment[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  if (assignments.length === 0) return <p>{t('teacher.assignments.empty')}</p>;
  return (
    <TableRegion label={t('teacher.assignments.caption')}>
      <table>
        <caption>{t('teacher.assignments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.assignments.module')}</th>
            <th scope="col">{t('teacher.assignments.version')}</th>
            <th scope="col">{t('teacher.assignments.opens')}</th>
            <th scope="col">{t('teacher.assignments.due')}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.id}>
              <th scope="row" id={`assignment-title-${a.id}`}>
                <Link
                  to={`/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(a.id)}`}
                >
                  {a.title}
                </Link>
              </th>
              <td>
                {a.version}
                <MoveToNewerVersion assignment={a} describedBy={`assignment-title-${a.id}`} />
              </td>
              <td>{formatDate(a.opensAt, language)}</td>
              <td>{formatDate(a.dueAt, language) || t('teacher.assignments.noDue')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
