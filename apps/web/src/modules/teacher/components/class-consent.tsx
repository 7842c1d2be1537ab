import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassConsentDocument, RecordConsentDocument, RemoveConsentDocument } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';

type Kind = 'opt-out' | 'written-consent';

/**
 * Parental consent for a class, following the state's consent model: who may receive the instruction, and
 * buttons to record a parent's opt-out or written consent (dated today, with an optional note) or remove one.
 */
export function ClassConsent({ classId, schoolYear }: { classId: string; schoolYear: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(ClassConsentDocument, { variables: { classId, schoolYear } });
  const [record, { loading: recording }] = useMutation(RecordConsentDocument);
  const [remove, { loading: removing }] = useMutation(RemoveConsentDocument);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);

  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  const consent = data.classConsent;
  if (!consent) return null;
  const model = consent.model;
  const busy = recording || removing;

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    setFailed(false);
    try {
      await action();
      await refetch();
      setMessage(done);
    } catch {
      setMessage('');
      setFailed(true);
    }
  }

  const add = (studentId: string, name: string, kind: Kind) =>
    run(
      () =>
        record({
          variables: {
            input: {
              studentId,
              schoolYear,
              kind,
              ...(notes[studentId]?.trim() ? { note: notes[studentId]!.trim() } : {}),
            },
          },
        }),
      t(`teacher.consent.recorded.${kind}`, { name }),
    ).then(() => setNotes((n) => ({ ...n, [studentId]: '' })));

  return (
    <div>
      <p>{t(`teacher.consent.model.${model}`, { state: consent.state })}</p>
      {consent.students.length === 0 ? (
        <p>{t('teacher.class.noStudents')}</p>
      ) : (
        <TableRegion label={t('teacher.consent.caption')}>
          <table>
            <caption>{t('teacher.consent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teacher.class.name')}</th>
                <th scope="col">{t('teacher.consent.statusColumn')}</th>
                <th scope="col">{t('teacher.consent.records')}</th>
                <th scope="col">{t('teacher.consent.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {consent.students.map((s) => {
                const name = s.student.displayName;
                return (
                  <tr key={s.student.id}>
                    <th scope="row">{name}</th>
                    <td>
                      <span className={`badge badge--consent-${s.status}`}>
                        {t(`teacher.consent.status.${s.status}`)}
                      </span>
                      {s.optOutNotRecognised && (
                        <span className="note"> {t('teacher.consent.notRecognised')}</span>
                      )}
                    </td>
                    <td>
                      {s.records.length === 0 ? (
                        t('teacher.consent.noRecords')
                      ) : (
                        <ul className="plain-list">
                          {s.records.map((r) => (
                            <li key={r.id}>
                              {t(`teacher.consent.kind.${r.kind}`)} ({formatDate(r.recordedAt, i18n.language)}
                              ){r.moduleId ? ` · ${r.moduleId}` : ''}
                              {r.note ? ` · ${r.note}` : ''}{' '}
                              <button
                                type="button"
                                className="button button--link"
                                disabled={busy}
                                onClick={() =>
                                  void run(
                                    () => remove({ variables: { id: r.id } }),
                                    t('teacher.consent.removed', { name }),
                                  )
                                }
                              >
                                {t('teacher.consent.remove', {
                                  kind: t(`teacher.consent.kind.${r.kind}`),
                                  name,
                                })}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <label>
                        {t('teacher.consent.note', { name })}
                        <input
                          type="text"
                          maxLength={500}
                          value={notes[s.student.id] ?? ''}
                          onChange={(e) => setNotes((n) => ({ ...n, [s.student.id]: e.target.value }))}
                        />
                      </label>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        onClick={() => void add(s.student.id, name, 'opt-out')}
                      >
                        {t('teacher.consent.recordOptOut', { name })}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        onClick={() => void add(s.student.id, name, 'written-consent')}
                      >
                        {t('teacher.consent.recordWritten', { name })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p aria-live="polite">{message}</p>
      {failed && <p role="alert">{t('teacher.consent.failed')}</p>}
    </div>
  );
}
