import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'wouter';
import { isSchoolYear, schoolYearOf } from '@haven/domain';
import {
  CreateClassDocument,
  ManagedClassesDocument,
  SchoolStaffDocument,
  type ManagedClassesQuery,
} from '../../../gql/graphql';
import { formatGradeNumbers, formatGrades } from '../../layout/format';
import { SelectField } from '../../layout/components/select-field';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';

type ManagedSchool = ManagedClassesQuery['schools'][number];
type ManagedClass = ManagedClassesQuery['classes'][number];

/** The most classes listed at once (the API bounds lists too). */
export const CLASSES_PAGE_SIZE = 200;

/** The message for a refused class write: a duplicate name is said in the user's language. */
export function classErrorText(t: TFunction, e: unknown): string {
  if (CombinedGraphQLErrors.is(e)) {
    const first = e.errors[0];
    if (first?.extensions?.code === 'CONFLICT') return t('school.classes.errors.duplicate');
    if (first?.extensions?.code === 'NOT_FOUND') return t('school.classes.errors.notFound');
    if (first?.extensions?.code === 'BAD_USER_INPUT')
      return t('school.classes.errors.invalid', { message: first.message });
  }
  return t('school.classes.errors.failed');
}

/** Grade checkboxes for a school's range (0 = kindergarten). */
export function GradeChoices({
  lowest,
  highest,
  value,
  onChange,
  legend,
}: {
  lowest: number;
  highest: number;
  value: readonly number[];
  onChange: (grades: number[]) => void;
  legend: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const grades = Array.from({ length: highest - lowest + 1 }, (_, i) => lowest + i);
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {grades.map((g) => (
          <li key={g}>
            <input
              type="checkbox"
              id={`${id}-${g}`}
              checked={value.includes(g)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...value, g].sort((a, b) => a - b) : value.filter((x) => x !== g),
                )
              }
            />{' '}
            <label htmlFor={`${id}-${g}`}>{formatGrades(t, [g])}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Checkboxes of the school's staff who may teach a class. */
export function TeacherChoices({
  staff,
  value,
  onChange,
  legend,
}: {
  staff: readonly { id: string; displayName: string; email: string }[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  legend: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {staff.length === 0 ? (
        <p>{t('school.classes.noStaff')}</p>
      ) : (
        <ul className="checkbox-list">
          {staff.map((s) => (
            <li key={s.id}>
              <input
                type="checkbox"
                id={`${id}-${s.id}`}
                checked={value.includes(s.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, s.id] : value.filter((x) => x !== s.id))
                }
              />{' '}
              <label htmlFor={`${id}-${s.id}`}>
                {s.displayName} <span className="note">({s.email})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** /school/classes: the classes of the schools the caller manages, and a form to add one. */
export function ClassesPage() {
  const { t } = useTranslation();
  usePageTitle(t('school.classes.title'));
  const { data, error, refetch } = useQuery(ManagedClassesDocument);

  return (
    <div>
      <h1>{t('school.classes.title')}</h1>
      <p className="lead">{t('school.classes.intro')}</p>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : data.schools.length === 0 ? (
        <p>{t('school.overview.empty')}</p>
      ) : (
        <>
          {data.schools.map((school) => (
            <SchoolClasses
              key={school.id}
              school={school}
              classes={data.classes.filter((c) => c.school.id === school.id)}
            />
          ))}
          {data.classes.length >= CLASSES_PAGE_SIZE && (
            <p className="note">{t('school.classes.truncated', { limit: CLASSES_PAGE_SIZE })}</p>
          )}
          <CreateClassForm schools={data.schools} />
        </>
      )}
    </div>
  );
}

function SchoolClasses({ school, classes }: { school: ManagedSchool; classes: readonly ManagedClass[] }) {
  const { t } = useTranslation();
  const caption = t('school.classes.caption', { name: school.name });
  return (
    <section className="section" aria-labelledby={`classes-${school.id}`}>
      <h2 id={`classes-${school.id}`}>{school.name}</h2>
      {classes.length === 0 ? (
        <p>{t('school.overview.noClasses')}</p>
      ) : (
        <TableRegion label={caption}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('class.name')}</th>
                <th scope="col">{t('class.grades')}</th>
                <th scope="col">{t('class.schoolYear')}</th>
                <th scope="col">{t('school.classes.teachers')}</th>
                <th scope="col" className="numeric">
                  {t('class.students')}
                </th>
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/school/classes/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{formatGradeNumbers(t, c.gradeLevels)}</td>
                  <td>{c.schoolYear}</td>
                  <td>
                    {c.teachers.length
                      ? c.teachers.map((x) => x.displayName).join(', ')
                      : t('school.classes.noTeachers')}
                  </td>
                  <td className="numeric">{c.studentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

type Message =
  { kind: 'success'; text: string; classId: string; name: string } | { kind: 'error'; text: string };

function CreateClassForm({ schools }: { schools: readonly ManagedSchool[] }) {
  const { t } = useTranslation();
  const [schoolId, setSchoolId] = useState(schools.length === 1 ? schools[0]!.id : '');
  const [name, setName] = useState('');
  const [grades, setGrades] = useState<number[]>([]);
  const [schoolYear, setSchoolYear] = useState(schoolYearOf(new Date()));
  const [teacherIds, setTeacherIds] = useState<string[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const school = schools.find((s) => s.id === schoolId);
  const staff = useQuery(SchoolStaffDocument, { variables: { schoolId }, skip: !schoolId });
  const [create, { loading }] = useMutation(CreateClassDocument, {
    refetchQueries: [ManagedClassesDocument],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = [
      !school && t('school.classes.form.school'),
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
      const r = await create({
        variables: { input: { schoolId, name: name.trim(), gradeLevels: grades, schoolYear, teacherIds } },
      });
      const created = r.data!.createClass;
      setMessage({
        kind: 'success',
        text: t('school.classes.form.created', { name: created.name }),
        classId: created.id,
        name: created.name,
      });
      setName('');
      setGrades([]);
      setTeacherIds([]);
      nameRef.current?.focus();
    } catch (err) {
      setMessage({ kind: 'error', text: classErrorText(t, err) });
    }
  };

  return (
    <section className="section card" aria-labelledby="create-class-title">
      <h2 id="create-class-title">{t('school.classes.form.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {schools.length > 1 && (
          <SelectField
            label={t('school.classes.form.school')}
            value={schoolId}
            onChange={(e) => {
              setSchoolId(e.target.value);
              setGrades([]);
              setTeacherIds([]);
            }}
            required
          >
            <option value="">{t('school.classes.form.chooseSchool')}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('school.classes.form.name')}
          hint={t('school.classes.form.nameHint')}
          value={name}
          maxLength={120}
          inputRef={nameRef}
          onChange={(e) => setName(e.target.value)}
          required
        />
        {school && (
          <GradeChoices
            lowest={school.lowestGrade}
            highest={school.highestGrade}
            value={grades}
            onChange={setGrades}
            legend={t('school.classes.form.grades')}
          />
        )}
        <TextField
          label={t('school.classes.form.year')}
          hint={t('school.classes.form.yearHint')}
          value={schoolYear}
          maxLength={9}
          pattern="[0-9]{4}-[0-9]{4}"
          onChange={(e) => setSchoolYear(e.target.value)}
          required
        />
        {school &&
          (staff.data?.school ? (
            <TeacherChoices
              staff={staff.data.school.staff}
              value={teacherIds}
              onChange={setTeacherIds}
              legend={t('school.classes.form.teachers')}
            />
          ) : staff.error ? (
            <QueryError error={staff.error} onRetry={() => void staff.refetch()} />
          ) : (
            <Loading />
          ))}
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('school.classes.form.creating') : t('school.classes.form.create')}
        </button>
        <div aria-live="polite">
          {message?.kind === 'success' && (
            <p className="notice" role="status">
              {message.text}{' '}
              <Link to={`/school/classes/${message.classId}`}>
                {t('school.classes.form.editLink', { name: message.name })}
              </Link>
            </p>
          )}
        </div>
        {message?.kind === 'error' && (
          <p className="notice notice--error" role="alert">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
