import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  a11y,
  access,
  app,
  common,
  grades,
  header,
  help,
  landing,
  language,
  nav,
  notFound,
  safety,
  signIn,
  student,
} from './en.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where a language the user picked on purpose is remembered (signed-out pages, shared devices). */
export const LANGUAGE_STORAGE_KEY = 'haven.language';

/** A tree of texts, as in en.json and es.json. */
export interface Strings {
  readonly [key: string]: string | Strings;
}

/**
 * The texts a student or a signed-out visitor may need: landing, sign-in, the app shell and safety bar,
 * the student pages and player. Only these top-level keys of en.json go into the first load; the staff
 * areas bring theirs (staff-strings.ts, added with `addStrings`).
 */
const en = {
  a11y,
  access,
  app,
  common,
  grades,
  header,
  help,
  landing,
  language,
  nav,
  notFound,
  safety,
  signIn,
  student,
} satisfies Strings;

/** English ships with the page; the other languages load the first time they are used. */
export const resources = { en: { translation: en } } as const;

/** The same keys as `en`, per language (destructured, so the bundler keeps only these). */
const startStrings: Record<Language, () => Promise<Strings>> = {
  en: () => Promise.resolve(en),
  es: () =>
    import('./es.json').then(
      ({
        a11y,
        access,
        app,
        common,
        grades,
        header,
        help,
        landing,
        language,
        nav,
        notFound,
        safety,
        signIn,
        student,
      }) => ({
        a11y,
        access,
        app,
        common,
        grades,
        header,
        help,
        landing,
        language,
        nav,
        notFound,
        safety,
        signIn,
        student,
      }),
    ),
};

/** Texts added since start-up by lazily loaded areas, to go along with a language loaded later. */
const addedStrings: Record<Language, Strings>[] = [];

/**
 * Adds the texts a lazily loaded area brings, in every language: at once to each language already
 * loaded, and to a language loaded later together with its start texts (so switching language on
 * that area never shows a missing text).
 */
export function addStrings(byLanguage: Record<Language, Strings>): void {
  addedStrings.push(byLanguage);
  for (const lng of LANGUAGES) {
    if (i18next.hasResourceBundle(lng, 'translation')) {
      i18next.addResourceBundle(lng, 'translation', byLanguage[lng], true, true);
    }
  }
}

const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lng, _namespace, callback) {
    const wanted = isLanguage(lng) ? lng : 'en';
    startStrings[wanted]().then(
      (strings) => callback(null, Object.assign({}, strings, ...addedStrings.map((added) => added[wanted]))),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), false),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode, school policy): the choice then lasts for this page only.
  }
}

/** The language to start in: the one picked on this device, else the browser's, else English. */
export function detectLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const preferred =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const base = tag ? baseLanguage(tag) : '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

i18next.on('languageChanged', syncDocumentLanguage);

/** Settles once the starting language's texts are loaded (at once for English). */
export const i18nReady: Promise<unknown> = i18next
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: detectLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });

syncDocumentLanguage(currentLanguage());

export { i18next as i18n };
