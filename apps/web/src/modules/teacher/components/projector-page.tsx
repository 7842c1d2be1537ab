import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { ProjectorLessonsDocument } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n/i18n';
import { SafeHtml } from '../../layout/components/safe-html';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { presentChannelName, usePresentChannel } from '../hooks/use-present-channel';
import { formatClock } from './activity-timer';

/**
 * The projector view of a lesson taught in class: one learner-facing block per screen in large type, no
 * app chrome, no facilitator notes and no student names (it asks only for the lesson's blocks). It follows
 * the teacher's screen through a BroadcastChannel, and can be moved on its own with the keyboard
 * (→, Page Down or Space: next; ←, Page Up: previous), which the teacher's screen then follows.
 */
export function ProjectorPage() {
  const { t, i18n } = useTranslation();
  const { assignmentId = '', moduleId = '', version = '', lessonId = '' } = useParams();
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();
  const { data, error, refetch } = useQuery(ProjectorLessonsDocument, {
    variables: { moduleId, version, displayLanguage },
  });
  const lesson = data?.moduleVersion?.lessons.find((l) => l.id === lessonId) ?? null;
  usePageTitle(lesson ? t('teacher.projector.pageTitle', { title: lesson.title }) : t('common.loading'));
  const [block, setBlock] = useState(0);
  const [timer, setTimer] = useState<{ remaining: number; running: boolean } | null>(null);
  const post = usePresentChannel(presentChannelName(assignmentId, lessonId), (message) => {
    if (message.type === 'show') setBlock(message.block);
    if (message.type === 'timer') setTimer({ remaining: message.remaining, running: message.running });
  });
  const total = lesson?.blocks.length ?? 0;

  useEffect(() => {
    post({ type: 'hello' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the window opens
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('button, a, input')) return;
      let next = block;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ')
        next = Math.min(total - 1, block + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') next = Math.max(0, block - 1);
      else return;
      e.preventDefault();
      if (next !== block) {
        setBlock(next);
        post({ type: 'show', block: next });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [block, total, post]);

  if (!data) {
    return (
      <main className="projector">
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </main>
    );
  }
  if (!lesson) {
    return (
      <main className="projector">
        <h1>{t('teacher.progress.notFound')}</h1>
      </main>
    );
  }
  const current = lesson.blocks[Math.min(block, total - 1)];
  const move = (next: number) => {
    setBlock(next);
    post({ type: 'show', block: next });
  };
  return (
    <main className="projector" lang={data.moduleVersion?.language}>
      <h1 className="projector__lesson">{lesson.title}</h1>
      {current && (
        <section
          className={`projector__block projector__block--${current.kind}`}
          aria-live="polite"
          aria-atomic="true"
        >
          <h2>
            {current.kind === 'discussion'
              ? t('teacher.projector.discuss')
              : t(`teacher.facilitation.kind.${current.kind}`, { defaultValue: current.kind })}
            {current.title ? `: ${current.title}` : ''}
          </h2>
          <SafeHtml html={current.html} headingLevel={3} className="projector__text" />
        </section>
      )}
      {timer && (timer.running || timer.remaining > 0) && (
        <p className="projector__timer">
          {t('teacher.projector.timer', { time: formatClock(timer.remaining) })}
        </p>
      )}
      <nav className="projector__nav" aria-label={t('teacher.facilitation.navLabel')}>
        <button
          type="button"
          className="button button--secondary"
          disabled={block === 0}
          onClick={() => move(block - 1)}
        >
          {t('teacher.facilitation.previous')}
        </button>
        <span>{t('teacher.facilitation.blockOf', { number: block + 1, total })}</span>
        <button
          type="button"
          className="button"
          disabled={block >= total - 1}
          onClick={() => move(block + 1)}
        >
          {t('teacher.facilitation.next')}
        </button>
      </nav>
      <p className="projector__keys">{t('teacher.projector.keys')}</p>
    </main>
  );
}
