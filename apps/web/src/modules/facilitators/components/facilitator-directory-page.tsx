import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FacilitatorDirectoryDocument, type FacilitatorProfileFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';

/** A language tag in the reader's language ("es" → "Spanish"), or the tag itself. */
export function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** One profile as colleagues see it; the survivor statement shows exactly as its owner wrote it. */
export function FacilitatorCard({ profile }: { profile: FacilitatorProfileFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const headingId = `facilitator-${profile.userId}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {profile.displayName}
        {profile.pronouns && <span className="note"> ({profile.pronouns})</span>}
      </h2>
      {profile.survivorFacilitator && (
        <p>
          <span className="badge">{t('district.facilitators.survivor')}</span>
        </p>
      )}
      {profile.bio && <p className="pre-line">{profile.bio}</p>}
      {profile.survivorStatement && (
        <blockquote className="pre-line" aria-label={t('district.facilitators.inTheirWords')}>
          {profile.survivorStatement}
        </blockquote>
      )}
      <dl className="facts">
        <div>
          <dt>{t('district.facilitators.languages')}</dt>
          <dd>
            {profile.languages.length
              ? profile.languages.map((l) => languageName(l, i18n.language)).join(', ')
              : t('district.facilitators.noLanguages')}
          </dd>
        </div>
        <div>
          <dt>{t('district.facilitators.trainings')}</dt>
          <dd>
            {profile.trainings.length === 0 ? (
              t('district.facilitators.noTrainings')
            ) : (
              <ul>
                {profile.trainings.map((r) => (
                  <li key={r.id}>
                    {r.expiresAt
                      ? t('district.filings.trainingUntil', {
                          course: r.courseTitle,
                          date: formatDate(r.expiresAt, i18n.language),
                        })
                      : r.courseTitle}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** /district/facilitators and /teacher/facilitators: the district's listed facilitators. */
export function FacilitatorDirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('district.facilitators.title'));
  const { data, error, refetch } = useQuery(FacilitatorDirectoryDocument, {
    fetchPolicy: 'cache-and-network',
  });
  return (
    <div>
      <h1>{t('district.facilitators.title')}</h1>
      <p className="lead">{t('district.facilitators.intro')}</p>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : data.facilitatorDirectory.length === 0 ? (
        <p>{t('district.facilitators.empty')}</p>
      ) : (
        <ul className="card-list">
          {data.facilitatorDirectory.map((p) => (
            <FacilitatorCard key={p.userId} profile={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
