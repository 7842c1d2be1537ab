import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StaffTrainingDocument } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';

/** On the district overview: trainings that lapse within 60 days, with a link to renew them. */
export function ExpiringTrainings() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(StaffTrainingDocument);
  const expiring = (data?.staffTraining ?? []).flatMap((staff) =>
    staff.records.filter((r) => r.current && r.expiringSoon).map((record) => ({ staff, record })),
  );
  return (
    <section className="section" aria-labelledby="overview-expiring">
      <h2 id="overview-expiring">{t('training.expiring.title')}</h2>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : expiring.length === 0 ? (
        <p>{t('training.expiring.none')}</p>
      ) : (
        <div className="notice notice--warning">
          <ul>
            {expiring.map(({ staff, record }) => (
              <li key={record.id}>
                {t('training.expiring.item', {
                  name: staff.displayName,
                  course: record.courseTitle,
                  date: formatDate(record.expiresAt, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <Link to="/district/training">{t('district.overview.manageTraining')}</Link>
      </p>
    </section>
  );
}
