/** What a concerning phrase may point to. Staff see the categories; the student never does. */
export const CONCERN_CATEGORIES = [
  'abuse',
  'exploitation',
  'control',
  'threats',
  'self-harm',
  'running-away',
  'image-requests',
  'secrecy',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const CONCERN_LANGUAGES = ['en', 'es'] as const;
export type ConcernLanguage = (typeof CONCERN_LANGUAGES)[number];

/** What each category means, for staff (README and the safeguarding page). */
export const CATEGORY_DESCRIPTIONS: Readonly<Record<ConcernCategory, string>> = {
  abuse: 'Disclosure of abuse, or of not being safe at home',
  exploitation: 'Being made to work or do things for money, or to pay off a debt',
  control: 'Someone taking their ID, papers or phone, or not letting them leave or talk to people',
  threats: 'Threats against them, their family or their images',
  'self-harm': 'Thoughts of suicide or self-harm',
  'running-away': 'Wanting to run away, being put out of home, having nowhere to sleep',
  'image-requests': 'Being asked for sexual or undressed images',
  secrecy: 'An adult or older person asking them to keep a secret (a grooming sign)',
};

/**
 * A curated phrase. `pattern` is written in the phrase language:
 * - words separated by spaces, matched as whole words after normalisation (see normalise.ts);
 * - `(a|b c|d)`: one of the alternatives (an alternative may be several words); an empty alternative,
 *   as in `(my|)`, makes the slot optional;
 * - `*`: exactly one word, whatever it is;
 * - `{NAME}`: a shared group of alternatives (GROUPS in phrases.ts).
 */
export interface ConcernPhrase {
  pattern: string;
  category: ConcernCategory;
  /** Why this phrase is on the list (documented in the README). */
  why: string;
}

/** The result of matching a text. It names categories only: never the words that matched. */
export interface ConcernMatch {
  matched: boolean;
  categories: ConcernCategory[];
}
