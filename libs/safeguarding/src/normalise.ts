/**
 * Text normalisation for phrase matching. Student writing is informal: capitals, missing accents,
 * apostrophes left out, letters repeated for emphasis, chat spellings. Both the curated phrases and the
 * student's text go through the same steps, so a phrase written once matches all of these forms.
 *
 * 1. Unicode NFKD, then combining marks removed: "está" → "esta", "daño" → "dano", "ＩＤ" → "id".
 * 2. Lower case.
 * 3. Anything that is not a letter or a digit separates words: "don't" → "don t", "phone." → "phone".
 * 4. Chat spellings become the word they stand for (SPELLING_VARIANTS): "u" → "you", "wanna" → "want to",
 *    "xq" → "porque".
 * 5. Runs of one letter are squeezed to one ("pleeease" → "plese", "kill" → "kil"): on both sides, so
 *    "kiiill" still meets "kill", and a doubled or dropped double letter is not a different word.
 *
 * Matching is then word by word (whole tokens), so a phrase never matches inside a longer word
 * ("skill" does not contain the word "kill").
 */

/** Chat and texting spellings, as whole words (after accents and punctuation are gone). */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  // English
  u: 'you',
  ur: 'your',
  r: 'are',
  im: 'i m',
  dont: 'don t',
  doesnt: 'doesn t',
  didnt: 'didn t',
  cant: 'can t',
  wont: 'won t',
  isnt: 'isn t',
  wasnt: 'wasn t',
  ive: 'i ve',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  pls: 'please',
  plz: 'please',
  pix: 'pics',
  pic: 'pics',
  mum: 'mom',
  mommy: 'mom',
  daddy: 'dad',
  bf: 'boyfriend',
  gf: 'girlfriend',
  // Spanish
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  porq: 'porque',
  xfa: 'por favor',
  tmb: 'tambien',
  tb: 'tambien',
  mami: 'mama',
  papi: 'papa',
};

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const REPEATS = /(\p{L})\1+/gu;

function squeeze(word: string): string {
  return word.replace(REPEATS, '$1');
}

/** The words of `text`, normalised (see the module comment). */
export function normaliseWords(text: string): string[] {
  const plain = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_WORD, ' ');
  const words: string[] = [];
  for (const raw of plain.split(' ')) {
    if (!raw) continue;
    const variant = SPELLING_VARIANTS[raw] ?? SPELLING_VARIANTS[squeeze(raw)];
    for (const w of (variant ?? raw).split(' ')) words.push(squeeze(w));
  }
  return words;
}

/** `text` normalised to one line of words separated by single spaces. */
export function normalise(text: string): string {
  return normaliseWords(text).join(' ');
}
