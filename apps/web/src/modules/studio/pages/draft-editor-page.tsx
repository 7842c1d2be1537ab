import { useApolloClient, useQuery } from '@apollo/client/react';
import type { CompiledLesson, CompiledScenario, ModuleDocument } from '@haven/curriculum';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useParams } from 'wouter';
import { NavLink } from '../../../app/router';
import { StudioDraftDocument, type DraftDetailFieldsFragment } from '../../../gql/graphql';
import { Loading, QueryError } from '../../layout/components/status';
import { NotFoundPage } from '../../layout/components/not-found-page';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { AssessmentEditor } from '../editor/assessment-editor';
import type { EditorIssue } from '../editor/editor-issue';
import { LessonEditor } from '../editor/lesson-editor';
import { MetadataForm } from '../editor/metadata-form';
import { ScenarioGraphEditor } from '../editor/scenario-graph-editor';
import { ScenarioPlayTest } from '../editor/scenario-play-test';
import { TranslationEditor } from '../editor/translation-editor';
import { ReviewPanel } from './review-panel';
import { StatusBadge } from './studio-home-page';
import { useAutosave, type SaveState } from './use-autosave';

interface DraftPreview {
  languages: string[];
  lessons: CompiledLesson[];
  scenarios: CompiledScenario[];
}

/** One draft in the studio: metadata, lessons, scenarios, assessments, translations, review, saved as you go. */
export function DraftEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(StudioDraftDocument, { variables: { id } });
  usePageTitle(data?.moduleDraft.title ?? t('authoring.editor.title'));
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  return <DraftEditor draft={data.moduleDraft} />;
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saved'
      ? t('authoring.save.saved')
      : state.kind === 'pending'
        ? t('authoring.save.pending')
        : state.kind === 'saving'
          ? t('authoring.save.saving')
          : state.kind === 'failed'
            ? (state.message ?? t('authoring.save.failed'))
            : t('authoring.save.conflict');
  return (
    <p className={`save-status save-status--${state.kind}`} role="status" aria-live="polite">
      {text}{' '}
      {state.kind === 'failed' && (
        <button type="button" className="button button--link" onClick={onRetry}>
          {t('authoring.save.retry')}
        </button>
      )}
    </p>
  );
}

function DraftEditor({ draft }: { draft: DraftDetailFieldsFragment }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const editable = draft.allowedActions.includes('edit');
  const { document, change, state, flush, keepMine, takeTheirs } = useAutosave(draft, editable);
  const errors = draft.validation.errors as EditorIssue[];
  const warnings = draft.validation.warnings as EditorIssue[];
  const issues = [...errors, ...warnings];
  const preview = draft.preview as unknown as DraftPreview;
  const stale = draft.staleTranslations;
  const languages = document.manifest.languages ?? [];
  const tabs: [string, string][] = [
    ['', t('authoring.tabs.module')],
    ['lessons', t('authoring.tabs.lessons')],
    ['scenarios', t('authoring.tabs.scenarios')],
    ['assessments', t('authoring.tabs.assessments')],
    ['translations', t('authoring.tabs.translations', { count: stale.length })],
    ['review', t('authoring.tabs.review')],
  ];

  const reloadTheirs = async () => {
    const r = await client.query({
      query: StudioDraftDocument,
      variables: { id: draft.id },
      fetchPolicy: 'network-only',
    });
    if (r.data)
      takeTheirs(r.data.moduleDraft.document as unknown as ModuleDocument, r.data.moduleDraft.revision);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/studio">{t('authoring.home.title')}</Link>
      </p>
      <h1>
        {draft.title} <StatusBadge status={draft.status} />
      </h1>
      <p className="note">
        {draft.moduleId}
        {draft.baseVersion ? ` · ${t('authoring.home.from', { version: draft.baseVersion })}` : ''} ·{' '}
        {t('authoring.editor.revision', { revision: draft.revision })}
      </p>
      {editable ? (
        <SaveStatus state={state} onRetry={() => void flush()} />
      ) : (
        <p className="notice">{t(`authoring.editor.readOnly.${draft.status}`)}</p>
      )}
      {state.kind === 'conflict' && (
        <div className="notice notice--error" role="alert">
          <p>{state.message}</p>
          <p>{t('authoring.save.conflictHelp')}</p>
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => void reloadTheirs()}>
              {t('authoring.save.takeTheirs')}
            </button>
            <button type="button" className="button" onClick={() => keepMine(state.revision)}>
              {t('authoring.save.keepMine')}
            </button>
          </div>
        </div>
      )}
      {draft.status === 'changes_requested' && <RequestedChanges draft={draft} />}
      <ValidationSummary
        errors={errors}
        warnings={warnings}
        canSubmit={draft.allowedActions.includes('submit')}
      />
      <p>
        <a href={`/exports/drafts/${draft.id}.zip`} download>
          {t('authoring.editor.download')}
        </a>
      </p>
      <nav aria-label={t('authoring.tabs.label')} className="tabs">
        <ul>
          {tabs.map(([path, label]) => (
            <li key={path}>
              <NavLink to={path ? `/studio/drafts/${draft.id}/${path}` : `/studio/drafts/${draft.id}`} end>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Switch>
        <Route path="/studio/drafts/:id">
          <Editable editable={editable}>
            <MetadataForm
              manifest={document.manifest}
              onChange={(manifest) => change({ ...document, manifest })}
              issues={issues}
            />
          </Editable>
        </Route>
        <Route path="/studio/drafts/:id/lessons">
          <Editable editable={editable}>
            <LessonsTab document={document} change={change} issues={issues} preview={preview} />
          </Editable>
        </Route>
        <Route path="/studio/drafts/:id/scenarios">
          <ScenariosTab
            document={document}
            change={change}
            issues={issues}
            preview={preview}
            languages={languages}
            editable={editable}
          />
        </Route>
        <Route path="/studio/drafts/:id/assessments">
          <Editable editable={editable}>
            <AssessmentsTab document={document} change={change} issues={issues} languages={languages} />
          </Editable>
        </Route>
        <Route path="/studio/drafts/:id/translations">
          <Editable editable={editable}>
            <TranslationsTab document={document} change={change} stale={stale} />
          </Editable>
        </Route>
        <Route path="/studio/drafts/:id/review">
          <ReviewPanel draftId={draft.id} />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </>
  );
}

/** Content editors, disabled (not hidden) for readers: reviewers see exactly what authors wrote. */
function Editable({ editable, children }: { editable: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset disabled={!editable} className="editor-fieldset">
      <legend className="visually-hidden">{t('authoring.editor.content')}</legend>
      {children}
    </fieldset>
  );
}

/** What the reviewers asked for, where the author works (the full thread is on the review tab). */
function RequestedChanges({ draft }: { draft: DraftDetailFieldsFragment }) {
  const { t } = useTranslation();
  const asks = draft.reviews.filter((r) => r.outcome === 'request_changes' && r.notes);
  const latest = asks.at(-1);
  if (!latest) return null;
  return (
    <div className="notice" role="note" aria-labelledby="requested-changes-heading">
      <h2 id="requested-changes-heading" className="notice__title">
        {t('authoring.editor.changesRequested', { name: latest.reviewerName })}
      </h2>
      <p>{latest.notes}</p>
      <p>
        <Link to={`/studio/drafts/${draft.id}/review`}>{t('authoring.editor.seeReview')}</Link>
      </p>
    </div>
  );
}

function ValidationSummary({
  errors,
  warnings,
  canSubmit,
}: {
  errors: EditorIssue[];
  warnings: EditorIssue[];
  canSubmit: boolean;
}) {
  const { t } = useTranslation();
  if (errors.length === 0 && warnings.length === 0)
    return (
      <p className="notice notice--ok">
        {canSubmit ? t('authoring.validation.cleanSubmit') : t('authoring.validation.clean')}
      </p>
    );
  return (
    <details className="validation-summary" open={errors.length > 0}>
      <summary>
        {t('authoring.validation.summary', { errors: errors.length, warnings: warnings.length })}
      </summary>
      <ul>
        {[...errors, ...warnings].slice(0, 50).map((i, n) => (
          <li key={n}>
            <strong>{t(`studio.editor.issue.${i.severity}`)}:</strong> {i.message}.{' '}
            <span className="note">{i.hint}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

interface TabProps {
  document: ModuleDocument;
  change: (next: ModuleDocument) => void;
  issues: EditorIssue[];
}

function LessonsTab({ document, change, issues, preview }: TabProps & { preview: DraftPreview }) {
  const { t } = useTranslation();
  const src = document.manifest.languages?.[0] ?? 'en';
  const lessons = document.lessons.filter((l) => l.lang === src);
  const [selected, setSelected] = useState(lessons[0]?.id ?? '');
  const current = lessons.find((l) => l.id === selected) ?? lessons[0];
  if (!current) return <p>{t('authoring.editor.noLessons')}</p>;
  return (
    <section aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">{t('authoring.tabs.lessons')}</h2>
      <div className="field">
        <label htmlFor="lesson-pick">{t('authoring.editor.pickLesson')}</label>
        <select id="lesson-pick" value={current.id} onChange={(e) => setSelected(e.target.value)}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title || l.id}
            </option>
          ))}
        </select>
      </div>
      <LessonEditor
        lesson={current}
        lang={src}
        issues={issues}
        preview={preview.lessons.find((l) => l.id === current.id)}
        onChange={(next) =>
          change({
            ...document,
            lessons: document.lessons.map((l) => (l.id === current.id && l.lang === src ? next : l)),
          })
        }
      />
    </section>
  );
}

function ScenariosTab({
  document,
  change,
  issues,
  preview,
  languages,
  editable,
}: TabProps & { preview: DraftPreview; languages: string[]; editable: boolean }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(document.scenarios[0]?.id ?? '');
  const [playing, setPlaying] = useState(false);
  const current = document.scenarios.find((s) => s.id === selected) ?? document.scenarios[0];
  if (!current) return <p>{t('authoring.editor.noScenarios')}</p>;
  const compiled = preview.scenarios.find((s) => s.id === current.id);
  return (
    <section aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t('authoring.tabs.scenarios')}</h2>
      {document.scenarios.length > 1 && (
        <div className="field">
          <label htmlFor="scenario-pick">{t('authoring.editor.pickScenario')}</label>
          <select id="scenario-pick" value={current.id} onChange={(e) => setSelected(e.target.value)}>
            {document.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={playing}
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? t('authoring.editor.backToGraph') : t('authoring.editor.playTest')}
        </button>
      </div>
      {playing ? (
        compiled ? (
          <ScenarioPlayTest scenario={compiled} lang={languages[0] ?? 'en'} />
        ) : (
          <p>{t('authoring.editor.playTestUnavailable')}</p>
        )
      ) : (
        <Editable editable={editable}>
          <ScenarioGraphEditor
            scenario={current}
            languages={languages}
            issues={issues}
            onChange={(next) =>
              change({
                ...document,
                scenarios: document.scenarios.map((s) => (s.id === current.id ? next : s)),
              })
            }
          />
        </Editable>
      )}
    </section>
  );
}

function AssessmentsTab({ document, change, issues, languages }: TabProps & { languages: string[] }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(document.assessments[0]?.id ?? '');
  const current = document.assessments.find((a) => a.id === selected) ?? document.assessments[0];
  if (!current) return <p>{t('authoring.editor.noAssessments')}</p>;
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t('authoring.tabs.assessments')}</h2>
      <div className="field">
        <label htmlFor="assessment-pick">{t('authoring.editor.pickAssessment')}</label>
        <select id="assessment-pick" value={current.id} onChange={(e) => setSelected(e.target.value)}>
          {document.assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id}
            </option>
          ))}
        </select>
      </div>
      <AssessmentEditor
        assessment={current}
        languages={languages}
        issues={issues}
        onChange={(next) =>
          change({
            ...document,
            assessments: document.assessments.map((a) => (a.id === current.id ? next : a)),
          })
        }
      />
    </section>
  );
}

function TranslationsTab({
  document,
  change,
  stale,
}: {
  document: ModuleDocument;
  change: (next: ModuleDocument) => void;
  stale: readonly { key: string; label: string; lang: string }[];
}) {
  const { t } = useTranslation();
  const targets = (document.manifest.languages ?? []).slice(1);
  const [lang, setLang] = useState(targets[0] ?? '');
  if (!lang) return <p>{t('authoring.editor.noTranslations')}</p>;
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('authoring.tabs.translationsTitle')}</h2>
      {targets.length > 1 && (
        <div className="field">
          <label htmlFor="translation-pick">{t('authoring.editor.pickLanguage')}</label>
          <select id="translation-pick" value={lang} onChange={(e) => setLang(e.target.value)}>
            {targets.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      )}
      <TranslationEditor
        document={document}
        lang={lang}
        stale={stale.filter((s) => s.lang === lang)}
        onChange={change}
      />
    </section>
  );
}
