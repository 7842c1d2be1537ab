import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { isSchoolYear } from '@haven/domain';
import {
  ClassEditorDocument,
  EnrollStudentsDocument,
  SchoolStudentsDocument,
  SetClassTeachersDocument,
  UnenrollStudentsDocument,
  UpdateClassDocument,
  type ClassEditorQuery,
} from '../../../gql/graphql';
import { formatGradeNumbers } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { TextField } from '../../layout/components/text-field';
import { NotFoundPage } from '../../layout/components/not-found-page';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { classErrorText, GradeChoices, TeacherChoices } from './classes-page';

type EditedClass = NonNullable<ClassEditorQuery['class']>;
type Message = { kind: 'success' | 'error'; text: string } | null;

function FormMessage({ message }: { message: Message }) {
  return (
    <>
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
    </>
  );
}

/** /school/classes/:classId: rename a class, change its grades and year, its teachers and its students. */
export function ClassEditPage() {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const { data, error, refetch } = useQuery(ClassEditorDocument, { variables: { id: classId } });
  usePageTitle(
    data?.class ? t('school.classes.edit.title', { name: data.class.name }) : t('school.classes.title'),
  );

  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  if (!data.class) return <NotFoundPage />;
  const cls = data.class;
  return (
    <div>
      <p className="back-link">
        <Link to="/school/classes">{t('school.classes.edit.back')}</Link>
      </p>
      <h1>{t('school.classes.edit.title', { name: cls.name })}</h1>
      <p className="lead">
        {cls.school.name} · {formatGradeNumbers(t, cls.gradeLevels)} · {cls.schoolYear}
      </p>
      <DetailsForm cls={cls} />
      <TeachersForm cls={cls} />
      <StudentsSection cls={cls} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="section card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function DetailsForm({ cls }: { cls: EditedClass }) {
  const { t } = useTranslation();
  const [name, setName] = useState(cls.name);
  const [grades, setGrades] = useState<number[]>(cls.gradeLevels);
  const [schoolYear, setSchoolYear] = useState(cls.schoolYear);
  const [message, setMessage] = useState<Message>(null);
  const [update, { loading }] = useMutation(UpdateClassDocument);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = [
      !name.trim() && t('school.classes.form.name'),
      !grades.length && t('school.classes.form.grades'),
      !isSchoolYear(schoolYear) && t('school.classes.form.year'),
    ].filter(Boolean);
    if (missing.length) {
      setMessage({
        kind: 'error',
        text: t('school.classes.form.incomplete', { fields: missing.join(', ') }),
      });
      return;
    }
    setMessage(null);
    try {
      const r = await update({
        variables: { input: { classId: cls.id, name: name.trim(), gradeLevels: grades, schoolYear } },
      });
      setMessage({
        kind: 'success',
        text: t('school.classes.edit.saved', { name: r.data!.updateClass.name }),
      });
    } catch (err) {
      setMessage({ kind: 'error', text: classErrorText(t, err) });
    }
  };

  return (
    <Section title={t('school.classes.edit.details')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('school.classes.form.name')}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <GradeChoices
          lowest={cls.school.lowestGrade}
          highest={cls.school.highestGrade}
          value={grades}
          onChange={setGrades}
          legend={t('school.classes.form.grades')}
        />
        <TextField
          label={t('school.classes.form.year')}
          hint={t('school.classes.form.yearHint')}
          value={schoolYear}
          maxLength={9}
          onChange={(e) => setSchoolYear(e.target.value)}
          required
        />
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('school.classes.edit.saving') : t('school.classes.edit.save')}
        </button>
        <FormMessage message={message} />
      </form>
    </Section>
  );
}

function TeachersForm({ cls }: { cls: EditedClass }) {
  const { t } = useTranslation();
  const [teacherIds, setTeacherIds] = useState<string[]>(cls.teachers.map((x) => x.id));
  const [message, setMessage] = useState<Message>(null);
  const [save, { loading }] = useMutation(SetClassTeachersDocument);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await save({ variables: { input: { classId: cls.id, teacherIds } } });
      setMessage({ kind: 'success', text: t('school.classes.edit.teachersSaved') });
    } catch (err) {
      setMessage({ kind: 'error', text: classErrorText(t, err) });
    }
  };

  return (
    <Section title={t('school.classes.teachers')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TeacherChoices
          staff={cls.school.staff}
          value={teacherIds}
          onChange={setTeacherIds}
          legend={t('school.classes.form.teachers')}
        />
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('school.classes.edit.saveTeachers')}
        </button>
        <FormMessage message={message} />
      </form>
    </Section>
  );
}

function StudentsSection({ cls }: { cls: EditedClass }) {
  const { t } = useTranslation();
  const id = useId();
  const [toRemove, setToRemove] = useState<string[]>([]);
  const [toAdd, setToAdd] = useState<string[]>([]);
  const [allGrades, setAllGrades] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const candidates = useQuery(SchoolStudentsDocument, {
    variables: { schoolId: cls.school.id, gradeLevels: allGrades ? null : cls.gradeLevels },
  });
  const refetch = { refetchQueries: [ClassEditorDocument], awaitRefetchQueries: true };
  const [enroll, enrolling] = useMutation(EnrollStudentsDocument, refetch);
  const [unenroll, unenrolling] = useMutation(UnenrollStudentsDocument, refetch);
  const enrolled = new Set(cls.students.map((s) => s.id));
  const available = (candidates.data?.school?.students ?? []).filter((s) => !enrolled.has(s.id));

  const run = async (kind: 'add' | 'remove') => {
    const ids = kind === 'add' ? toAdd : toRemove;
    if (!ids.length) {
      setMessage({ kind: 'error', text: t('school.classes.students.pick') });
      return;
    }
    setMessage(null);
    try {
      const input = { classId: cls.id, studentIds: ids };
      await (kind === 'add' ? enroll({ variables: { input } }) : unenroll({ variables: { input } }));
      setMessage({
        kind: 'success',
        text: t(kind === 'add' ? 'school.classes.students.enrolled' : 'school.classes.students.unenrolled', {
          count: ids.length,
        }),
      });
      if (kind === 'add') setToAdd([]);
      else setToRemove([]);
    } catch (err) {
      setMessage({ kind: 'error', text: classErrorText(t, err) });
    }
  };

  const toggle = (list: string[], set: (v: string[]) => void, sid: string, on: boolean) =>
    set(on ? [...list, sid] : list.filter((x) => x !== sid));

  return (
    <Section title={t('school.classes.students.title', { count: cls.students.length })}>
      {cls.students.length === 0 ? (
        <p>{t('school.classes.students.none')}</p>
      ) : (
        <TableRegion label={t('school.classes.students.enrolledCaption')}>
          <table>
            <caption>{t('school.classes.students.enrolledCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.classes.students.select')}</th>
                <th scope="col">{t('school.classes.students.name')}</th>
                <th scope="col">{t('school.classes.students.username')}</th>
                <th scope="col">{t('school.classes.students.grade')}</th>
              </tr>
            </thead>
            <tbody>
              {cls.students.map((s) => (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      id={`${id}-out-${s.id}`}
                      aria-label={t('school.classes.students.selectToUnenroll', { name: s.displayName })}
                      checked={toRemove.includes(s.id)}
                      onChange={(e) => toggle(toRemove, setToRemove, s.id, e.target.checked)}
                    />
                  </td>
                  <th scope="row">{s.displayName}</th>
                  <td>
                    <code>{s.username}</code>
                  </td>
                  <td>{formatGradeNumbers(t, [s.gradeLevel])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {cls.students.length > 0 && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={unenrolling.loading}
            onClick={() => void run('remove')}
          >
            {t('school.classes.students.unenroll', { count: toRemove.length })}
          </button>
        </p>
      )}

      <h3>{t('school.classes.students.addTitle')}</h3>
      <div className="field check-row">
        <input
          type="checkbox"
          id={`${id}-all`}
          checked={allGrades}
          onChange={(e) => {
            setAllGrades(e.target.checked);
            setToAdd([]);
          }}
        />{' '}
        <label htmlFor={`${id}-all`}>{t('school.classes.students.allGrades')}</label>
      </div>
      {!candidates.data ? (
        candidates.error ? (
          <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : (
          <Loading />
        )
      ) : available.length === 0 ? (
        <p>{t('school.classes.students.noneToAdd')}</p>
      ) : (
        <fieldset className="field">
          <legend>{t('school.classes.students.addLegend')}</legend>
          <ul className="checkbox-list">
            {available.map((s) => (
              <li key={s.id}>
                <input
                  type="checkbox"
                  id={`${id}-in-${s.id}`}
                  checked={toAdd.includes(s.id)}
                  onChange={(e) => toggle(toAdd, setToAdd, s.id, e.target.checked)}
                />{' '}
                <label htmlFor={`${id}-in-${s.id}`}>
                  {s.displayName}{' '}
                  <span className="note">
                    ({s.username}, {formatGradeNumbers(t, [s.gradeLevel])})
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {available.length > 0 && (
        <button
          type="button"
          className="button button--primary"
          disabled={enrolling.loading}
          onClick={() => void run('add')}
        >
          {t('school.classes.students.enroll', { count: toAdd.length })}
        </button>
      )}
      <FormMessage message={message} />
    </Section>
  );
}
