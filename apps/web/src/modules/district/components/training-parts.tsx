import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TrainingRecordFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';

export type TrainingState = 'current' | 'expiring-soon' | 'expired';

export function trainingState(
  record: Pick<TrainingRecordFieldsFragment, 'current' | 'expiringSoon'>,
): TrainingState {
  if (!record.current) return 'expired';
  return record.expiringSoon ? 'expiring-soon' : 'current';
}

const STATE_ICONS: Readonly<Record<TrainingState, string>> = {
  current: '✓',
  'expiring-soon': '!',
  expired: '✗',
};

/** "✓ Current, completed 1 Sep 2026, expires 1 Sep 2027 (Haven)": words, not colour alone. */
export function TrainingRecordLine({ record }: { record: TrainingRecordFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const state = trainingState(record);
  return (
    <>
      <strong>{record.courseTitle}</strong>{' '}
      <span className={`status-badge status-badge--${state}`}>
        <span aria-hidden="true" className="status-badge__icon">
          {STATE_ICONS[state]}
        </span>{' '}
        {t(`training.state.${state}`)}
      </span>
      <br />
      <span className="training__dates">
        {t('training.completed', { date: formatDate(record.completedAt, i18n.language) })}
        {', '}
        {record.expiresAt
          ? t('training.expires', { date: formatDate(record.expiresAt, i18n.language) })
          : t('training.noExpiry')}
        {' · '}
        {t(`training.source.${record.source}`, { defaultValue: record.source })}
      </span>
    </>
  );
}

export function roleLabels(t: TFunction, roles: readonly string[]): string {
  return roles.map((role) => t(`training.roles.${role}`, { defaultValue: role })).join(', ');
}
