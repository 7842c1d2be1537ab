import { useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ImportRunsDocument,
  SchoolImportRunsDocument,
  type ImportRunFieldsFragment,
} from '../../../gql/graphql';
import { formatDateTime } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import {
  ENTITY_KINDS,
  ImportFailure,
  OUTSIDE_SCOPE,
  pinsCsv,
  postImport,
  zipFolder,
  type CreatedStudent,
  type ImportAnswer,
  type ImportMode,
  type ImportScope,
  type KindCounts,
  type RosterIssue,
} from './roster-import-api';

interface Upload {
  zip: Blob;
  fileName: string;
}

function failureText(t: TFunction, e: unknown, scope: ImportScope): string {
  if (e instanceof ImportFailure) {
    if (e.status === 0) return t('district.rostering.errors.network');
    if (e.status === 413) return t('district.rostering.errors.tooLarge');
    if (e.status === 401 || e.status === 403 || (scope === 'school' && e.status === 404))
      return scope === 'school'
        ? t('school.rostering.notAllowed')
        : t('district.rostering.errors.notAllowed');
    return e.serverMessage
      ? t('district.rostering.errors.refused', { message: e.serverMessage })
      : t('district.rostering.errors.failed');
  }
  return t('district.rostering.errors.failed');
}

/**
 * /district/rostering (scope district) and /school/rostering (scope school: a school admin's own school(s),
 * every other row reported as outside and left alone): upload a OneRoster export, read the dry run, apply it,
 * hand out the PINs once.
 */
export function RosterImportPage({ scope = 'district' }: { scope?: ImportScope }) {
  const { t } = useTranslation();
  const school = scope === 'school';
  usePageTitle(t(school ? 'school.rostering.title' : 'district.rostering.title'));
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [plan, setPlan] = useState<ImportAnswer | null>(null);
  const [applied, setApplied] = useState<ImportAnswer | null>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const check = async (next: Upload, nextMode: ImportMode) => {
    setProblem(undefined);
    setPlan(null);
    setApplied(null);
    setBusy('check');
    try {
      setPlan(await postImport(next.zip, { mode: nextMode, dryRun: true, fileName: next.fileName, scope }));
      setUpload(next);
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (e) {
      setProblem(failureText(t, e, scope));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!upload || !plan) return;
    setProblem(undefined);
    setBusy('apply');
    try {
      const answer = await postImport(upload.zip, { mode, dryRun: false, fileName: upload.fileName, scope });
      setApplied(answer);
      setPlan(null);
      setHistoryKey((k) => k + 1);
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (e) {
      setProblem(failureText(t, e, scope));
    } finally {
      setBusy(null);
    }
  };

  const blocked = !!plan && mode === 'all-or-nothing' && plan.counts.errors > 0;
  const nothingToDo = !!plan && plan.status === 'unchanged';
  const outsideRows = plan ? plan.issues.filter((i) => i.code === OUTSIDE_SCOPE).length : 0;

  return (
    <div>
      <div className={applied?.createdStudents.length ? 'no-print' : undefined}>
        <h1>{t(school ? 'school.rostering.title' : 'district.rostering.title')}</h1>
        <p className="lead">{t(school ? 'school.rostering.intro' : 'district.rostering.intro')}</p>
        {school && <p className="notice">{t('school.rostering.onlyYourSchool')}</p>}
        <p>{t('district.rostering.privacy')}</p>
      </div>

      {!applied && (
        <UploadForm
          busy={busy === 'check'}
          mode={mode}
          onMode={(m) => {
            setMode(m);
            if (upload && plan) void check(upload, m);
          }}
          onCheck={(u) => void check(u, mode)}
          onProblem={setProblem}
        />
      )}

      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}

      {plan && (
        <section className="section" aria-labelledby="plan-title">
          <h2 id="plan-title" ref={resultHeading} tabIndex={-1}>
            {t('district.rostering.plan.title')}
          </h2>
          <p>{t('district.rostering.plan.nothingWritten')}</p>
          {school && (
            <p className="notice" role="status">
              {outsideRows === 0
                ? t('school.rostering.noneOutside')
                : t('school.rostering.outside', { count: outsideRows })}
            </p>
          )}
          <PlanCounts answer={plan} caption={t('district.rostering.plan.caption')} />
          <Notes notes={plan.notes} />
          <IssuesTable issues={plan.issues} />
          <div className="section">
            {nothingToDo ? (
              <p className="notice" role="status">
                {t('district.rostering.plan.unchanged')}
              </p>
            ) : blocked ? (
              <p className="notice notice--warning">
                {t('district.rostering.plan.blocked', { count: plan.counts.errors })}
              </p>
            ) : (
              <>
                {plan.counts.errors > 0 && (
                  <p className="notice notice--warning">
                    {t('district.rostering.plan.validRowsWarning', { count: plan.counts.errors })}
                  </p>
                )}
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy !== null}
                  onClick={() => void apply()}
                >
                  {busy === 'apply'
                    ? t('district.rostering.plan.applying')
                    : mode === 'valid-rows'
                      ? t('district.rostering.plan.applyValid')
                      : t('district.rostering.plan.applyAll')}
                </button>
              </>
            )}
          </div>
        </section>
      )}

      {applied && (
        <AppliedResult
          answer={applied}
          headingRef={resultHeading}
          onDone={() => {
            setApplied(null);
            setUpload(null);
          }}
        />
      )}

      <div className={applied?.createdStudents.length ? 'no-print' : undefined}>
        {school ? <SchoolHistory key={historyKey} /> : <History key={historyKey} />}
      </div>
    </div>
  );
}

function UploadForm({
  busy,
  mode,
  onMode,
  onCheck,
  onProblem,
}: {
  busy: boolean;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onCheck: (upload: Upload) => void;
  onProblem: (text: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [zip, setZip] = useState<File | null>(null);
  const [folder, setFolder] = useState<File[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onProblem(undefined);
    if (zip) return onCheck({ zip, fileName: zip.name });
    if (!folder.length) return onProblem(t('district.rostering.upload.pick'));
    const built = await zipFolder(folder);
    if (!built) return onProblem(t('district.rostering.upload.noManifest'));
    const name = folder[0]?.webkitRelativePath.split('/')[0] || 'oneroster';
    onCheck({ zip: built, fileName: `${name}.zip` });
  };

  return (
    <section className="section card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('district.rostering.upload.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-zip`}>{t('district.rostering.upload.zip')}</label>
          <p className="field__hint" id={`${id}-zip-hint`}>
            {t('district.rostering.upload.zipHint')}
          </p>
          <input
            id={`${id}-zip`}
            type="file"
            accept=".zip,application/zip"
            aria-describedby={`${id}-zip-hint`}
            onChange={(e) => {
              setZip(e.target.files?.[0] ?? null);
              setFolder([]);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-folder`}>{t('district.rostering.upload.folder')}</label>
          <p className="field__hint" id={`${id}-folder-hint`}>
            {t('district.rostering.upload.folderHint')}
          </p>
          <input
            id={`${id}-folder`}
            type="file"
            multiple
            aria-describedby={`${id}-folder-hint`}
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              setFolder([...(e.target.files ?? [])]);
              setZip(null);
            }}
          />
        </div>
        <fieldset className="field">
          <legend>{t('district.rostering.mode.legend')}</legend>
          {(['all-or-nothing', 'valid-rows'] as const).map((m) => (
            <div key={m} className="radio-option">
              <input
                type="radio"
                id={`${id}-${m}`}
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                aria-describedby={`${id}-${m}-hint`}
                onChange={() => onMode(m)}
              />
              <label htmlFor={`${id}-${m}`}>{t(`district.rostering.mode.${m}`)}</label>
              <p className="field__hint" id={`${id}-${m}-hint`}>
                {t(`district.rostering.mode.${m}-hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('district.rostering.upload.checking') : t('district.rostering.upload.check')}
        </button>
      </form>
    </section>
  );
}

function PlanCounts({ answer, caption }: { answer: ImportAnswer; caption: string }) {
  const { t } = useTranslation();
  const columns: [string, KindCounts][] = [
    [t('district.rostering.counts.add'), answer.counts.created],
    [t('district.rostering.counts.update'), answer.counts.updated],
    [t('district.rostering.counts.remove'), answer.counts.deactivated],
  ];
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.rostering.counts.kind')}</th>
            {columns.map(([label]) => (
              <th key={label} scope="col" className="numeric">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ENTITY_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`district.rostering.kinds.${kind}`)}</th>
              {columns.map(([label, counts]) => (
                <td key={label} className="numeric">
                  {counts[kind]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Notes({ notes }: { notes: readonly string[] }) {
  const { t } = useTranslation();
  if (!notes.length) return null;
  return (
    <details className="section">
      <summary>{t('district.rostering.plan.notes')}</summary>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </details>
  );
}

type Severity = 'all' | 'error' | 'warning';

export function IssuesTable({ issues }: { issues: readonly RosterIssue[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [severity, setSeverity] = useState<Severity>('all');
  const [text, setText] = useState('');
  const errors = issues.filter((i) => i.severity === 'error').length;
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return issues.filter(
      (i) =>
        (severity === 'all' || i.severity === severity) &&
        (!needle ||
          [i.file, i.message, i.hint ?? '', i.sourcedId ?? '', i.code].some((v) =>
            v.toLowerCase().includes(needle),
          )),
    );
  }, [issues, severity, text]);

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('district.rostering.issues.title', { errors, warnings: issues.length - errors })}
      </h3>
      {issues.length === 0 ? (
        <p>{t('district.rostering.issues.none')}</p>
      ) : (
        <>
          <div
            className="filters filters__grid"
            role="search"
            aria-label={t('district.rostering.issues.filter')}
          >
            <div className="field">
              <label htmlFor={`${id}-severity`}>{t('district.rostering.issues.severity')}</label>
              <select
                id={`${id}-severity`}
                value={severity}
                onChange={(e) => setSeverity(e.target.value as Severity)}
              >
                <option value="all">{t('district.rostering.issues.all')}</option>
                <option value="error">{t('district.rostering.issues.errors')}</option>
                <option value="warning">{t('district.rostering.issues.warnings')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-text`}>{t('district.rostering.issues.search')}</label>
              <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
          </div>
          <p role="status">
            {t('district.rostering.issues.shown', { shown: shown.length, total: issues.length })}
          </p>
          <TableRegion label={t('district.rostering.issues.caption')}>
            <table>
              <caption>{t('district.rostering.issues.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('district.rostering.issues.severityColumn')}</th>
                  <th scope="col">{t('district.rostering.issues.file')}</th>
                  <th scope="col" className="numeric">
                    {t('district.rostering.issues.line')}
                  </th>
                  <th scope="col">{t('district.rostering.issues.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((issue, n) => (
                  <tr key={`${issue.file}:${issue.line ?? ''}:${issue.code}:${n}`}>
                    <td>
                      <span className={`badge badge--${issue.severity === 'error' ? 'error' : 'warning'}`}>
                        {issue.severity === 'error'
                          ? t('district.rostering.issues.error')
                          : t('district.rostering.issues.warning')}
                      </span>
                    </td>
                    <td>
                      <code>{issue.file}</code>
                    </td>
                    <td className="numeric">{issue.line ?? t('district.rostering.issues.wholeFile')}</td>
                    <td>
                      {issue.message}
                      {issue.hint && (
                        <>
                          {' '}
                          <span className="note">{issue.hint}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}

function AppliedResult({
  answer,
  headingRef,
  onDone,
}: {
  answer: ImportAnswer;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const statusText =
    answer.status === 'applied'
      ? t('district.rostering.result.applied')
      : answer.status === 'unchanged'
        ? t('district.rostering.result.unchanged')
        : t('district.rostering.result.rejected', { count: answer.counts.errors });
  return (
    <section className="section" aria-labelledby="result-title">
      <div className={answer.createdStudents.length ? 'no-print' : undefined}>
        <h2 id="result-title" ref={headingRef} tabIndex={-1}>
          {t('district.rostering.result.title')}
        </h2>
        <p className={answer.status === 'rejected' ? 'notice notice--error' : 'notice'} role="status">
          {statusText}
        </p>
        <PlanCounts answer={answer} caption={t('district.rostering.result.caption')} />
        {answer.issues.length > 0 && <IssuesTable issues={answer.issues} />}
      </div>
      {answer.createdStudents.length > 0 && <PinSheet students={answer.createdStudents} />}
      <p className="no-print">
        <button type="button" className="button button--secondary" onClick={onDone}>
          {answer.createdStudents.length
            ? t('district.rostering.pins.done')
            : t('district.rostering.result.another')}
        </button>
      </p>
    </section>
  );
}

export function PinSheet({ students }: { students: readonly CreatedStudent[] }) {
  const { t, i18n } = useTranslation();
  const download = () => {
    const csv = pinsCsv(students, [
      t('district.rostering.pins.school'),
      t('district.rostering.pins.code'),
      t('district.rostering.pins.name'),
      t('district.rostering.pins.username'),
      t('district.rostering.pins.pin'),
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `haven-initial-pins-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section className="section pin-sheet" aria-labelledby="pins-title">
      <h2 id="pins-title">{t('district.rostering.pins.title', { count: students.length })}</h2>
      <div className="notice notice--warning">
        <p>
          <strong>{t('district.rostering.pins.onceLabel')}</strong> {t('district.rostering.pins.once')}
        </p>
      </div>
      <p className="no-print">{t('district.rostering.pins.handOut')}</p>
      <div className="player-actions no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('district.rostering.pins.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('district.rostering.pins.csv')}
        </button>
      </div>
      <TableRegion label={t('district.rostering.pins.caption')}>
        <table>
          <caption>
            {t('district.rostering.pins.caption')} ({formatDateTime(new Date(), i18n.language)})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('district.rostering.pins.school')}</th>
              <th scope="col">{t('district.rostering.pins.code')}</th>
              <th scope="col">{t('district.rostering.pins.name')}</th>
              <th scope="col">{t('district.rostering.pins.username')}</th>
              <th scope="col">{t('district.rostering.pins.pin')}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={`${s.school}/${s.username}`}>
                <td>{s.schoolName}</td>
                <td>
                  <code>{s.school}</code>
                </td>
                <th scope="row">{s.displayName}</th>
                <td>
                  <code>{s.username}</code>
                </td>
                <td>
                  <code className="pin">{s.initialPin}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** The district's recent imports; remounted (and so fetched again) after an import. */
function History() {
  const { data, error, refetch } = useQuery(ImportRunsDocument, { fetchPolicy: 'network-only' });
  return <HistoryTable runs={data?.importRuns} error={error} onRetry={() => void refetch()} />;
}

/** A school admin's recent imports into their school(s). */
function SchoolHistory() {
  const { data, error, refetch } = useQuery(SchoolImportRunsDocument, { fetchPolicy: 'network-only' });
  return <HistoryTable runs={data?.schoolImportRuns} error={error} onRetry={() => void refetch()} />;
}

function HistoryTable({
  runs,
  error,
  onRetry,
}: {
  runs: readonly ImportRunFieldsFragment[] | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation();
  const sum = (c: KindCounts): number => ENTITY_KINDS.reduce((n, k) => n + c[k], 0);
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t('district.rostering.history.title')}</h2>
      {!runs ? (
        error ? (
          <QueryError error={error} onRetry={onRetry} />
        ) : (
          <Loading />
        )
      ) : runs.length === 0 ? (
        <p>{t('district.rostering.history.empty')}</p>
      ) : (
        <TableRegion label={t('district.rostering.history.caption')}>
          <table>
            <caption>{t('district.rostering.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('district.rostering.history.when')}</th>
                <th scope="col">{t('district.rostering.history.file')}</th>
                <th scope="col">{t('district.rostering.history.by')}</th>
                <th scope="col">{t('district.rostering.history.mode')}</th>
                <th scope="col">{t('district.rostering.history.status')}</th>
                <th scope="col" className="numeric">
                  {t('district.rostering.counts.add')}
                </th>
                <th scope="col" className="numeric">
                  {t('district.rostering.counts.update')}
                </th>
                <th scope="col" className="numeric">
                  {t('district.rostering.counts.remove')}
                </th>
                <th scope="col" className="numeric">
                  {t('district.rostering.history.newStudents')}
                </th>
                <th scope="col" className="numeric">
                  {t('district.rostering.history.issues')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <th scope="row">{formatDateTime(run.createdAt, i18n.language)}</th>
                  <td>{run.fileName}</td>
                  <td>{run.startedByName ?? t('district.rostering.history.commandLine')}</td>
                  <td>
                    {t(
                      `district.rostering.mode.${run.mode === 'valid-rows' ? 'valid-rows' : 'all-or-nothing'}`,
                    )}
                  </td>
                  <td>
                    {t(`district.rostering.history.statuses.${run.status}`, { defaultValue: run.status })}
                  </td>
                  <td className="numeric">{sum(run.created)}</td>
                  <td className="numeric">{sum(run.updated)}</td>
                  <td className="numeric">{sum(run.deactivated)}</td>
                  <td className="numeric">{run.createdStudentCount}</td>
                  <td className="numeric">
                    {t('district.rostering.history.issueCounts', {
                      errors: run.errorCount,
                      warnings: run.warningCount,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
