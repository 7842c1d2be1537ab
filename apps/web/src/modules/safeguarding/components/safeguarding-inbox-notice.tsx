import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SafeguardingInboxDocument } from '../../../gql/graphql';

/** How often a designated staff member's home asks for new alerts. */
export const INBOX_POLL_MS = 30_000;

/**
 * For the school's designated safeguarding staff only: how many alerts are open, with a link to them,
 * checked every 30 seconds while the page is open. Renders nothing for anyone else.
 */
export function SafeguardingInboxNotice() {
  const { t } = useTranslation();
  const { data } = useQuery(SafeguardingInboxDocument, { pollInterval: INBOX_POLL_MS });
  const inbox = data?.safeguardingInbox;
  if (!inbox?.designated) return null;
  const open = inbox.openAlerts;
  return (
    <div
      className={
        open > 0 ? 'notice notice--warning safeguarding-inbox' : 'notice notice--info safeguarding-inbox'
      }
      role="status"
      data-testid="safeguarding-inbox"
    >
      <p>
        <strong>
          {open > 0
            ? t('school.safeguarding.inboxOpen', { count: open })
            : t('school.safeguarding.inboxNone')}
        </strong>{' '}
        <Link to="/safeguarding">{t('school.safeguarding.inboxLink')}</Link>
      </p>
    </div>
  );
}
