import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MyTrainingsDocument } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { TableRegion } from '../../layout/components/table-region';

/** The teacher's own training records: some modules may only be delivered by staff who hold a training. */
export function MyTrainingPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(MyTrainingsDocument);
  const records = data?.myTrainings ?? [];
  const status = (r: (typeof records)[number]): string =>
    !r.current
      ? t('teacher.training.expired')
      : r.expiringSoon
        ? t('teacher.training.expiringSoon')
        : t('teacher.training.current');
  return (
    <>
      <h1>{t('teacher.training.title')}</h1>
      <p className="lead">{t('teacher.training.intro')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {t('teacher.training.failed')}
        </p>
      )}
      {data && records.length === 0 && <p>{t('teacher.training.none')}</p>}
      {records.length > 0 && (
        <TableRegion label={t('teacher.training.caption')}>
          <table>
            <caption>{t('teacher.training.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teacher.training.course')}</th>
                <th scope="col">{t('teacher.training.completed')}</th>
                <th scope="col">{t('teacher.training.expires')}</th>
                <th scope="col">{t('teacher.training.status')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.courseTitle}</th>
                  <td>{formatDate(r.completedAt, i18n.language)}</td>
                  <td>
                    {r.expiresAt ? formatDate(r.expiresAt, i18n.language) : t('teacher.training.noExpiry')}
                  </td>
                  <td>{status(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p className="note">{t('teacher.training.howToGet')}</p>
    </>
  );
}
