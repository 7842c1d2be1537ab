import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { VersionCompare } from './version-compare';
import { Link, useParams, useSearchParams } from 'wouter';
import { useLocationState } from '../../../app/router';
import { CatalogModuleDocument, type CatalogModuleQuery } from '../../../gql/graphql';
import { currentLanguage, isLanguage } from '../../../i18n/i18n';
import { SafeHtml } from '../../layout/components/safe-html';
import { SelectField } from '../../layout/components/select-field';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import type { CatalogLinkState } from './catalog-list-page';
import { ModuleFacts, TopicChips } from './module-facts';

type Module = NonNullable<CatalogModuleQuery['moduleVersion']>;
type StepKind = 'lesson' | 'scenario' | 'assessment';

// The shapes the API accepts; anything else cannot exist, so it is "not found" without asking.
const MODULE_ID = /^[a-z0-9-]{2,80}$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** An element id for a lesson, scenario or assessment of this module (ids are unique per kind). */
function anchorId(kind: StepKind, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function backPath(state: unknown): string {
  const search = (state as Partial<CatalogLinkState> | null)?.catalogSearch;
  return typeof search === 'string' && search ? `/catalog?${search}` : '/catalog';
}

function Section({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={className ? `section ${className}` : 'section'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ModuleDetailPage() {
  const { t, i18n } = useTranslation();
  const { moduleId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const cameFrom = useLocationState();
  const version = params.get('version');
  const valid = MODULE_ID.test(moduleId) && (version === null || VERSION.test(version));
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();

  const { data, previousData, error, loading, refetch } = useQuery(CatalogModuleDocument, {
    variables: { moduleId, displayLanguage, ...(version && { version }) },
    skip: !valid,
  });
  // While another version or language loads, keep this module on screen (and the version picker, which
  // may have focus) instead of replacing the page with "Loading…".
  const previous = previousData?.moduleVersion?.moduleId === moduleId ? previousData : undefined;
  const shown = data ?? previous;
  const found = shown?.moduleVersion;
  usePageTitle(found ? found.title : shown || !valid ? t('catalog.detail.notFound') : t('common.loading'));

  const back = (
    <p className="back-link">
      <Link to={backPath(cameFrom)}>{t('catalog.detail.back')}</Link>
    </p>
  );

  if (valid && !shown) {
    return (
      <div>
        {back}
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </div>
    );
  }
  if (!found) {
    return (
      <div>
        {back}
        <h1>{t('catalog.detail.notFound')}</h1>
        <p>{t('catalog.detail.notFoundBody')}</p>
      </div>
    );
  }
  return (
    <div>
      {back}
      <ModuleDetail
        module={found}
        displayLanguage={displayLanguage}
        busy={loading}
        onVersion={(v) => setParams({ version: v }, { replace: true })}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
    </div>
  );
}

function ModuleDetail({
  module: m,
  displayLanguage,
  busy,
  onVersion,
}: {
  module: Module;
  displayLanguage: string;
  busy: boolean;
  onVersion: (version: string) => void;
}) {
  const { t } = useTranslation();
  const lang = m.language;
  const topicLabel = new Map(m.topics.map((topic) => [topic.tag, topic.label]));
  const titles: Record<StepKind, Map<string, string>> = {
    lesson: new Map(m.lessons.map((l) => [l.id, l.title])),
    scenario: new Map(m.scenarios.map((s) => [s.id, s.title])),
    assessment: new Map(m.assessments.map((a) => [a.id, a.title])),
  };
  const languageName = (code: string) => (isLanguage(code) ? t(`language.${code}`) : code);

  return (
    <article className="module" aria-busy={busy || undefined}>
      <h1 lang={lang}>{m.title}</h1>
      <p className="lead" lang={lang}>
        {m.summary}
      </p>
      {lang !== displayLanguage && (
        <p className="notice notice--info">
          {t('catalog.detail.shownIn', { wanted: languageName(displayLanguage), shown: languageName(lang) })}
        </p>
      )}
      {m.versions.length > 1 && (
        <div className="version-picker">
          <SelectField
            label={t('catalog.detail.versionPicker')}
            value={m.version}
            onChange={(event) => onVersion(event.target.value)}
          >
            {m.versions.map((v, i) => (
              <option key={v} value={v}>
                {i === 0 ? t('catalog.detail.latest', { version: v }) : v}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <p>
        <a href={`/exports/modules/${m.moduleId}/${m.version}.zip`} download>
          {t('catalog.detail.download', { version: m.version })}
        </a>
      </p>
      {m.versions.length > 1 && <VersionCompare moduleId={m.moduleId} versions={m.versions} />}
      <ModuleFacts
        module={m}
        details={{
          licence: m.licence,
          reviewStatus: m.reviewStatus,
          ...(m.versions.length <= 1 && { version: m.version }),
        }}
      />

      <Section id="module-warnings" title={t('catalog.detail.warnings')} className="warning-panel">
        {m.contentWarnings.length === 0 ? (
          <p>{t('catalog.detail.noWarnings')}</p>
        ) : (
          <>
            <p>{t('catalog.detail.warningsIntro')}</p>
            <ul className="warning-list" lang={lang}>
              {m.contentWarnings.map((w) => (
                <li key={w.topic}>
                  <strong>{topicLabel.get(w.topic) ?? w.topic}</strong>: {w.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="module-objectives" title={t('catalog.detail.objectives')}>
        <ul lang={lang}>
          {m.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </Section>

      <Section id="module-topics" title={t('catalog.detail.topics')}>
        <TopicChips topics={m.topics} lang={lang} />
      </Section>

      <Section id="module-facilitator" title={t('catalog.detail.facilitator')}>
        <dl className="facts">
          <div>
            <dt>{t('catalog.detail.trainings')}</dt>
            <dd>
              {m.facilitator.trainings.length === 0
                ? t('catalog.detail.noTrainings')
                : m.facilitator.trainings.join(', ')}
            </dd>
          </div>
          <div>
            <dt>{t('catalog.detail.survivor')}</dt>
            <dd>
              {m.facilitator.survivorCoFacilitationRecommended
                ? t('catalog.detail.survivorRecommended')
                : t('catalog.detail.survivorNotRequired')}
            </dd>
          </div>
        </dl>
      </Section>

      {m.alternativeActivity && (
        <Section id="module-alternative" title={t('catalog.detail.alternative')}>
          <p>{t('catalog.detail.alternativeIntro')}</p>
          <p lang={lang}>{m.alternativeActivity}</p>
        </Section>
      )}

      <Section id="module-sequence" title={t('catalog.detail.sequence')}>
        <ol className="sequence">
          {m.sequence.map((step, i) => {
            const kind = step.kind as StepKind;
            const title = titles[kind]?.get(step.id);
            return (
              <li key={`${step.kind}-${step.id}-${i}`}>
                <span className="sequence__kind">
                  {t(`catalog.kind.${step.kind}`, { defaultValue: step.kind })}
                </span>{' '}
                {title ? (
                  <a href={`#${anchorId(kind, step.id)}`} lang={lang}>
                    {title}
                  </a>
                ) : (
                  <code>{step.id}</code>
                )}
              </li>
            );
          })}
        </ol>
      </Section>

      <Section id="module-lessons" title={t('catalog.detail.lessons')}>
        {m.lessons.length === 0 && <p>{t('catalog.detail.noLessons')}</p>}
        {m.lessons.map((lesson) => {
          const headingId = anchorId('lesson', lesson.id);
          return (
            <article key={lesson.id} className="lesson" id={headingId} aria-labelledby={`${headingId}-title`}>
              <h3 id={`${headingId}-title`} lang={lang}>
                {lesson.title}
              </h3>
              <p className="card__meta">{t('catalog.module.minutes', { count: lesson.minutes })}</p>
              {lesson.blocks.map((block, i) => (
                <div key={i} className={`lesson-block lesson-block--${block.kind}`}>
                  <h4 lang={block.title ? lang : undefined}>
                    {block.title ?? t(`catalog.block.${block.kind}`, { defaultValue: block.kind })}
                  </h4>
                  <SafeHtml html={block.html} headingLevel={5} lang={lang} />
                </div>
              ))}
              {lesson.facilitatorNotes.length > 0 && (
                <aside className="facilitator-notes" aria-labelledby={`${headingId}-notes`}>
                  <h4 id={`${headingId}-notes`}>{t('catalog.detail.facilitatorOnly')}</h4>
                  {lesson.facilitatorNotes.map((note, i) => (
                    <div key={i} className="facilitator-notes__note">
                      {note.title && <h5 lang={lang}>{note.title}</h5>}
                      <SafeHtml html={note.html} headingLevel={6} lang={lang} />
                    </div>
                  ))}
                </aside>
              )}
            </article>
          );
        })}
      </Section>

      {m.scenarios.length > 0 && (
        <Section id="module-scenarios" title={t('catalog.detail.scenarios')}>
          <ul className="card-list">
            {m.scenarios.map((s) => (
              <li key={s.id} className="card" id={anchorId('scenario', s.id)}>
                <h3 className="card__title" lang={lang}>
                  {s.title}
                </h3>
                {s.summary && <p lang={lang}>{s.summary}</p>}
                <dl className="facts">
                  <div>
                    <dt>{t('catalog.detail.steps')}</dt>
                    <dd>{s.nodeCount}</dd>
                  </div>
                  <div>
                    <dt>{t('catalog.detail.endings')}</dt>
                    <dd>{s.endingCount}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {m.assessments.length > 0 && (
        <Section id="module-assessments" title={t('catalog.detail.assessments')}>
          <ul className="card-list">
            {m.assessments.map((a) => (
              <li key={a.id} className="card" id={anchorId('assessment', a.id)}>
                <p className="card__meta">
                  {t(`catalog.assessmentKind.${a.kind}`, { defaultValue: a.kind })}
                </p>
                <h3 className="card__title" lang={lang}>
                  {a.title}
                </h3>
                <p>{t('catalog.detail.items', { count: a.items.length })}</p>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}
