import readability from 'text-readability-ts';
import type { GradeBand } from '@haven/domain';
import { BAND_MAX_GRADE } from './vocabulary';

/**
 * Syllables per word, cached. Counting syllables is by far the most expensive step of the formula
 * (text-readability-ts normalises and runs a dozen regular expressions per call), and the vocabulary
 * of a catalogue repeats itself, so each distinct word is counted once per process.
 */
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_LIMIT = 200_000;

function syllablesOf(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    n = readability.syllableCount(word);
    if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word, n);
  }
  return n;
}

/** Characters text-readability-ts strips as punctuation (its `punctuationRE`), by UTF-16 code unit. */
const ASCII_PUNCTUATION = new Set([...'\\\'!"#$%&()*+,-./:;<=>?@[]^_`{|}~'].map((c) => c.charCodeAt(0)));
function isPunctuation(code: number): boolean {
  return (
    ASCII_PUNCTUATION.has(code) || (code >= 0x2000 && code <= 0x206f) || (code >= 0x2e00 && code <= 0x2e7f)
  );
}

/**
 * Words as text-readability-ts's `lexiconCount` counts them (strip punctuation, split on space, line
 * feed and carriage return, drop empty pieces), in one pass without building strings.
 */
export function lexiconCount(text: string): number {
  let n = 0;
  let hasContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13) {
      if (hasContent) n++;
      hasContent = false;
    } else if (!hasContent && !isPunctuation(c)) {
      hasContent = true;
    }
  }
  return hasContent ? n + 1 : n;
}

const SENTENCE_SPLIT = / *[.?!]['")\]]*[ |\n](?=[A-Z])/g;

/** Sentences as text-readability-ts's `sentenceCount` counts them (pieces of three or more words; at least 1). */
export function sentenceCount(text: string): number {
  let valid = 0;
  for (const sentence of text.split(SENTENCE_SPLIT)) if (lexiconCount(sentence) > 2) valid++;
  return valid > 1 ? valid : 1;
}

/** Rounding as text-readability-ts (and Python's textstat) does it: half away from zero. */
function legacyRound(value: number, points: number): number {
  const p = 10 ** points;
  return Math.floor(value * p + Math.sign(value) * 0.5) / p;
}

/**
 * Reading level by the Flesch-Kincaid grade formula, exactly as text-readability-ts (a port of
 * Python's textstat) computes it, with the syllable count summed word by word through a cache.
 * The formula is for English: Haven computes it on English text only.
 */
export function fleschKincaidGrade(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  const words = lexiconCount(t);
  const sentenceLength = legacyRound(words / sentenceCount(t), 1);
  // The library lower-cases and strips punctuation before counting; stripping only deletes
  // characters, so the whitespace-separated words are the same and their counts add up.
  let syllables = 0;
  for (const w of readability.removePunctuation(t.toLocaleLowerCase('en-US')).split(/\s+/)) {
    if (w !== '') syllables += syllablesOf(w);
  }
  const perWord = words > 0 ? legacyRound(syllables / words, 1) : 0;
  return legacyRound(0.39 * sentenceLength + 11.8 * perWord - 15.59, 1);
}

/** The library's own computation (no cache), kept to prove `fleschKincaidGrade` equal to it in tests. */
export function fleschKincaidGradeReference(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  return readability.fleschKincaidGrade(t);
}

/** Too few words make the formula meaningless. */
export const MIN_WORDS_FOR_READING_LEVEL = 30;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** A text reads too hard for a band when its grade is above the band's highest grade + 1. */
export function readingLevelLimit(band: GradeBand): number {
  return BAND_MAX_GRADE[band] + 1;
}
