import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SetPreferredLanguageDocument } from '../../../gql/graphql';
import { LANGUAGES, rememberLanguage, type Language } from '../../../i18n/i18n';

/**
 * English / Español. Changes the page at once, remembers the choice on this device and, when signed in,
 * saves it to the account.
 */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const [savePreference] = useMutation(SetPreferredLanguageDocument);
  const active = i18n.resolvedLanguage;

  async function choose(language: Language): Promise<void> {
    rememberLanguage(language);
    await i18n.changeLanguage(language);
    if (signedIn) {
      // Not worth an error message: the page is already in the chosen language. Data the server
      // translates (a student's lessons) is fetched again in the new language.
      await savePreference({ variables: { language }, refetchQueries: 'active' }).catch(() => undefined);
    }
  }

  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="button button--toggle"
          aria-pressed={active === language}
          onClick={() => void choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
