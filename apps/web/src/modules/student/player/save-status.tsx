import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../progress/outbox';

/** "Saved", "Saving…" or the offline promise, announced politely. */
export function SaveStatus({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`save-status save-status--${status}`} role="status">
      {t(`student.player.save.${status}`)}
    </p>
  );
}
