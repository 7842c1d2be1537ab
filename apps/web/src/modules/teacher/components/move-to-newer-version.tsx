import { useEffect, useId, useRef, useState } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MoveAssignmentToVersionDocument, type TeacherAssignmentFieldsFragment } from '../../../gql/graphql';

type Problem = { key: 'notFound' | 'signedOut' | 'failed' } | { message: string };

/**
 * A refusal the API explains (BAD_USER_INPUT: students already started, or the version may not be given to
 * this class) is shown as the API words it; anything else by its code.
 */
function problemOf(error: unknown): Problem {
  if (!CombinedGraphQLErrors.is(error)) return { key: 'failed' };
  const refusal = error.errors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
  if (refusal) return { message: refusal.message };
  const codes = error.errors.map((e) => e.extensions?.['code']);
  if (codes.includes('UNAUTHENTICATED')) return { key: 'signedOut' };
  if (codes.includes('NOT_FOUND')) return { key: 'notFound' };
  return { key: 'failed' };
}

/**
 * "Version 1.2.0 is available" with a button to move the assignment to it, after a confirmation. The API
 * refuses once a student has started; the moved assignment updates in the cache wherever it is shown.
 * `describedBy` names what the button acts on (e.g. the assignment's title in a list of several).
 */
export function MoveToNewerVersion({
  assignment,
  describedBy,
  onMoved,
}: {
  assignment: TeacherAssignmentFieldsFragment;
  describedBy?: string;
  onMoved?: () => void;
}) {
  const { t } = useTranslation();
  const [move, { loading }] = useMutation(MoveAssignmentToVersionDocument);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [moved, setMoved] = useState<string | null>(null);
  const moveRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const movedRef = useRef<HTMLParagraphElement>(null);
  const questionId = useId();
  const target = assignment.newerVersion;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (moved && !target) movedRef.current?.focus();
  }, [moved, target]);

  function cancel(): void {
    setConfirming(false);
    // The button it replaced comes back: keep the keyboard where it was.
    requestAnimationFrame(() => moveRef.current?.focus());
  }

  async function confirm(): Promise<void> {
    if (loading || !target) return;
    setProblem(null);
    setAttempt((n) => n + 1);
    try {
      const result = await move({ variables: { input: { assignmentId: assignment.id, version: target } } });
      if (!result.data?.moveAssignmentToVersion) throw new Error('No data');
      setMoved(result.data.moveAssignmentToVersion.version);
      setConfirming(false);
      onMoved?.();
    } catch (error) {
      setProblem(problemOf(error));
      setConfirming(false);
      requestAnimationFrame(() => moveRef.current?.focus());
    }
  }

  if (!target) {
    // The button is gone: the confirmation takes the keyboard focus, so it is read out where the button was.
    return moved ? (
      <p className="note" role="status" tabIndex={-1} ref={movedRef}>
        {t('teacher.newerVersion.moved', { version: moved })}
      </p>
    ) : null;
  }
  return (
    <div className="newer-version">
      <p className="note">{t('teacher.newerVersion.available', { version: target })}</p>
      {problem && (
        <p key={attempt} className="notice notice--error" role="alert">
          {'message' in problem ? problem.message : t(`teacher.newerVersion.errors.${problem.key}`)}
        </p>
      )}
      {confirming ? (
        <div role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('teacher.newerVersion.confirm', { from: assignment.version, to: target })}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button button--primary"
            aria-disabled={loading || undefined}
            onClick={() => void confirm()}
          >
            {loading
              ? t('teacher.newerVersion.moving')
              : t('teacher.newerVersion.confirmMove', { version: target })}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('teacher.newerVersion.cancel')}
          </button>
        </div>
      ) : (
        <button
          ref={moveRef}
          type="button"
          className="button button--secondary"
          aria-describedby={describedBy}
          onClick={() => {
            setProblem(null);
            setConfirming(true);
          }}
        >
          {t('teacher.newerVersion.move', { version: target })}
        </button>
      )}
    </div>
  );
}
