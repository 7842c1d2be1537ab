import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogModuleSummaryFragment } from '../../../gql/graphql';
import { isLanguage } from '../../../i18n/i18n';
import { formatGradeNumbers } from '../../layout/format';

/** "English, Español": each name in its own language, marked up as such for screen readers. */
export function LanguageNames({ languages }: { languages: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {languages.map((language, i) => (
        <Fragment key={language}>
          {i > 0 && ', '}
          <span lang={language}>{isLanguage(language) ? t(`language.${language}`) : language}</span>
        </Fragment>
      ))}
    </>
  );
}

/** Topic tags as chips, labelled as a list of topics. */
export function TopicChips({
  topics,
  lang,
  label,
}: {
  topics: readonly { tag: string; label: string }[];
  lang: string;
  label?: string;
}) {
  if (topics.length === 0) return null;
  return (
    <ul className="chips" aria-label={label} lang={lang}>
      {topics.map((topic) => (
        <li key={topic.tag} className="chip">
          {topic.label}
        </li>
      ))}
    </ul>
  );
}

/** Grade band, grades, time and languages; on the detail page also version, licence and review status. */
export function ModuleFacts({
  module,
  details,
}: {
  module: CatalogModuleSummaryFragment;
  /** On the detail page; `version` is left out where a version picker shows it. */
  details?: { licence: string; reviewStatus: string; version?: string };
}) {
  const { t } = useTranslation();
  return (
    <dl className={details ? 'facts facts--inline' : 'facts'}>
      <div>
        <dt>{t('catalog.module.gradeBand')}</dt>
        <dd>{module.gradeBand}</dd>
      </div>
      <div>
        <dt>{t('catalog.module.grades')}</dt>
        <dd>{formatGradeNumbers(t, module.grades)}</dd>
      </div>
      <div>
        <dt>{t('catalog.module.time')}</dt>
        <dd>{t('catalog.module.minutes', { count: module.estimatedMinutes })}</dd>
      </div>
      <div>
        <dt>{t('catalog.module.languages')}</dt>
        <dd>
          <LanguageNames languages={module.languages} />
        </dd>
      </div>
      {details && (
        <>
          {details.version && (
            <div>
              <dt>{t('catalog.module.version')}</dt>
              <dd>{details.version}</dd>
            </div>
          )}
          <div>
            <dt>{t('catalog.module.licence')}</dt>
            <dd>{details.licence}</dd>
          </div>
          <div>
            <dt>{t('catalog.module.reviewStatus')}</dt>
            <dd>
              {t(`catalog.reviewStatus.${details.reviewStatus}`, { defaultValue: details.reviewStatus })}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}
