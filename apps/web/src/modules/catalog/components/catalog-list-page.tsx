import { useMemo, useRef, type ChangeEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { GRADE_BANDS } from '@haven/domain';
import { CatalogModulesDocument } from '../../../gql/graphql';
import { currentLanguage, LANGUAGES } from '../../../i18n/i18n';
import { SelectField } from '../../layout/components/select-field';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import {
  filterVariables,
  GRADES,
  hasFilters,
  NO_FILTERS,
  readFilters,
  writeFilters,
  type CatalogFilters,
} from '../catalog-filters';
import { ModuleFacts, TopicChips } from './module-facts';

/** What a card's link hands to the detail page, so "Back to the catalog" keeps the filters. */
export interface CatalogLinkState {
  catalogSearch: string;
}

export function CatalogListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalog.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filtered = hasFilters(filters);
  const displayLanguage = i18n.resolvedLanguage ?? currentLanguage();
  const firstFilter = useRef<HTMLSelectElement>(null);

  // Results, and the unfiltered list the topic choices come from (one request while nothing is filtered).
  const results = useQuery(CatalogModulesDocument, { variables: filterVariables(filters, displayLanguage) });
  const everything = useQuery(CatalogModulesDocument, {
    variables: filterVariables(NO_FILTERS, displayLanguage),
  });

  const topics = useMemo(() => {
    const byTag = new Map<string, string>();
    for (const m of (everything.data ?? everything.previousData)?.modules ?? []) {
      for (const topic of m.topics) if (!byTag.has(topic.tag)) byTag.set(topic.tag, topic.label);
    }
    if (filters.topic && !byTag.has(filters.topic)) byTag.set(filters.topic, filters.topic);
    return [...byTag].sort(([, a], [, b]) => a.localeCompare(b, displayLanguage));
  }, [everything.data, everything.previousData, filters.topic, displayLanguage]);

  function change(key: keyof CatalogFilters) {
    return (event: ChangeEvent<HTMLSelectElement>) =>
      setParams(writeFilters({ ...filters, [key]: event.target.value }), { replace: true });
  }

  function clear() {
    setParams(new URLSearchParams(), { replace: true });
    firstFilter.current?.focus();
  }

  // While new results load, keep showing the previous ones rather than flashing an empty page.
  const modules = (results.data ?? results.previousData)?.modules;
  const linkState: CatalogLinkState = { catalogSearch: params.toString() };

  return (
    <div>
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.intro')}</p>

      <form
        className="filters"
        role="search"
        aria-labelledby="catalog-filters-title"
        onSubmit={(event) => event.preventDefault()}
      >
        <h2 id="catalog-filters-title" className="visually-hidden">
          {t('catalog.filters.legend')}
        </h2>
        <p className="field__hint">{t('catalog.filters.hint')}</p>
        <div className="filters__grid">
          <SelectField
            label={t('catalog.filters.gradeBand')}
            value={filters.gradeBand}
            onChange={change('gradeBand')}
            selectRef={firstFilter}
          >
            <option value="">{t('catalog.filters.allGradeBands')}</option>
            {GRADE_BANDS.map((band) => (
              <option key={band} value={band}>
                {band}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('catalog.filters.grade')} value={filters.grade} onChange={change('grade')}>
            <option value="">{t('catalog.filters.allGrades')}</option>
            {GRADES.map((grade) => (
              <option key={grade} value={String(grade)}>
                {grade === 0 ? t('grades.kindergarten') : grade}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('catalog.filters.language')}
            value={filters.language}
            onChange={change('language')}
          >
            <option value="">{t('catalog.filters.allLanguages')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('catalog.filters.topic')} value={filters.topic} onChange={change('topic')}>
            <option value="">{t('catalog.filters.allTopics')}</option>
            {topics.map(([tag, label]) => (
              <option key={tag} value={tag}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        {filtered && (
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('catalog.filters.clear')}
          </button>
        )}
      </form>

      <section className="section" aria-labelledby="catalog-results-title">
        <h2 id="catalog-results-title">{t('catalog.results.label')}</h2>
        {results.error ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : !modules ? (
          <Loading />
        ) : (
          <>
            <p className="status" role="status">
              {results.loading
                ? t('catalog.results.updating')
                : t('catalog.results.count', { count: modules.length })}
            </p>
            {modules.length === 0 ? (
              <p>{filtered ? t('catalog.results.empty') : t('catalog.results.none')}</p>
            ) : (
              <ul className="card-list card-list--wide" aria-busy={results.loading || undefined}>
                {modules.map((m) => (
                  <li key={m.id} className="card module-card">
                    <h3 className="module-card__title" lang={m.language}>
                      <Link
                        className="card__link"
                        to={`/catalog/${encodeURIComponent(m.moduleId)}`}
                        state={linkState}
                      >
                        {m.title}
                      </Link>
                    </h3>
                    <ModuleFacts module={m} />
                    <TopicChips topics={m.topics} lang={m.language} label={t('catalog.module.topics')} />
                    <p className="module-card__summary" lang={m.language}>
                      {m.summary}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}
