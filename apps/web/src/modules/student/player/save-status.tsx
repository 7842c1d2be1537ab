import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../progress/outbox';

type Announcement = 'offline' | 'refused' | 'backOnline' | null;

/**
 * "Saved", "Saving…" or the offline promise. The visible text changes on every step, so it is not a live
 * region: announcing "Saving…", "Saved" after each choice would talk over the scenario's own announcements.
 * A separate, visually hidden status says only what matters: the connection was lost (or the server refused
 * this lesson's answers), and (once everything waiting has been sent) that it is back.
 */
export function SaveStatus({ status }: { status: SaveState }) {
  const { t } = useTranslation();
  // What the live region says, worked out when the status changes (during render, as React advises for state
  // that follows a prop). The page starts as if saved, so a page that opens offline says so.
  const [seen, setSeen] = useState<{ status: SaveState; away: boolean; announcement: Announcement }>({
    status: 'saved',
    away: false,
    announcement: null,
  });
  if (status !== seen.status) {
    if (status === 'offline' || status === 'refused') setSeen({ status, away: true, announcement: status });
    else if (status === 'saved' && seen.away) setSeen({ status, away: false, announcement: 'backOnline' });
    else setSeen({ status, away: seen.away, announcement: seen.away ? seen.announcement : null });
  }
  const { announcement } = seen;

  return (
    <>
      <p className={`save-status save-status--${status}`}>{t(`student.player.save.${status}`)}</p>
      <p className="visually-hidden" role="status" data-testid="save-status-live">
        {announcement && t(`student.player.save.${announcement}`)}
      </p>
    </>
  );
}
