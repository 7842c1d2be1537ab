import readability from 'text-readability-ts';
import type { GradeBand } from '@haven/domain';
import { BAND_MAX_GRADE } from './vocabulary';

/**
 * Reading level by the Flesch-Kincaid grade formula (text-readability-ts, a port of Python's textstat).
 * The formula is for English: Haven computes it on English text only.
 */
export function fleschKincaidGrade(text: string): number {
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
