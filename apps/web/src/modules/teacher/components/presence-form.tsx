import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import { AssignmentDeliveriesDocument, RecordDeliveryDocument } from '../../../gql/graphql';

export interface PresenceStudent {
  id: string;
  displayName: string;
  username: string;
  excusedForConsent: boolean;
}

/**
 * At the end of a lesson taught in class: who was present (every student ticked to start with, except those
 * the parental consent rules excuse, who cannot be marked present) and how many minutes were taught.
 */
export function PresenceForm({
  assignmentId,
  lessonId,
  defaultMinutes,
  students,
  onSaved,
}: {
  assignmentId: string;
  lessonId: string;
  defaultMinutes: number;
  students: readonly PresenceStudent[];
  onSaved?: (present: number) => void;
}) {
  const { t } = useTranslation();
  const [present, setPresent] = useState(
    () => new Set(students.filter((s) => !s.excusedForConsent).map((s) => s.id)),
  );
  const [minutes, setMinutes] = useState(String(defaultMinutes));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  // The progress page reads who was present in class: refresh it once the attendance is saved.
  const [record, { loading }] = useMutation(RecordDeliveryDocument, {
    refetchQueries: [{ query: AssignmentDeliveriesDocument, variables: { assignmentId } }],
  });
  const excused = students.filter((s) => s.excusedForConsent);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 600) {
      setProblem(t('teacher.facilitation.presence.badMinutes'));
      return;
    }
    setProblem('');
    try {
      const result = await record({
        variables: { input: { assignmentId, lessonId, minutes: m, presentStudentIds: [...present] } },
      });
      const count = result.data?.recordDelivery.presentStudentIds.length ?? present.size;
      setSaved(count);
      onSaved?.(count);
    } catch (err) {
      // Refusals the teacher can act on (training, consent, enrolment) are shown as the server words them;
      // anything else gets a plain message, never a raw error.
      const first = CombinedGraphQLErrors.is(err) ? err.errors[0] : undefined;
      const code = first?.extensions?.['code'];
      setProblem(
        first && (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')
          ? first.message
          : t('teacher.facilitation.presence.failed'),
      );
    }
  };

  if (saved !== null) {
    return (
      <p role="status" className="notice notice--info">
        {t('teacher.facilitation.presence.saved', { count: saved })}
      </p>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="presence-title">
      <h2 id="presence-title">{t('teacher.facilitation.presence.title')}</h2>
      <p>{t('teacher.facilitation.presence.intro')}</p>
      <fieldset>
        <legend>{t('teacher.facilitation.presence.legend')}</legend>
        {students.length === 0 && <p>{t('teacher.class.noStudents')}</p>}
        <ul className="checklist">
          {students.map((s) => (
            <li key={s.id}>
              <input
                type="checkbox"
                id={`present-${s.id}`}
                checked={present.has(s.id)}
                disabled={s.excusedForConsent}
                aria-describedby={s.excusedForConsent ? `excused-${s.id}` : undefined}
                onChange={(e) => {
                  const next = new Set(present);
                  if (e.target.checked) next.add(s.id);
                  else next.delete(s.id);
                  setPresent(next);
                }}
              />{' '}
              <label htmlFor={`present-${s.id}`}>
                {s.displayName} <span className="card__meta">({s.username})</span>
              </label>
              {s.excusedForConsent && (
                <span id={`excused-${s.id}`} className="excused">
                  {t('teacher.facilitation.presence.excused')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      {excused.length > 0 && (
        <p className="notice notice--info">
          {t('teacher.facilitation.presence.excusedNote', { count: excused.length })}
        </p>
      )}
      <p>
        <label htmlFor="presence-minutes">{t('teacher.facilitation.presence.minutes')}</label>{' '}
        <input
          id="presence-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </p>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={loading}>
        {loading ? t('teacher.facilitation.presence.saving') : t('teacher.facilitation.presence.save')}
      </button>
    </form>
  );
}
