import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { AssignmentProgressDocument, FacilitationLessonsDocument } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n/i18n';
import { SafeHtml } from '../../layout/components/safe-html';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { presentChannelName, usePresentChannel } from '../hooks/use-present-channel';
import { ActivityTimer } from './activity-timer';
import { PresenceForm } from './presence-form';

/** Blocks where the class does something together: the teacher gets a timer for them. */
export const TIMED_BLOCKS: readonly string[] = ['activity', 'discussion', 'role-play'];

export function projectorPath(assignmentId: string, moduleId: string, version: string, lessonId: string) {
  return `/present/${[assignmentId, moduleId, version, lessonId].map(encodeURIComponent).join('/')}`;
}

/**
 * Facilitation mode: the teacher leads one lesson of an assignment in class. Their screen shows the current
 * block with the lesson's facilitator notes (teacher-only: they never reach the projector or a student), a
 * timer for activities, and opens the projector view in a new window, kept on the same block through a
 * BroadcastChannel. At the end the teacher records who was present.
 */
export function FacilitationPage() {
  const { t, i18n } = useTranslation();
  const { classId = '', assignmentId = '', lessonId = '' } = useParams();
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();
  const progress = useQuery(AssignmentProgressDocument, { variables: { assignmentId } });
  const found =
    progress.data?.assignmentProgress?.assignment.classId === classId
      ? progress.data.assignmentProgress
      : null;
  const lessons = useQuery(FacilitationLessonsDocument, {
    variables: {
      moduleId: found?.assignment.moduleId ?? '',
      version: found?.assignment.version,
      displayLanguage,
    },
    skip: !found,
  });
  const lesson = lessons.data?.moduleVersion?.lessons.find((l) => l.id === lessonId) ?? null;
  usePageTitle(
    lesson
      ? t('teacher.facilitation.pageTitle', { title: lesson.title })
      : progress.data && !found
        ? t('teacher.progress.notFound')
        : t('common.loading'),
  );

  const [block, setBlock] = useState(0);
  const timer = useRef({ remaining: 0, running: false });
  const post = usePresentChannel(presentChannelName(assignmentId, lessonId), (message, reply) => {
    if (message.type === 'hello') {
      reply({ type: 'show', block });
      reply({ type: 'timer', ...timer.current });
    } else if (message.type === 'show') {
      setBlock(message.block);
    }
  });
  const go = (next: number) => {
    setBlock(next);
    post({ type: 'show', block: next });
  };
  const onTimer = useCallback(
    (state: { remaining: number; running: boolean }) => {
      timer.current = state;
      post({ type: 'timer', ...state });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `post` reads the open channel from a ref
    [],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [block]);

  const progressPath = `/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(assignmentId)}`;
  const back = (
    <p className="back-link">
      <Link to={progressPath}>{t('teacher.facilitation.back')}</Link>
    </p>
  );
  const error = progress.error ?? lessons.error;
  if (error) {
    return (
      <div>
        {back}
        <QueryError error={error} onRetry={() => void progress.refetch()} />
      </div>
    );
  }
  if (!progress.data || (found && !lessons.data)) {
    return (
      <div>
        {back}
        <Loading />
      </div>
    );
  }
  if (!found || !lesson) {
    return (
      <div>
        {back}
        <h1>{t('teacher.progress.notFound')}</h1>
        <p>{t('teacher.progress.notFoundBody')}</p>
      </div>
    );
  }

  const blocks = lesson.blocks;
  const current = blocks[Math.min(block, blocks.length - 1)];
  const kind = current ? t(`teacher.facilitation.kind.${current.kind}`, { defaultValue: current.kind }) : '';
  const openProjector = () => {
    window.open(
      projectorPath(assignmentId, found.assignment.moduleId, found.assignment.version, lessonId),
      `haven-projector-${assignmentId}-${lessonId}`,
    );
  };

  return (
    <div className="facilitation">
      {back}
      <h1>{t('teacher.facilitation.pageTitle', { title: lesson.title })}</h1>
      <p className="card__meta">{found.assignment.title}</p>
      <p>
        <button type="button" className="button" onClick={openProjector}>
          {t('teacher.facilitation.openProjector')}
        </button>{' '}
        <span className="note">{t('teacher.facilitation.projectorNote')}</span>
      </p>
      <div className="facilitation__layout">
        <section className="facilitation__block" aria-labelledby="facilitation-block-title">
          <h2 id="facilitation-block-title" ref={heading} tabIndex={-1}>
            {t('teacher.facilitation.blockOf', { number: block + 1, total: blocks.length })}: {kind}
            {current?.title ? ` – ${current.title}` : ''}
          </h2>
          {current && (
            <SafeHtml html={current.html} headingLevel={3} lang={lessons.data?.moduleVersion?.language} />
          )}
          <nav className="facilitation__nav" aria-label={t('teacher.facilitation.navLabel')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={block === 0}
              onClick={() => go(block - 1)}
            >
              {t('teacher.facilitation.previous')}
            </button>
            <button
              type="button"
              className="button"
              disabled={block >= blocks.length - 1}
              onClick={() => go(block + 1)}
            >
              {t('teacher.facilitation.next')}
            </button>
          </nav>
          {current && TIMED_BLOCKS.includes(current.kind) && <ActivityTimer key={block} onChange={onTimer} />}
        </section>
        <aside className="facilitation__notes" aria-labelledby="facilitation-notes-title">
          <h2 id="facilitation-notes-title">{t('teacher.facilitation.notesTitle')}</h2>
          <p className="note">{t('teacher.facilitation.notesPrivate')}</p>
          {lesson.facilitatorNotes.length === 0 ? (
            <p>{t('teacher.facilitation.noNotes')}</p>
          ) : (
            lesson.facilitatorNotes.map((n, i) => (
              <div key={i}>
                {n.title && <h3>{n.title}</h3>}
                <SafeHtml html={n.html} headingLevel={4} />
              </div>
            ))
          )}
        </aside>
      </div>
      <section className="section">
        <PresenceForm
          assignmentId={assignmentId}
          lessonId={lessonId}
          defaultMinutes={lesson.minutes}
          students={found.students.map((s) => ({
            id: s.student.id,
            displayName: s.student.displayName,
            username: s.student.username,
            excusedForConsent: s.excusedForConsent,
          }))}
        />
        <p>
          <Link to={progressPath}>{t('teacher.facilitation.backToProgress')}</Link>
        </p>
      </section>
    </div>
  );
}
