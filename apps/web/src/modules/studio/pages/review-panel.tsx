import { useMutation, useQuery } from '@apollo/client/react';
import { REVIEW_CHECKLISTS, reviewCredit, type ReviewCredit, type WorkflowReviewKind } from '@haven/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  AddDraftCommentDocument,
  PublishModuleDraftDocument,
  ResolveDraftCommentDocument,
  ReviewModuleDraftDocument,
  StudioDraftDocument,
  StudioDraftReviewDocument,
  StudioDraftsDocument,
  SubmitModuleDraftDocument,
  WithdrawModuleDraftDocument,
  type StudioDraftReviewQuery,
} from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { ChangeList } from '../../layout/components/change-list';
import { errorMessage } from './studio-home-page';

type Review = StudioDraftReviewQuery['moduleDraft'];

/** Submitting, reviewing with checklists, comments, what changed, publishing and the draft's history. */
export function ReviewPanel({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const query = useQuery(StudioDraftReviewDocument, {
    variables: { id: draftId },
    fetchPolicy: 'cache-and-network',
  });
  const { error, refetch } = query;
  // While the editor's own query rewrites this draft in the cache, this one may be read again: keep showing
  // what it had, so a reviewer's half-ticked checklist is not unmounted (and lost) in between.
  const data = query.data ?? query.previousData;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const d = data.moduleDraft;
  const can = (a: string) => d.allowedActions.includes(a);
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t('authoring.tabs.review')}</h2>
      {d.publishedVersion && (
        <div className="notice notice--ok">
          <p>{t('authoring.publish.done', { version: d.publishedVersion })}</p>
          <p>
            <Link to={`/catalog/${d.moduleId}`}>{t('authoring.publish.inCatalog')}</Link> ·{' '}
            <a href={`/exports/modules/${d.moduleId}/${d.publishedVersion}.zip`} download>
              {t('authoring.publish.download')}
            </a>
          </p>
        </div>
      )}
      <RequiredReviews draft={d} />
      {can('submit') && <SubmitForm draft={d} />}
      {can('review') &&
        d.requiredReviews
          .filter((k) => data.myReviewQualifications.includes(k))
          .map((k) => <ReviewForm key={k} draft={d} kind={k as WorkflowReviewKind} />)}
      {can('review') && d.requiredReviews.every((k) => !data.myReviewQualifications.includes(k)) && (
        <p className="notice">{t('authoring.review.notQualified')}</p>
      )}
      {(can('publish') || can('withdraw')) && <PublishActions draft={d} />}
      <Comments draft={d} />
      <Changes draft={d} />
      <History draft={d} />
    </section>
  );
}

function useWorkflowRefetch(draftId: string) {
  return [
    { query: StudioDraftReviewDocument, variables: { id: draftId } },
    { query: StudioDraftDocument, variables: { id: draftId } },
    { query: StudioDraftsDocument },
  ];
}

/** Runs a workflow mutation and keeps, for the form, the reason it failed. */
function useWorkflowAction() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const run = async (f: () => Promise<unknown>): Promise<boolean> => {
    setProblem(undefined);
    try {
      await f();
      return true;
    } catch (err) {
      setProblem(errorMessage(err, t('authoring.review.failed')));
      return false;
    }
  };
  return { problem, setProblem, run };
}

function Problem({ text }: { text: string | undefined }) {
  return text ? (
    <p className="notice notice--error" role="alert">
      {text}
    </p>
  ) : null;
}

function RequiredReviews({ draft }: { draft: Review }) {
  const { t } = useTranslation();
  const current = draft.reviews.filter((r) => r.current);
  return (
    <div className="card">
      <h3>{t('authoring.review.required')}</h3>
      <ul className="check-list">
        {draft.requiredReviews.map((k) => {
          const done = current.filter((r) => r.kind === k).at(-1);
          return (
            <li key={k}>
              <strong>{t(`authoring.reviewKind.${k}`)}</strong>:{' '}
              {done
                ? t(`authoring.review.outcome.${done.outcome}`, { name: done.reviewerName })
                : t('authoring.review.waiting')}
              {done?.outcome === 'approve' && ` (${t(`authoring.review.credited.${done.credit}`)})`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SubmitForm({ draft }: { draft: Review }) {
  const { t } = useTranslation();
  const [bump, setBump] = useState(draft.bump ?? draft.suggestedBump.bump);
  const [note, setNote] = useState('');
  const { problem, run } = useWorkflowAction();
  const [submit, { loading }] = useMutation(SubmitModuleDraftDocument, {
    refetchQueries: useWorkflowRefetch(draft.id),
    awaitRefetchQueries: true,
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => submit({ variables: { input: { id: draft.id, bump, note: note.trim() || undefined } } }));
  };
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="submit-heading">
      <h3 id="submit-heading">{t('authoring.submit.title')}</h3>
      <fieldset>
        <legend>{t('authoring.submit.bump')}</legend>
        <p className="field__hint">
          {t('authoring.submit.suggestion', { bump: t(`authoring.bump.${draft.suggestedBump.bump}`) })}{' '}
          {draft.suggestedBump.reasons.join(' ')}
        </p>
        {(['patch', 'minor', 'major'] as const).map((b) => (
          <div key={b} className="field check-row">
            <input
              id={`bump-${b}`}
              type="radio"
              name="bump"
              value={b}
              checked={bump === b}
              onChange={() => setBump(b)}
            />
            <label htmlFor={`bump-${b}`}>
              {t(`authoring.bump.${b}`)} <span className="note">{t(`authoring.bumpHint.${b}`)}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="submit-note">{t('authoring.submit.note')}</label>
        <textarea
          id="submit-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={3}
        />
      </div>
      <Problem text={problem} />
      <button type="submit" className="button" disabled={loading}>
        {t('authoring.submit.send')}
      </button>
    </form>
  );
}

function ReviewForm({ draft, kind }: { draft: Review; kind: WorkflowReviewKind }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  // Named only by their own choice: survivors in particular may not want their name in a shared module.
  const [credit, setCredit] = useState<ReviewCredit>('role');
  const { problem, run } = useWorkflowAction();
  const [review, { loading }] = useMutation(ReviewModuleDraftDocument, {
    refetchQueries: useWorkflowRefetch(draft.id),
    awaitRefetchQueries: true,
  });
  const send = async (outcome: 'approve' | 'request_changes') => {
    const done = await run(() =>
      review({
        variables: {
          input: { id: draft.id, kind, outcome, checked, notes: notes.trim() || undefined, credit },
        },
      }),
    );
    if (done) {
      setChecked([]);
      setNotes('');
      setCredit('role');
    }
  };
  const headingId = `review-${kind}`;
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={(e) => e.preventDefault()}>
      <h3 id={headingId}>{t('authoring.review.formTitle', { kind: t(`authoring.reviewKind.${kind}`) })}</h3>
      <fieldset>
        <legend>{t('authoring.review.checklist')}</legend>
        {REVIEW_CHECKLISTS[kind].map((item) => (
          <div key={item} className="field check-row">
            <input
              id={`${headingId}-${item}`}
              type="checkbox"
              checked={checked.includes(item)}
              onChange={(e) => {
                const on = e.target.checked;
                setChecked((c) => (on ? [...c, item] : c.filter((x) => x !== item)));
              }}
            />
            <label htmlFor={`${headingId}-${item}`}>{t(`authoring.checklist.${kind}.${item}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${headingId}-notes`}>{t('authoring.review.notes')}</label>
        <p className="field__hint" id={`${headingId}-notes-hint`}>
          {t('authoring.review.notesHint')}
        </p>
        <textarea
          id={`${headingId}-notes`}
          aria-describedby={`${headingId}-notes-hint`}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          maxLength={4000}
          rows={3}
        />
      </div>
      <fieldset aria-describedby={`${headingId}-credit-hint`}>
        <legend>{t('authoring.review.credit.legend')}</legend>
        <p className="field__hint" id={`${headingId}-credit-hint`}>
          {t('authoring.review.credit.hint')}
        </p>
        {(['role', 'name'] as const).map((c) => (
          <div key={c} className="field check-row">
            <input
              id={`${headingId}-credit-${c}`}
              type="radio"
              name={`${headingId}-credit`}
              value={c}
              checked={credit === c}
              onChange={() => setCredit(c)}
            />
            <label htmlFor={`${headingId}-credit-${c}`}>
              {t(`authoring.review.credit.${c}`, { credit: reviewCredit(kind, 'role', '') })}
            </label>
          </div>
        ))}
      </fieldset>
      <Problem text={problem} />
      <div className="button-row">
        <button type="button" className="button" disabled={loading} onClick={() => void send('approve')}>
          {t('authoring.review.approve')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void send('request_changes')}
        >
          {t('authoring.review.requestChanges')}
        </button>
      </div>
    </form>
  );
}

function PublishActions({ draft }: { draft: Review }) {
  const { t } = useTranslation();
  const { problem, run } = useWorkflowAction();
  const refetchQueries = useWorkflowRefetch(draft.id);
  const [publish, published] = useMutation(PublishModuleDraftDocument, {
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const [withdraw, withdrawn] = useMutation(WithdrawModuleDraftDocument, {
    refetchQueries,
    awaitRefetchQueries: true,
  });
  return (
    <div className="card">
      <h3>{t('authoring.publish.title')}</h3>
      {draft.allowedActions.includes('publish') && (
        <>
          <p>{t('authoring.publish.intro', { bump: t(`authoring.bump.${draft.bump ?? 'patch'}`) })}</p>
          <button
            type="button"
            className="button"
            disabled={published.loading}
            onClick={() => void run(() => publish({ variables: { id: draft.id } }))}
          >
            {t('authoring.publish.publish')}
          </button>{' '}
        </>
      )}
      {draft.allowedActions.includes('withdraw') && (
        <button
          type="button"
          className="button button--secondary"
          disabled={withdrawn.loading}
          onClick={() => void run(() => withdraw({ variables: { id: draft.id } }))}
        >
          {t('authoring.publish.withdraw')}
        </button>
      )}
      <Problem text={problem} />
    </div>
  );
}

/** Places a comment can point at, from the draft's structure. */
function anchorOptions(doc: AnchorSource | undefined): { key: string; label: string; anchor: object }[] {
  const out: { key: string; label: string; anchor: object }[] = [
    { key: 'module:title', label: 'Module', anchor: { kind: 'module', field: 'title' } },
  ];
  if (!doc) return out;
  const src = doc.manifest.languages?.[0] ?? 'en';
  for (const l of doc.lessons.filter((x) => x.lang === src))
    l.blocks.forEach((b, i) =>
      out.push({
        key: `lesson:${l.id}.${src}#${i}`,
        label: `${l.title} · ${i + 1} ${b.kind}${b.title ? ` (${b.title})` : ''}`,
        anchor: { kind: 'lesson', lesson: l.id, lang: src, block: i },
      }),
    );
  for (const s of doc.scenarios)
    for (const n of s.nodes)
      out.push({
        key: `scenario:${s.id}/${n.id}`,
        label: `${s.id} · ${n.id}`,
        anchor: { kind: 'scenario', scenario: s.id, node: n.id },
      });
  for (const a of doc.assessments)
    for (const it of a.items)
      out.push({
        key: `assessment:${a.id}/${it.id}`,
        label: `${a.id} · ${it.id}`,
        anchor: { kind: 'assessment', assessment: a.id, item: it.id },
      });
  return out;
}

type AnchorSource = {
  manifest: { languages?: string[] };
  lessons: { id: string; lang: string; title: string; blocks: { kind: string; title?: string }[] }[];
  scenarios: { id: string; nodes: { id: string }[] }[];
  assessments: { id: string; items: { id: string }[] }[];
};

function Comments({ draft }: { draft: Review }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(StudioDraftDocument, { variables: { id: draft.id }, fetchPolicy: 'cache-only' });
  const options = anchorOptions(data?.moduleDraft.document as AnchorSource | undefined);
  const [anchor, setAnchor] = useState(options[0]!.key);
  const [body, setBody] = useState('');
  const { problem, setProblem, run } = useWorkflowAction();
  const refetchQueries = [{ query: StudioDraftReviewDocument, variables: { id: draft.id } }];
  const [add, { loading }] = useMutation(AddDraftCommentDocument, {
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const [resolve] = useMutation(ResolveDraftCommentDocument, { refetchQueries });
  const canComment = draft.allowedActions.includes('comment');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const chosen = options.find((o) => o.key === anchor);
    if (!body.trim() || !chosen) return setProblem(t('authoring.comments.empty'));
    if (
      await run(() =>
        add({ variables: { input: { draftId: draft.id, anchor: chosen.anchor, body: body.trim() } } }),
      )
    )
      setBody('');
  };
  const labelOf = (key: string) => options.find((o) => o.key === key)?.label ?? key;
  return (
    <div className="card">
      <h3>{t('authoring.comments.title')}</h3>
      {draft.comments.length === 0 && <p>{t('authoring.comments.none')}</p>}
      <ul className="comment-list">
        {draft.comments.map((c) => (
          <li key={c.id} className={c.resolved ? 'comment comment--resolved' : 'comment'}>
            <p className="note">
              {labelOf(c.anchorKey)} · {c.authorName} · {formatDate(c.createdAt, i18n.language)}
              {c.resolved ? ` · ${t('authoring.comments.resolved')}` : ''}
            </p>
            <p>{c.body}</p>
            {!c.resolved && canComment && (
              <button
                type="button"
                className="button button--link"
                onClick={() => void resolve({ variables: { id: c.id } })}
              >
                {t('authoring.comments.resolve')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canComment && (
        <form onSubmit={(e) => void onSubmit(e)}>
          <div className="field">
            <label htmlFor="comment-anchor">{t('authoring.comments.anchor')}</label>
            <select id="comment-anchor" value={anchor} onChange={(e) => setAnchor(e.target.value)}>
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="comment-body">{t('authoring.comments.body')}</label>
            <textarea
              id="comment-body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              maxLength={4000}
              rows={3}
            />
          </div>
          <Problem text={problem} />
          <button type="submit" className="button button--secondary" disabled={loading}>
            {t('authoring.comments.add')}
          </button>
        </form>
      )}
    </div>
  );
}

function Changes({ draft }: { draft: Review }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h3>
        {draft.baseVersion
          ? t('authoring.changes.title', { version: draft.baseVersion })
          : t('authoring.changes.titleNew')}
      </h3>
      {!draft.baseVersion ? (
        <p>{t('authoring.changes.newModule')}</p>
      ) : draft.changes.length === 0 ? (
        <p>{t('authoring.changes.none')}</p>
      ) : (
        <ChangeList changes={draft.changes} />
      )}
    </div>
  );
}

function History({ draft }: { draft: Review }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card">
      <h3>{t('authoring.history.title')}</h3>
      <ol className="history">
        {draft.events.map((e, i) => (
          <li key={i}>
            {formatDate(e.at, i18n.language)} · {e.actorName} ·{' '}
            {t(`authoring.history.${e.action.split(':')[0]}`)}
            {e.action.includes(':') ? ` (${t(`authoring.reviewKind.${e.action.split(':')[1]}`)})` : ''}
            {e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
