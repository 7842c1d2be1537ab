import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MandateRuleFieldsFragment } from '../../../gql/graphql';
import { SelectField } from '../../layout/components/select-field';
import { selectableSchoolYears } from '../compliance-year';

const STATUS_ICONS: Readonly<Record<string, string>> = {
  met: '✓',
  'partially-met': '◐',
  'not-met': '✗',
  'not-applicable': '–',
};

/** A status as an icon and words, never by colour alone. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span aria-hidden="true" className="status-badge__icon">
        {STATUS_ICONS[status] ?? '?'}
      </span>{' '}
      {t(`compliance.status.${status}`, { defaultValue: status })}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome outcome--${outcome}`}>
      {t(`compliance.outcome.${outcome}`, { defaultValue: outcome })}
    </span>
  );
}

export function YearSelect({ year, onChange }: { year: string; onChange: (year: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="no-print year-select">
      <SelectField
        label={t('compliance.year')}
        value={year}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {selectableSchoolYears().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** What "<5" means: said once under every table that may show it. */
export function SmallGroupNote() {
  const { t } = useTranslation();
  return <p className="note">{t('compliance.smallGroups')}</p>;
}

export function TopicList({
  topics,
  label,
}: {
  topics: ReadonlyArray<{ tag: string; label: string }>;
  label: string;
}) {
  const { t } = useTranslation();
  if (topics.length === 0) return <span>{t('compliance.none')}</span>;
  return (
    <ul className="inline-list" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic.tag}>{topic.label}</li>
      ))}
    </ul>
  );
}

/**
 * One mandate: title, citation with its sources, certainty, and (always visible) the facts that are
 * short of verified.
 */
export function RuleSummary({
  rule,
  headingLevel = 3,
}: {
  rule: MandateRuleFieldsFragment;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const uncertain = rule.certainty !== 'verified' || rule.uncertainties.length > 0;
  return (
    <article className="rule" aria-labelledby={`rule-${rule.id}`}>
      <Heading id={`rule-${rule.id}`} className="rule__title">
        {rule.title}
      </Heading>
      <p className="rule__citation">
        <span className={`certainty certainty--${rule.certainty}`}>
          {t(`compliance.certainty.${rule.certainty}`, { defaultValue: rule.certainty })}
        </span>{' '}
        {rule.citation}
      </p>
      <dl className="facts facts--inline">
        {rule.frequency && (
          <div>
            <dt>{t('compliance.rule.frequency')}</dt>
            <dd>{t(`compliance.frequency.${rule.frequency}`, { defaultValue: rule.frequency })}</dd>
          </div>
        )}
        {rule.consentModel && (
          <div>
            <dt>{t('compliance.rule.consent')}</dt>
            <dd>{t(`compliance.consent.${rule.consentModel}`, { defaultValue: rule.consentModel })}</dd>
          </div>
        )}
        <div>
          <dt>{t('compliance.rule.topics')}</dt>
          <dd>
            <TopicList topics={rule.requiredTopics} label={t('compliance.rule.topics')} />
          </dd>
        </div>
      </dl>
      {rule.sourceUrls.length > 0 && (
        <p className="rule__sources">
          {t('compliance.rule.sources')}{' '}
          {rule.sourceUrls.map((url, index) => (
            <span key={url}>
              {index > 0 && ', '}
              <a href={url} rel="noreferrer noopener" target="_blank">
                {url}
              </a>
            </span>
          ))}
        </p>
      )}
      {uncertain && (
        <div className="notice notice--uncertain">
          <p>
            <strong>{t('compliance.rule.uncertain')}</strong>
          </p>
          <ul>
            {rule.uncertainties.length > 0 ? (
              rule.uncertainties.map((fact) => <li key={fact}>{fact}</li>)
            ) : (
              <li>
                {t('compliance.rule.evidenceLevel', {
                  level: t(`compliance.certainty.${rule.certainty}`, { defaultValue: rule.certainty }),
                })}
              </li>
            )}
          </ul>
        </div>
      )}
    </article>
  );
}
