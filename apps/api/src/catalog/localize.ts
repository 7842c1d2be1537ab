import type { LanguageMap } from '@haven/curriculum';

/** The text in the wanted language, else the module's source language, else any rendering there is. */
export function localize(map: LanguageMap | undefined, language: string, source: string): string {
  if (!map) return '';
  return map[language] ?? map[source] ?? Object.values(map)[0] ?? '';
}

export function localizeOrNull(
  map: LanguageMap | undefined,
  language: string,
  source: string,
): string | null {
  return map ? localize(map, language, source) : null;
}
