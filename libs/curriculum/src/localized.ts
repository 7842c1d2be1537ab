import type { Localized } from './schemas';

/** Text of a localized value in one language; a plain string is the source language's text. */
export function textIn(value: Localized | undefined, lang: string, sourceLang: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return lang === sourceLang ? value : undefined;
  return value[lang];
}

/** The same value as a full language map (plain string → source language). */
export function toLanguageMap(value: Localized, sourceLang: string): Record<string, string> {
  return typeof value === 'string' ? { [sourceLang]: value } : { ...value };
}

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Spanish (es)". */
export function languageName(lang: string): string {
  let name: string | undefined;
  try {
    name = names.of(lang);
  } catch {
    name = undefined;
  }
  return name && name !== lang ? `${name} (${lang})` : lang;
}
