import type { Localized } from '@haven/curriculum';

/** Text of a localized value in one language (a plain string is the source language's); '' when absent. */
export function textIn(value: Localized | undefined, lang: string, sourceLang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return lang === sourceLang ? value : '';
  return value[lang] ?? '';
}

/**
 * The value with `lang`'s text replaced. A plain string stays a plain string while only the source
 * language is edited; otherwise it becomes a language map. Clearing a translation removes it from the
 * map (a missing translation, which the validator reports), while the source language keeps its key.
 */
export function withText(
  value: Localized | undefined,
  lang: string,
  sourceLang: string,
  text: string,
): Localized {
  if ((value === undefined || typeof value === 'string') && lang === sourceLang) return text;
  const map: Record<string, string> =
    value === undefined ? {} : typeof value === 'string' ? { [sourceLang]: value } : { ...value };
  if (text === '' && lang !== sourceLang) delete map[lang];
  else map[lang] = text;
  return map;
}

/** As `withText`, for optional fields: undefined once no language has any text. */
export function withOptionalText(
  value: Localized | undefined,
  lang: string,
  sourceLang: string,
  text: string,
): Localized | undefined {
  const next = withText(value, lang, sourceLang, text);
  const texts = typeof next === 'string' ? [next] : Object.values(next);
  return texts.every((t) => t === '') ? undefined : next;
}

/** Text of a compiled language map in `lang`, else in the first language that has it. */
export function pick(map: Readonly<Record<string, string>> | undefined, lang: string): string {
  if (!map) return '';
  return map[lang] ?? Object.values(map)[0] ?? '';
}

/** "English (en)", in the interface's language. */
export function languageLabel(lang: string, uiLang: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([uiLang], { type: 'language' }).of(lang);
  } catch {
    name = undefined;
  }
  return name && name !== lang ? `${name} (${lang})` : lang;
}
