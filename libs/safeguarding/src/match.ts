import {
  CONCERN_CATEGORIES,
  CONCERN_LANGUAGES,
  type ConcernCategory,
  type ConcernLanguage,
  type ConcernMatch,
  type ConcernPhrase,
} from './model';
import { normaliseWords } from './normalise';
import { GROUPS, PHRASES } from './phrases';

/** One position of a compiled pattern: any word, or one of several word sequences (possibly empty). */
type Slot = { any: true } | { any: false; options: string[][] };

export interface CompiledPhrase {
  phrase: ConcernPhrase;
  slots: Slot[];
}

/** Splits a pattern into its top-level parts: words, `(…)` groups, `*`, `{NAME}`. */
function parts(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new Error(`Unbalanced ")" in pattern: ${pattern}`);
    if (ch === ' ' && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new Error(`Unbalanced "(" in pattern: ${pattern}`);
  if (current) out.push(current);
  return out;
}

/** The word sequences of `a|b c|{GROUP}|` (a group inside the alternatives is spliced in). */
function optionsOf(alternatives: string, pattern: string): string[][] {
  return alternatives.split('|').flatMap((alt) => {
    if (!/^\{[A-Z_]+\}$/.test(alt)) return [normaliseWords(alt)];
    const group = GROUPS[alt.slice(1, -1)];
    if (group === undefined) throw new Error(`Unknown group ${alt} in pattern: ${pattern}`);
    return optionsOf(group, pattern);
  });
}

/** Compiles a pattern (syntax in model.ts). Throws on an unknown group or unbalanced brackets. */
export function compilePattern(phrase: ConcernPhrase): CompiledPhrase {
  const slots: Slot[] = [];
  for (const part of parts(phrase.pattern)) {
    if (part === '*') slots.push({ any: true });
    else if (/^\{[A-Z_]+\}$/.test(part)) {
      const group = GROUPS[part.slice(1, -1)];
      if (group === undefined) throw new Error(`Unknown group ${part} in pattern: ${phrase.pattern}`);
      slots.push({ any: false, options: optionsOf(group, phrase.pattern) });
    } else if (part.startsWith('(') && part.endsWith(')'))
      slots.push({ any: false, options: optionsOf(part.slice(1, -1), phrase.pattern) });
    else if (/[(){}|*]/.test(part)) throw new Error(`Malformed part "${part}" in pattern: ${phrase.pattern}`);
    else slots.push({ any: false, options: [normaliseWords(part)] });
  }
  if (!slots.some((s) => s.any || s.options.every((o) => o.length > 0)))
    throw new Error(`Pattern has no required word: ${phrase.pattern}`);
  return { phrase, slots };
}

/** Does the pattern match the words starting exactly at `at`? */
function matchesAt(slots: readonly Slot[], words: readonly string[], slot: number, at: number): boolean {
  if (slot === slots.length) return true;
  const s = slots[slot];
  if (s.any) return at < words.length && matchesAt(slots, words, slot + 1, at + 1);
  for (const option of s.options) {
    if (option.length > words.length - at) continue;
    let ok = true;
    for (let i = 0; i < option.length; i++)
      if (words[at + i] !== option[i]) {
        ok = false;
        break;
      }
    if (ok && matchesAt(slots, words, slot + 1, at + option.length)) return true;
  }
  return false;
}

/** Whether the phrase occurs anywhere in the (normalised) words. */
export function phraseOccurs(compiled: CompiledPhrase, words: readonly string[]): boolean {
  for (let at = 0; at < words.length; at++) if (matchesAt(compiled.slots, words, 0, at)) return true;
  return false;
}

const COMPILED: Readonly<Record<ConcernLanguage, readonly CompiledPhrase[]>> = {
  en: PHRASES.en.map(compilePattern),
  es: PHRASES.es.map(compilePattern),
};

/**
 * The concern categories a text matches. `lang` picks the phrase list; without it, every language's list
 * is used (students write in either language whatever the interface language is, and the API errs on
 * the side of flagging). The result names categories only, never the words that matched, and is for
 * designated staff: never show or explain it to the student.
 */
export function matchConcerns(
  text: string,
  lang?: ConcernLanguage | readonly ConcernLanguage[],
): ConcernMatch {
  const languages: readonly ConcernLanguage[] =
    lang === undefined ? CONCERN_LANGUAGES : typeof lang === 'string' ? [lang] : lang;
  const words = normaliseWords(text);
  const found = new Set<ConcernCategory>();
  if (words.length) {
    for (const language of languages)
      for (const compiled of COMPILED[language])
        if (!found.has(compiled.phrase.category) && phraseOccurs(compiled, words))
          found.add(compiled.phrase.category);
  }
  const categories = CONCERN_CATEGORIES.filter((c) => found.has(c));
  return { matched: categories.length > 0, categories };
}
