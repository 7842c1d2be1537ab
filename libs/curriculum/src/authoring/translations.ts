import { anchorKey, type ContentAnchor, type LessonBlockDocument, type ModuleDocument } from '../document';
import { blockLabel, languageTexts, localizedFields, sourceLanguage } from './localized-fields';

/**
 * When each translation was last written: for every translation field, keyed `anchorKey + '@' + lang`
 * (e.g. `scenario:the-new-follower/the-post:text@es`, `lesson:how-grooming-works.es#3@es`), the
 * {@link textFingerprint} of the source-language text as it was when the translation was written.
 */
export type TranslationBasis = Record<string, string>;

/** One translated value and the source-language text it translates. */
export interface TranslationField {
  /** `anchorKey(anchor) + '@' + lang`: the key of the field in a {@link TranslationBasis}. */
  key: string;
  anchor: ContentAnchor;
  lang: string;
  /** Stable across insertions and reordering (ids, not list positions) plus `@lang`. */
  identity: string;
  label: string;
  /** The translation. */
  text: string;
  /** The source-language text it translates; undefined when the source text is missing. */
  source: string | undefined;
}

export interface StaleTranslation {
  /** `anchorKey + '@' + lang`, as in a {@link TranslationBasis}. */
  key: string;
  anchor: ContentAnchor;
  anchorKey: string;
  lang: string;
  label: string;
}

/**
 * 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 hex digits. A translation basis only has to notice
 * that a source text changed, so a small, stable, non-cryptographic hash is enough; it is not used for
 * anything security-relevant. (No browser-safe SHA-256 package is a dependency of this repository —
 * `@noble/hashes` is only present as a dependency of a test tool — and WebCrypto's digest is async.)
 */
export function textFingerprint(text: string): string {
  const FNV_OFFSET = 0xcbf29ce484222325n;
  const FNV_PRIME = 0x100000001b3n;
  const MASK = 0xffffffffffffffffn;
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

function blockText(block: LessonBlockDocument | undefined): string | undefined {
  if (!block) return undefined;
  return block.title ? `${block.title}\n\n${block.markdown}` : block.markdown;
}

/**
 * Every translation field of a document: each (localized value, language other than the source
 * language) pair for which the value has text in that language, and each block of a lesson file in
 * another language than the source, aligned by index with the block of the source-language lesson
 * (a lesson's title travels with its first block: it is part of the file, not a block).
 */
export function translationFields(doc: ModuleDocument): TranslationField[] {
  const src = sourceLanguage(doc);
  const out: TranslationField[] = [];
  for (const f of localizedFields(doc)) {
    const texts = languageTexts(doc, f.value);
    for (const [lang, text] of Object.entries(texts)) {
      if (lang === src) continue;
      out.push({
        key: `${anchorKey(f.anchor)}@${lang}`,
        anchor: f.anchor,
        lang,
        identity: `${f.identity}@${lang}`,
        label: `${f.label} (${lang})`,
        text,
        source: texts[src],
      });
    }
  }
  for (const lesson of doc.lessons) {
    if (lesson.lang === src) continue;
    const source = doc.lessons.find((l) => l.id === lesson.id && l.lang === src);
    lesson.blocks.forEach((block, i) => {
      const anchor: ContentAnchor = { kind: 'lesson', lesson: lesson.id, lang: lesson.lang, block: i };
      const text = blockText(block)!;
      const sourceBlock = source?.blocks[i];
      out.push({
        key: `${anchorKey(anchor)}@${lesson.lang}`,
        anchor,
        lang: lesson.lang,
        identity: `lesson:${lesson.id}#${i}@${lesson.lang}`,
        label: blockLabel(lesson, i),
        text: i === 0 ? `${lesson.title}\n\n${text}` : text,
        source:
          sourceBlock && sourceBlock.kind === block.kind
            ? i === 0
              ? `${source!.title}\n\n${blockText(sourceBlock)}`
              : blockText(sourceBlock)
            : undefined,
      });
    });
  }
  return out;
}

/** A basis in which every existing translation is current (for a module imported from files). */
export function initialTranslationBasis(doc: ModuleDocument): TranslationBasis {
  const basis: TranslationBasis = {};
  for (const f of translationFields(doc))
    if (f.source !== undefined) basis[f.key] = textFingerprint(f.source);
  return basis;
}

/**
 * The basis after saving `after` over `before` (`before` undefined: a new draft).
 *
 * - A translation that is new, or whose text changed in this save, is re-based on the current
 *   source text: the translator has just written it.
 * - A translation that did not change keeps its entry (found by identity, so inserting or moving an
 *   objective, node, choice or item does not shuffle entries). If it had no entry, it was taken to be
 *   current with the previous source text, which is recorded now, so a source change in this very save
 *   already makes it stale.
 * - Entries of fields that no longer exist are dropped.
 */
export function updateTranslationBasis(
  before: ModuleDocument | undefined,
  after: ModuleDocument,
  basis: TranslationBasis,
): TranslationBasis {
  const previous = new Map((before ? translationFields(before) : []).map((f) => [f.identity, f]));
  const next: TranslationBasis = {};
  for (const f of translationFields(after)) {
    const prev = previous.get(f.identity);
    if (!prev || prev.text !== f.text) {
      if (f.source !== undefined) next[f.key] = textFingerprint(f.source);
      continue;
    }
    const kept = basis[prev.key] ?? (prev.source !== undefined ? textFingerprint(prev.source) : undefined);
    if (kept !== undefined) next[f.key] = kept;
  }
  return next;
}

/**
 * Translations whose source text changed since they were last written (their basis entry differs from
 * the fingerprint of the current source text), in document order.
 *
 * A translation with no basis entry is NOT reported: the basis starts with
 * {@link initialTranslationBasis} (everything current) and every save goes through
 * {@link updateTranslationBasis}, which gives each new or edited translation an entry, so a missing
 * entry only means the history is unknown, and we do not flag what we cannot know. A translation whose
 * source text is missing is not stale either (the validator reports the missing text).
 */
export function staleTranslations(doc: ModuleDocument, basis: TranslationBasis): StaleTranslation[] {
  const out: StaleTranslation[] = [];
  for (const f of translationFields(doc)) {
    const recorded = basis[f.key];
    if (recorded === undefined || f.source === undefined) continue;
    if (recorded !== textFingerprint(f.source))
      out.push({
        key: f.key,
        anchor: f.anchor,
        anchorKey: anchorKey(f.anchor),
        lang: f.lang,
        label: f.label,
      });
  }
  return out;
}
