import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import {
  AssignmentDeliveriesDocument,
  AssignmentProgressDocument,
  AssignmentTopicsDocument,
  type AssignmentProgressQuery,
} from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n/i18n';
import { formatDate, formatDateTime } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { ClassInsightsSection } from './class-insights-section';
import { MoveToNewerVersion } from './move-to-newer-version';

type Progress = NonNullable<AssignmentProgressQuery['assignmentProgress']>;
type Row = Progress['students'][number];
type Step = Progress['steps'][number];
type StepState = 'done' | 'inClass' | 'current' | 'notYet';

/** Where a student is on a step; `inClass` are the lesson ids taught in class with the student present. */
export function stepState(row: Row, step: Step, inClass: ReadonlySet<string> = new Set()): StepState {
  if (row.completedSteps.includes(step.index)) return 'done';
  if (step.kind === 'lesson' && inClass.has(step.id)) return 'inClass';
  if (row.currentStep === step.index && row.status !== 'not_started') return 'current';
  return 'notYet';
}

/**
 * Where each student of a class is in one assignment, with their reflections. Only staff who may see the
 * class get an answer from the API (anyone else: null, shown as "not found"); every read is audited there.
 * A reflection's text comes only to the class's own teachers: its school and district admins see that it
 * was written (text null), with a note in its place.
 * Individual rows are shown on purpose: this is the class's own teacher, not an aggregate beyond it.
 */
export function AssignmentProgressPage() {
  const { t, i18n } = useTranslation();
  const { classId = '', assignmentId = '' } = useParams();
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();
  const { data, error, refetch } = useQuery(AssignmentProgressDocument, {
    variables: { assignmentId },
    fetchPolicy: 'cache-and-network',
  });
  const deliveries = useQuery(AssignmentDeliveriesDocument, {
    variables: { assignmentId },
    fetchPolicy: 'cache-and-network',
  });
  const delivered = deliveries.data?.assignmentDeliveries ?? [];
  const presentFor = (studentId: string): Set<string> =>
    new Set(delivered.filter((d) => d.presentStudentIds.includes(studentId)).map((d) => d.lessonId));
  const progress = data?.assignmentProgress;
  const found = progress && progress.assignment.classId === classId ? progress : null;
  usePageTitle(found ? found.assignment.title : data ? t('teacher.progress.notFound') : t('common.loading'));

  // Labels for the topics of an alternative activity, in the teacher's language (the tag if unknown).
  const topics = useQuery(AssignmentTopicsDocument, {
    variables: {
      moduleId: found?.assignment.moduleId ?? '',
      version: found?.assignment.version,
      displayLanguage,
    },
    skip: !found || found.students.every((s) => s.alternativeTopics.length === 0),
  });
  const topicLabel = new Map((topics.data?.moduleVersion?.topics ?? []).map((x) => [x.tag, x.label]));
  const topicNames = (tags: readonly string[]) => tags.map((tag) => topicLabel.get(tag) ?? tag).join(', ');

  const back = (
    <p className="back-link">
      <Link to={`/teacher/classes/${encodeURIComponent(classId)}`}>{t('teacher.progress.back')}</Link>
    </p>
  );

  if (!data) {
    return (
      <div>
        {back}
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </div>
    );
  }
  if (!found) {
    return (
      <div>
        {back}
        <h1>{t('teacher.progress.notFound')}</h1>
        <p>{t('teacher.progress.notFoundBody')}</p>
      </div>
    );
  }

  const { assignment, steps, students } = found;
  const count = (status: Row['status']) => students.filter((s) => s.status === status).length;
  const excused = students.filter((s) => s.alternativeTopics.length > 0).length;
  const stepName = (step: Step) =>
    t('teacher.progress.stepFull', {
      number: step.index + 1,
      kind: t(`catalog.kind.${step.kind}`, { defaultValue: step.kind }),
      title: step.title,
    });
  const withReflections = students.filter((s) => s.reflections.length > 0);

  return (
    <div>
      {back}
      <h1>{assignment.title}</h1>
      <p>
        <Link
          to={`/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(assignment.id)}/letter/${displayLanguage === 'es' ? 'es' : 'en'}`}
        >
          {t('teacher.letter.link')}
        </Link>
      </p>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('teacher.assignments.version')}</dt>
          <dd>
            {assignment.version}
            <MoveToNewerVersion assignment={assignment} onMoved={() => void refetch()} />
          </dd>
        </div>
        <div>
          <dt>{t('teacher.assignments.opens')}</dt>
          <dd>{formatDate(assignment.opensAt, displayLanguage)}</dd>
        </div>
        <div>
          <dt>{t('teacher.assignments.due')}</dt>
          <dd>{formatDate(assignment.dueAt, displayLanguage) || t('teacher.assignments.noDue')}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="teach-in-class-title">
        <h2 id="teach-in-class-title">{t('teacher.facilitation.sectionTitle')}</h2>
        <p>{t('teacher.facilitation.sectionIntro')}</p>
        <ul className="teach-list">
          {steps
            .filter((step) => step.kind === 'lesson')
            .map((step) => (
              <li key={step.id}>
                <Link
                  to={`/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(assignment.id)}/teach/${encodeURIComponent(step.id)}`}
                  aria-label={t('teacher.facilitation.teachLessonNamed', { title: step.title })}
                >
                  {t('teacher.facilitation.teachLesson')}
                </Link>
                {': '}
                {step.title}
              </li>
            ))}
        </ul>
        {delivered.length > 0 && (
          <>
            <h3>{t('teacher.facilitation.deliveredTitle')}</h3>
            <ul>
              {delivered.map((d) => (
                <li key={d.id}>
                  {t('teacher.facilitation.deliveredItem', {
                    title: d.lessonTitle,
                    date: formatDateTime(d.deliveredAt, displayLanguage),
                    minutes: d.minutes,
                    by: d.deliveredByName,
                    count: d.presentStudentIds.length,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="progress-summary-title">
        <h2 id="progress-summary-title">{t('teacher.progress.summary')}</h2>
        <dl className="facts facts--inline progress-summary">
          <div>
            <dt>{t('teacher.progress.status.not_started')}</dt>
            <dd>{count('not_started')}</dd>
          </div>
          <div>
            <dt>{t('teacher.progress.status.in_progress')}</dt>
            <dd>{count('in_progress')}</dd>
          </div>
          <div>
            <dt>{t('teacher.progress.status.completed')}</dt>
            <dd>{count('completed')}</dd>
          </div>
          <div>
            <dt>{t('teacher.progress.excusedCount')}</dt>
            <dd>{excused}</dd>
          </div>
        </dl>
        <p className="note">{t('teacher.progress.excusedNote')}</p>
      </section>

      <section className="section" aria-labelledby="progress-steps-title">
        <h2 id="progress-steps-title">{t('teacher.progress.byStudent')}</h2>
        <ol className="sequence">
          {steps.map((step) => (
            <li key={step.index}>
              <span className="sequence__kind">
                {t(`catalog.kind.${step.kind}`, { defaultValue: step.kind })}
              </span>{' '}
              {step.title}
            </li>
          ))}
        </ol>
        {students.length === 0 ? (
          <p>{t('teacher.class.noStudents')}</p>
        ) : (
          // Many steps make the table scroll sideways: the wrapper takes focus so the keyboard can scroll it.
          <div className="table-wrap" role="region" aria-labelledby="progress-table-caption" tabIndex={0}>
            <table className="progress-table">
              <caption id="progress-table-caption">
                {t('teacher.progress.caption', { title: assignment.title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('teacher.class.name')}</th>
                  <th scope="col">{t('teacher.class.username')}</th>
                  <th scope="col">{t('teacher.progress.statusColumn')}</th>
                  {steps.map((step) => (
                    <th key={step.index} scope="col" className="progress-table__step">
                      <span aria-hidden="true" title={stepName(step)}>
                        {t('teacher.progress.stepShort', { number: step.index + 1 })}
                      </span>
                      <span className="visually-hidden">{stepName(step)}</span>
                    </th>
                  ))}
                  <th scope="col">{t('teacher.progress.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                {students.map((row) => {
                  const inClass = presentFor(row.student.id);
                  return (
                    <tr key={row.student.id}>
                      <th scope="row">
                        {row.student.displayName}
                        {row.needsFollowUp && (
                          <span className="follow-up-flag" data-testid="follow-up-flag">
                            <span aria-hidden="true">⚑ </span>
                            {t('teacher.progress.followUp')}
                          </span>
                        )}
                      </th>
                      <td>{row.student.username}</td>
                      <td>
                        <span className={`badge badge--${row.status}`}>
                          {t(`teacher.progress.status.${row.status}`)}
                        </span>
                        {row.excusedForConsent && (
                          <span className="excused">{t('teacher.progress.excusedForConsent')}</span>
                        )}
                        {row.alternativeTopics.length > 0 && (
                          <span className="excused">
                            {t('teacher.progress.excused', { topics: topicNames(row.alternativeTopics) })}
                          </span>
                        )}
                      </td>
                      {steps.map((step) => {
                        const state = stepState(row, step, inClass);
                        return (
                          <td key={step.index} className={`step-cell step-cell--${state}`}>
                            {t(`teacher.progress.cell.${state}`)}
                          </td>
                        );
                      })}
                      <td className="progress-table__activity">
                        {formatDateTime(row.lastActivityAt, displayLanguage) ||
                          t('teacher.progress.noActivity')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {students.some((s) => s.needsFollowUp) && (
          <p className="notice notice--info">{t('teacher.progress.followUpNote')}</p>
        )}
      </section>

      <ClassInsightsSection
        assignmentId={assignment.id}
        displayLanguage={displayLanguage}
        reflectionsId="progress-reflections-title"
      />

      <section className="section" aria-labelledby="progress-reflections-title">
        <h2 id="progress-reflections-title">{t('teacher.progress.reflections.title')}</h2>
        <div className="notice notice--info">
          <p>{t('teacher.progress.reflections.private')}</p>
          <p>{t('teacher.progress.reflections.concern')}</p>
        </div>
        {withReflections.length === 0 ? (
          <p>{t('teacher.progress.reflections.none')}</p>
        ) : (
          withReflections.map((row) => (
            <article
              key={row.student.id}
              className="reflections"
              aria-labelledby={`reflections-${row.student.id}`}
            >
              <h3 id={`reflections-${row.student.id}`}>
                {row.student.displayName} <span className="card__meta">({row.student.username})</span>
              </h3>
              <ul className="reflections__list">
                {row.reflections.map((r) => (
                  <li key={r.id}>
                    {r.text === null ? (
                      // Admins who may see the class learn that the student wrote something, not what.
                      <p className="reflections__text">{t('teacher.progress.reflections.hidden')}</p>
                    ) : (
                      <blockquote className="reflections__text">{r.text}</blockquote>
                    )}
                    <p className="card__meta">
                      <time dateTime={String(r.at)}>{formatDateTime(r.at, displayLanguage)}</time>
                    </p>
                  </li>
                ))}
              </ul>
            </article>
          ))
        )}
      </section>
    </div>
  );
}
