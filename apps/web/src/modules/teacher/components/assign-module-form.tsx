import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AssignableModulesDocument, AssignModuleDocument } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n/i18n';
import { SelectField } from '../../layout/components/select-field';
import { QueryError } from '../../layout/components/status';
import { TextField } from '../../layout/components/text-field';

type Problem = 'noModule' | 'dates' | 'notFound' | 'alreadyAssigned' | 'signedOut' | 'failed';

const MESSAGE: Record<Problem, string> = {
  noModule: 'teacher.assign.errors.noModule',
  dates: 'teacher.assign.errors.dates',
  notFound: 'teacher.assign.errors.notFound',
  alreadyAssigned: 'teacher.assign.errors.alreadyAssigned',
  signedOut: 'common.sessionEnded',
  failed: 'teacher.assign.errors.failed',
};

/** What went wrong, by the API's error code; never the server's raw message. */
function problemOf(error: unknown): Problem {
  if (!CombinedGraphQLErrors.is(error)) return 'failed';
  const codes = error.errors.map((e) => e.extensions?.['code']);
  if (codes.includes('UNAUTHENTICATED')) return 'signedOut';
  if (codes.includes('BAD_USER_INPUT')) return 'dates';
  if (codes.includes('NOT_FOUND')) return 'notFound';
  if (codes.includes('CONFLICT')) return 'alreadyAssigned';
  return 'failed';
}

/** "YYYY-MM-DD" for today on this device: the earliest due date a date input offers. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A due date picked as a day means the end of that day, where the teacher is. */
export function dueAtOf(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

/**
 * Assigns a module to a class: the modules offered are those for the class's grades, in the teacher's
 * language. A new assignment joins the class's list in the cache, so the list updates without reloading.
 */
export function AssignModuleForm({
  classId,
  className,
  gradeLevels,
  assigned,
}: {
  classId: string;
  className: string;
  gradeLevels: readonly number[];
  /** The class's assignments: a module whose latest version the class already has is shown but not offered. */
  assigned: readonly { moduleId: string; version: string }[];
}) {
  const { t, i18n } = useTranslation();
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();
  // One grade: the API filters. Several: fetch the catalog and keep the modules for any of them.
  const modulesQuery = useQuery(AssignableModulesDocument, {
    variables: {
      first: 100,
      displayLanguage,
      ...(gradeLevels.length === 1 && { grade: gradeLevels[0] }),
    },
  });
  const modules = useMemo(() => {
    const all = (modulesQuery.data ?? modulesQuery.previousData)?.modules ?? [];
    if (gradeLevels.length === 0) return all;
    return all.filter((m) => m.grades.some((g) => gradeLevels.includes(g)));
  }, [modulesQuery.data, modulesQuery.previousData, gradeLevels]);

  const [assign, { loading }] = useMutation(AssignModuleDocument);
  const [moduleId, setModuleId] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [success, setSuccess] = useState('');
  const moduleRef = useRef<HTMLSelectElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (loading) return;
    setAttempt((n) => n + 1);
    setSuccess('');
    if (!moduleId) {
      setProblem('noModule');
      moduleRef.current?.focus();
      return;
    }
    setProblem(null);
    const dueAt = dueAtOf(due);
    try {
      const result = await assign({
        variables: { input: { classId, moduleId, ...(dueAt && { dueAt }) } },
        update(cache, { data }) {
          const created = data?.assignModule;
          if (!created) return;
          cache.modify({
            id: cache.identify({ __typename: 'Class', id: classId }),
            fields: {
              assignments(existing, { toReference, readField }) {
                const list = Array.isArray(existing) ? existing : [];
                if (list.some((ref) => readField('id', ref) === created.id)) return list;
                return [...list, toReference({ __typename: 'AssignmentModel', id: created.id })];
              },
            },
          });
        },
      });
      const created = result.data?.assignModule;
      if (!created) throw new Error('No data');
      setSuccess(t('teacher.assign.success', { title: created.title, className }));
      setModuleId('');
      setDue('');
    } catch (error) {
      setProblem(problemOf(error));
    }
  }

  if (modulesQuery.error && !modulesQuery.data) {
    return <QueryError error={modulesQuery.error} onRetry={() => void modulesQuery.refetch()} />;
  }
  return (
    <form className="assign-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {problem && (
        <p key={attempt} className="notice notice--error" role="alert">
          {t(MESSAGE[problem])}
        </p>
      )}
      <div className="filters__grid">
        <SelectField
          label={t('teacher.assign.module')}
          hint={t('teacher.assign.moduleHint')}
          value={moduleId}
          onChange={(event) => setModuleId(event.target.value)}
          selectRef={moduleRef}
          required
          aria-invalid={problem === 'noModule' || undefined}
        >
          <option value="">
            {modulesQuery.loading && !modulesQuery.data ? t('common.loading') : t('teacher.assign.choose')}
          </option>
          {modules.map((m) => {
            const has = assigned.some((a) => a.moduleId === m.moduleId && a.version === m.version);
            return (
              <option key={m.moduleId} value={m.moduleId} lang={m.language} disabled={has}>
                {t(has ? 'teacher.assign.optionAssigned' : 'teacher.assign.option', {
                  title: m.title,
                  band: m.gradeBand,
                  version: m.version,
                })}
              </option>
            );
          })}
        </SelectField>
        <TextField
          label={t('teacher.assign.due')}
          hint={t('teacher.assign.dueHint')}
          type="date"
          min={today()}
          value={due}
          onChange={(event) => setDue(event.target.value)}
          invalid={problem === 'dates'}
        />
      </div>
      {modulesQuery.data && modules.length === 0 && <p>{t('teacher.assign.noModules')}</p>}
      <button type="submit" className="button button--primary" aria-busy={loading || undefined}>
        {t('teacher.assign.submit')}
      </button>
      <p className="status" role="status">
        {loading ? t('teacher.assign.assigning') : success}
      </p>
    </form>
  );
}
