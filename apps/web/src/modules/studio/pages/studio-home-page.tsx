import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import {
  CreateModuleDraftDocument,
  StudioDraftsDocument,
  StudioPublishedModulesDocument,
  type StudioDraftsQuery,
} from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/use-viewer';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';

const BANDS = ['K-2', '3-5', '6-8', '9-12'] as const;

/** A module id from a title: lower-case words joined by hyphens, with the grade band at the end. */
export function slugFor(title: string, band: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${words}-${band.toLowerCase()}` : '';
}

export function errorMessage(error: unknown, fallback: string): string {
  if (CombinedGraphQLErrors.is(error)) {
    const e = error.errors[0];
    const code = e?.extensions?.['code'];
    if (code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'FORBIDDEN') return e!.message;
  }
  return fallback;
}

type DraftRow = StudioDraftsQuery['moduleDrafts'][number];

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge--draft-${status}`}>{t(`authoring.status.${status}`)}</span>;
}

export function DraftTable({ drafts, caption }: { drafts: readonly DraftRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('authoring.home.module')}</th>
            <th scope="col">{t('authoring.home.status')}</th>
            <th scope="col">{t('authoring.home.version')}</th>
            <th scope="col">{t('authoring.home.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link to={`/studio/drafts/${d.id}`}>{d.title}</Link>
                <div className="note">{d.moduleId}</div>
              </th>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td>
                {d.publishedVersion
                  ? t('authoring.home.published', { version: d.publishedVersion })
                  : d.baseVersion
                    ? t('authoring.home.from', { version: d.baseVersion })
                    : t('authoring.home.newModule')}
              </td>
              <td>
                {formatDate(d.updatedAt, i18n.language)} · {d.updatedByName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Authors start, import and continue drafts here; reviewers see what waits for them. */
export function StudioHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('authoring.home.title'));
  const viewer = useViewer();
  const isAuthor = viewer.roles.includes('author');
  const { data, error, refetch } = useQuery(StudioDraftsDocument, { fetchPolicy: 'cache-and-network' });
  const drafts = data?.moduleDrafts ?? [];
  const open = drafts.filter((d) => d.status !== 'published');
  const done = drafts.filter((d) => d.status === 'published');
  return (
    <>
      <h1>{t('authoring.home.title')}</h1>
      <p className="lead">{t('authoring.home.intro')}</p>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading />}
      {data && open.length === 0 && <p>{t('authoring.home.none')}</p>}
      {open.length > 0 && <DraftTable drafts={open} caption={t('authoring.home.open')} />}
      {isAuthor && <NewModuleForm />}
      {isAuthor && <ReviseModuleForm />}
      {isAuthor && <ImportModuleForm />}
      {done.length > 0 && <DraftTable drafts={done} caption={t('authoring.home.done')} />}
    </>
  );
}

function NewModuleForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [band, setBand] = useState<string>('6-8');
  const [moduleId, setModuleId] = useState('');
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [create, { loading }] = useMutation(CreateModuleDraftDocument, {
    refetchQueries: [StudioDraftsDocument],
  });
  const id = edited ? moduleId : slugFor(title, band);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    if (title.trim().length < 3) return setProblem(t('authoring.new.titleTooShort'));
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return setProblem(t('authoring.new.badId'));
    try {
      const r = await create({
        variables: { input: { moduleId: id, gradeBand: band, title: title.trim() } },
      });
      if (r.data) navigate(`/studio/drafts/${r.data.createModuleDraft.id}`);
    } catch (err) {
      setProblem(errorMessage(err, t('authoring.new.failed')));
    }
  };
  return (
    <section aria-labelledby="new-module-heading" className="card">
      <h2 id="new-module-heading">{t('authoring.new.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('authoring.new.moduleTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <div className="field">
          <label htmlFor="new-module-band">{t('authoring.new.band')}</label>
          <select id="new-module-band" value={band} onChange={(e) => setBand(e.target.value)}>
            {BANDS.map((b) => (
              <option key={b} value={b}>
                {t('authoring.new.bandOption', { band: b })}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('authoring.new.moduleId')}
          hint={t('authoring.new.moduleIdHint')}
          value={id}
          onChange={(e) => {
            setEdited(true);
            setModuleId(e.target.value);
          }}
        />
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button" disabled={loading}>
          {t('authoring.new.create')}
        </button>
      </form>
    </section>
  );
}

function ReviseModuleForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { data } = useQuery(StudioPublishedModulesDocument, { variables: { first: 100 } });
  const [choice, setChoice] = useState('');
  const [problem, setProblem] = useState<string>();
  const [create, { loading }] = useMutation(CreateModuleDraftDocument, {
    refetchQueries: [StudioDraftsDocument],
  });
  const modules = data?.modules ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const m = modules.find((x) => x.id === choice);
    if (!m) return setProblem(t('authoring.revise.pick'));
    try {
      const r = await create({ variables: { input: { moduleId: m.moduleId, fromVersion: m.version } } });
      if (r.data) navigate(`/studio/drafts/${r.data.createModuleDraft.id}`);
    } catch (err) {
      setProblem(errorMessage(err, t('authoring.new.failed')));
    }
  };
  return (
    <section aria-labelledby="revise-heading" className="card">
      <h2 id="revise-heading">{t('authoring.revise.title')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="revise-module">{t('authoring.revise.module')}</label>
          <select id="revise-module" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('authoring.revise.choose')}</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({m.gradeBand}) · {m.version}
              </option>
            ))}
          </select>
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--secondary" disabled={loading}>
          {t('authoring.revise.start')}
        </button>
      </form>
    </section>
  );
}

/** Text files of a chosen folder, keyed by their path inside the module folder (its top folder dropped). */
export async function folderFiles(files: readonly File[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    const path = (parts.length > 1 ? parts.slice(1) : parts).join('/');
    if (!path || path.split('/').some((p) => p.startsWith('.'))) continue;
    if (!/\.(ya?ml|md|svg)$/.test(path)) continue;
    out[path] = await file.text();
  }
  return out;
}

function ImportModuleForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [zip, setZip] = useState<File | null>(null);
  const [folder, setFolder] = useState<File[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const upload = async (body: Blob): Promise<void> => {
    const res = await fetch('/imports/modules', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/zip', 'X-Haven-CSRF': '1' },
      body,
    });
    const answer = (await res.json().catch(() => ({}))) as { draftId?: string; message?: string | string[] };
    if (res.ok && answer.draftId) navigate(`/studio/drafts/${answer.draftId}`);
    else setProblem([answer.message].flat().filter(Boolean).join(' ') || t('authoring.import.failed'));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    if (!zip && folder.length === 0) return setProblem(t('authoring.import.pick'));
    setBusy(true);
    try {
      if (zip) await upload(zip);
      else {
        // A folder is sent as the same zip the server accepts, built in the browser.
        const files = await folderFiles(folder);
        if (!files['module.yaml']) return setProblem(t('authoring.import.noManifest'));
        const { strToU8, zipSync } = await import('fflate');
        const bytes = zipSync(
          Object.fromEntries(Object.entries(files).map(([p, text]) => [p, strToU8(text)])),
        );
        await upload(new Blob([bytes as BlobPart], { type: 'application/zip' }));
      }
    } catch {
      setProblem(t('authoring.import.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">{t('authoring.import.title')}</h2>
      <p>{t('authoring.import.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="import-file">{t('authoring.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              setZip(e.target.files?.[0] ?? null);
              setFolder([]);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-folder">{t('authoring.import.folder')}</label>
          <input
            id="import-folder"
            type="file"
            multiple
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              setFolder([...(e.target.files ?? [])]);
              setZip(null);
            }}
          />
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('authoring.import.upload')}
        </button>
      </form>
    </section>
  );
}

export type { DraftRow };
