import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  ListMeAsSurvivorFacilitatorDocument,
  MyFacilitatorProfileDocument,
  SaveMyFacilitatorProfileDocument,
  WithdrawSurvivorListingDocument,
  type FacilitatorProfileFieldsFragment,
} from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/use-viewer';
import { languageName } from '../../facilitators/components/facilitator-directory-page';
import { Loading, QueryError } from '../../layout/components/status';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';

/** Languages offered as checkboxes (the families Haven's districts serve most). */
export const PROFILE_LANGUAGES = ['en', 'es', 'ht', 'pt', 'vi', 'zh', 'ar', 'fr'] as const;

function ProfileForm({
  profile,
  defaultName,
}: {
  profile: FacilitatorProfileFieldsFragment | null;
  defaultName: string;
}) {
  const { t, i18n } = useTranslation();
  const bioId = useId();
  const [displayName, setDisplayName] = useState(profile?.displayName ?? defaultName);
  const [pronouns, setPronouns] = useState(profile?.pronouns ?? '');
  const [bio, setBio] = useState(profile?.bio ?? '');
  const [languages, setLanguages] = useState<string[]>(profile?.languages ?? []);
  const [listed, setListed] = useState(profile?.listed ?? false);
  const [done, setDone] = useState(false);
  const [save, { loading, error }] = useMutation(SaveMyFacilitatorProfileDocument, {
    refetchQueries: [MyFacilitatorProfileDocument],
  });
  const invalid = displayName.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (invalid) return;
    const r = await save({
      variables: { input: { displayName, pronouns: pronouns.trim() || null, bio, languages, listed } },
    }).catch(() => null);
    if (r?.data) setDone(true);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('teacher.profile.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        maxLength={120}
        required
        invalid={invalid}
        hint={invalid ? t('teacher.profile.nameRequired') : undefined}
      />
      <TextField
        label={t('teacher.profile.pronouns')}
        hint={t('teacher.profile.pronounsHint')}
        value={pronouns}
        onChange={(e) => setPronouns(e.target.value)}
        maxLength={40}
      />
      <div className="field">
        <label htmlFor={bioId}>{t('teacher.profile.bio')}</label>
        <textarea id={bioId} rows={5} maxLength={2000} value={bio} onChange={(e) => setBio(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('teacher.profile.languages')}</legend>
        <ul className="checkbox-list">
          {PROFILE_LANGUAGES.map((l) => (
            <li key={l}>
              <label>
                <input
                  type="checkbox"
                  checked={languages.includes(l)}
                  onChange={(e) =>
                    setLanguages((ls) => (e.target.checked ? [...ls, l] : ls.filter((x) => x !== l)))
                  }
                />{' '}
                {languageName(l, i18n.language)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ul className="checkbox-list">
        <li>
          <label>
            <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} />{' '}
            {t('teacher.profile.listed')}
          </label>
        </li>
      </ul>
      <p className="field__hint">{t('teacher.profile.listedHint')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {t('teacher.profile.saveFailed')}
        </p>
      )}
      <p role="status">{done ? t('teacher.profile.saved') : ''}</p>
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('teacher.profile.save')}
      </button>
    </form>
  );
}

function SurvivorListing({ profile }: { profile: FacilitatorProfileFieldsFragment | null }) {
  const { t } = useTranslation();
  const textId = useId();
  const [statement, setStatement] = useState(profile?.survivorStatement ?? '');
  const [choose, setChoose] = useState(false);
  const [message, setMessage] = useState('');
  const [list, listing] = useMutation(ListMeAsSurvivorFacilitatorDocument, {
    refetchQueries: [MyFacilitatorProfileDocument],
  });
  const [withdraw, withdrawing] = useMutation(WithdrawSurvivorListingDocument, {
    refetchQueries: [MyFacilitatorProfileDocument],
  });
  if (!profile) return <p>{t('teacher.profile.survivor.saveFirst')}</p>;
  const listed = profile.survivorFacilitator;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    if (!statement.trim() || (!listed && !choose)) return;
    const r = await list({ variables: { input: { statement } } }).catch(() => null);
    if (r?.data)
      setMessage(t(listed ? 'teacher.profile.survivor.updated' : 'teacher.profile.survivor.listedNow'));
  };
  const doWithdraw = async () => {
    setMessage('');
    const r = await withdraw().catch(() => null);
    if (r?.data) {
      setChoose(false);
      setStatement('');
      setMessage(t('teacher.profile.survivor.withdrawn'));
    }
  };
  return (
    <>
      <p>{t('teacher.profile.survivor.intro')}</p>
      <ul>
        <li>{t('teacher.profile.survivor.point1')}</li>
        <li>{t('teacher.profile.survivor.point2')}</li>
        <li>{t('teacher.profile.survivor.point3')}</li>
      </ul>
      <p>
        <strong>
          {listed ? t('teacher.profile.survivor.statusListed') : t('teacher.profile.survivor.statusNot')}
        </strong>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={textId}>{t('teacher.profile.survivor.statement')}</label>
          <p className="field__hint" id={`${textId}-hint`}>
            {t('teacher.profile.survivor.statementHint')}
          </p>
          <textarea
            id={textId}
            rows={5}
            maxLength={2000}
            aria-describedby={`${textId}-hint`}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
          />
        </div>
        {!listed && (
          <ul className="checkbox-list">
            <li>
              <label>
                <input type="checkbox" checked={choose} onChange={(e) => setChoose(e.target.checked)} />{' '}
                {t('teacher.profile.survivor.choose')}
              </label>
            </li>
          </ul>
        )}
        {(listing.error || withdrawing.error) && (
          <p className="notice notice--error" role="alert">
            {t('teacher.profile.survivor.failed')}
          </p>
        )}
        <p role="status">{message}</p>
        <div className="report__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={listing.loading || !statement.trim() || (!listed && !choose)}
          >
            {listed ? t('teacher.profile.survivor.update') : t('teacher.profile.survivor.list')}
          </button>
          {listed && (
            <button
              type="button"
              className="button button--secondary"
              disabled={withdrawing.loading}
              onClick={() => void doWithdraw()}
            >
              {t('teacher.profile.survivor.withdraw')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** /teacher/profile: the teacher's own facilitator profile, and the optional survivor listing. */
export function FacilitatorProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('teacher.profile.title'));
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(MyFacilitatorProfileDocument);
  if (!data)
    return (
      <>
        <h1>{t('teacher.profile.title')}</h1>
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </>
    );
  const profile = data.myFacilitatorProfile ?? null;
  return (
    <>
      <h1>{t('teacher.profile.title')}</h1>
      <p className="lead">{t('teacher.profile.intro')}</p>
      <section className="section" aria-labelledby="profile-about">
        <h2 id="profile-about">{t('teacher.profile.about')}</h2>
        <ProfileForm profile={profile} defaultName={viewer.displayName} />
      </section>
      <section className="section" aria-labelledby="profile-trainings">
        <h2 id="profile-trainings">{t('teacher.profile.trainings')}</h2>
        <p>
          {t('teacher.profile.trainingsFromRecords')}{' '}
          <Link to="/teacher/training">{t('teacher.nav.training')}</Link>
        </p>
      </section>
      <section className="section" aria-labelledby="profile-survivor">
        <h2 id="profile-survivor">{t('teacher.profile.survivor.title')}</h2>
        <SurvivorListing profile={profile} />
      </section>
    </>
  );
}
