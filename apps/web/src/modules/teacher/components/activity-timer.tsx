import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A countdown for an activity, discussion or role-play: start, pause, reset. Changes of state (started,
 * paused, a minute left, time is up) are announced politely; the ticking clock itself is not, so a screen
 * reader is not interrupted every second. `onChange` lets the projector show the same clock.
 */
export function ActivityTimer({
  defaultMinutes = 5,
  onChange,
}: {
  defaultMinutes?: number;
  onChange?: (state: { remaining: number; running: boolean }) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(defaultMinutes);
  const [remaining, setRemaining] = useState(defaultMinutes * 60);
  const [running, setRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      setRemaining((r) => {
        const next = Math.max(0, r - 1);
        if (next === 60) setAnnouncement(t('teacher.facilitation.timer.oneMinute'));
        if (next === 0) {
          setRunning(false);
          setAnnouncement(t('teacher.facilitation.timer.done'));
        }
        return next;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [running, t]);

  useEffect(() => onChange?.({ remaining, running }), [remaining, running, onChange]);

  const start = () => {
    if (remaining === 0) setRemaining(minutes * 60);
    setRunning(true);
    setAnnouncement(
      t('teacher.facilitation.timer.started', { time: formatClock(remaining || minutes * 60) }),
    );
  };
  const pause = () => {
    setRunning(false);
    setAnnouncement(t('teacher.facilitation.timer.paused', { time: formatClock(remaining) }));
  };
  const reset = () => {
    setRunning(false);
    setRemaining(minutes * 60);
    setAnnouncement(t('teacher.facilitation.timer.reset', { time: formatClock(minutes * 60) }));
  };

  return (
    <section className="activity-timer" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('teacher.facilitation.timer.title')}</h3>
      <p className="activity-timer__clock" aria-hidden="true">
        {formatClock(remaining)}
      </p>
      <p className="visually-hidden">
        {t('teacher.facilitation.timer.left', { time: formatClock(remaining) })}
      </p>
      <div className="activity-timer__controls">
        <label htmlFor={`${id}-minutes`}>{t('teacher.facilitation.timer.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={60}
          value={minutes}
          disabled={running}
          onChange={(e) => {
            const m = Math.min(60, Math.max(1, Number(e.target.value) || 1));
            setMinutes(m);
            setRemaining(m * 60);
          }}
        />
        {running ? (
          <button type="button" className="button button--secondary" onClick={pause}>
            {t('teacher.facilitation.timer.pause')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={start}>
            {t('teacher.facilitation.timer.start')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={reset}>
          {t('teacher.facilitation.timer.resetButton')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
