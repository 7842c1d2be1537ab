import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RecordTrainingDocument, StaffTrainingDocument, type StaffTrainingQuery } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { SelectField } from '../../layout/components/select-field';
import { Loading, QueryError } from '../../layout/components/status';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { roleLabels, TrainingRecordLine } from './training-parts';
import { TableRegion } from '../../layout/components/table-region';

type Staff = StaffTrainingQuery['staffTraining'][number];
type Course = StaffTrainingQuery['trainingCourses'][number];

const today = (): string => new Date().toISOString().slice(0, 10);

/** /district/training: who holds which training, what expires soon, and recording a completion. */
export function TrainingPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.title'));
  const { data, error, refetch } = useQuery(StaffTrainingDocument);
  const expiring = (data?.staffTraining ?? []).flatMap((staff) =>
    staff.records.filter((r) => r.current && r.expiringSoon).map((record) => ({ staff, record })),
  );

  return (
    <div>
      <h1>{t('training.title')}</h1>
      <p className="lead">{t('training.intro')}</p>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <section className="section" aria-labelledby="expiring-title">
            <h2 id="expiring-title">{t('training.expiring.title')}</h2>
            {expiring.length === 0 ? (
              <p>{t('training.expiring.none')}</p>
            ) : (
              <div className="notice notice--warning">
                <ul>
                  {expiring.map(({ staff, record }) => (
                    <li key={record.id}>
                      {t('training.expiring.item', {
                        name: staff.displayName,
                        course: record.courseTitle,
                        date: formatDate(record.expiresAt, i18n.language),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby="staff-title">
            <h2 id="staff-title">{t('training.staff.title')}</h2>
            {data.staffTraining.length === 0 ? (
              <p>{t('training.staff.empty')}</p>
            ) : (
              <StaffTable staff={data.staffTraining} />
            )}
          </section>

          <section className="section" aria-labelledby="record-title">
            <h2 id="record-title">{t('training.form.title')}</h2>
            <RecordTrainingForm staff={data.staffTraining} courses={data.trainingCourses} />
          </section>
        </>
      )}
    </div>
  );
}

export function StaffTable({ staff }: { staff: readonly Staff[] }) {
  const { t } = useTranslation();
  return (
    <TableRegion label={t('training.staff.caption')}>
      <table>
        <caption>{t('training.staff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.staff.name')}</th>
            <th scope="col">{t('training.staff.email')}</th>
            <th scope="col">{t('training.staff.roles')}</th>
            <th scope="col">{t('training.staff.trainings')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((person) => (
            <tr key={person.userId}>
              <th scope="row">{person.displayName}</th>
              <td>{person.email}</td>
              <td>{roleLabels(t, person.roles)}</td>
              <td>
                {person.records.length === 0 ? (
                  t('training.staff.noTrainings')
                ) : (
                  <ul className="plain-list training-list">
                    {person.records.map((record) => (
                      <li key={record.id}>
                        <TrainingRecordLine record={record} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type Message = { kind: 'success' | 'error'; text: string } | null;

function RecordTrainingForm({ staff, courses }: { staff: readonly Staff[]; courses: readonly Course[] }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [courseCode, setCourseCode] = useState('');
  const [completedOn, setCompletedOn] = useState(today());
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [record, { loading }] = useMutation(RecordTrainingDocument, {
    refetchQueries: [StaffTrainingDocument],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const person = staff.find((s) => s.userId === userId);
    const course = courses.find((c) => c.code === courseCode);
    if (!person || !course || !/^\d{4}-\d{2}-\d{2}$/.test(completedOn)) {
      setMessage({ kind: 'error', text: t('training.form.incomplete') });
      return;
    }
    if (completedOn > today()) {
      setMessage({ kind: 'error', text: t('training.form.future') });
      return;
    }
    setMessage(null);
    try {
      await record({
        variables: {
          input: {
            userId,
            courseCode,
            completedAt: `${completedOn}T12:00:00.000Z`,
            source: 'external',
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        },
      });
      setMessage({
        kind: 'success',
        text: t('training.form.saved', { course: course.title, name: person.displayName }),
      });
      setNote('');
    } catch {
      setMessage({ kind: 'error', text: t('training.form.failed') });
    }
  }

  return (
    <form className="training-form" onSubmit={(event) => void submit(event)} noValidate>
      <SelectField
        label={t('training.form.staff')}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        required
      >
        <option value="">{t('training.form.chooseStaff')}</option>
        {staff.map((s) => (
          <option key={s.userId} value={s.userId}>
            {s.displayName} ({s.email})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('training.form.course')}
        value={courseCode}
        onChange={(e) => setCourseCode(e.target.value)}
        required
      >
        <option value="">{t('training.form.chooseCourse')}</option>
        {courses.map((c) => (
          <option key={c.code} value={c.code}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('training.form.date')}
        type="date"
        value={completedOn}
        max={today()}
        onChange={(e) => setCompletedOn(e.target.value)}
        required
      />
      <TextField
        label={t('training.form.note')}
        hint={t('training.form.noteHint')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? t('training.form.saving') : t('training.form.submit')}
      </button>
      <div aria-live="polite">
        {message?.kind === 'success' && (
          <p className="notice" role="status">
            {message.text}
          </p>
        )}
      </div>
      {message?.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      )}
    </form>
  );
}
