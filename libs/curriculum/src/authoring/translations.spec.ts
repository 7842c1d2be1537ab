import type { ModuleDocument } from '../document';
import { fixture } from '../test-fixtures';
import { readModuleDocument } from './document-files';
import {
  initialTranslationBasis,
  staleTranslations,
  textFingerprint,
  translationFields,
  updateTranslationBasis,
} from './translations';

const base = (): ModuleDocument => readModuleDocument(fixture()).document!;
const clone = (d: ModuleDocument): ModuleDocument => JSON.parse(JSON.stringify(d)) as ModuleDocument;
const setText = (value: unknown, lang: string, text: string): void => {
  (value as Record<string, string>)[lang] = text;
};

describe('textFingerprint', () => {
  it('is 64-bit FNV-1a over UTF-8 as 16 hex digits', () => {
    expect(textFingerprint('')).toBe('cbf29ce484222325');
    expect(textFingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(textFingerprint('foobar')).toBe('85944171f73967e8');
    expect(textFingerprint('¿Qué?')).toMatch(/^[0-9a-f]{16}$/);
    expect(textFingerprint('¿Qué?')).not.toBe(textFingerprint('¿Que?'));
  });
});

describe('translationFields', () => {
  it('lists every non-source language of every localized value, and every block of translated lessons', () => {
    const fields = translationFields(base());
    const keys = fields.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'module:title@es',
        'module:summary@es',
        'module:objectives.0.text@es',
        'module:alternativeActivity@es',
        'module:parentNotice@es',
        'scenario:asking-for-help:title@es',
        'scenario:asking-for-help/start:text@es',
        'scenario:asking-for-help/start:choices.1.feedback@es',
        'scenario:asking-for-help/helped:ending.debrief@es',
        'assessment:pre:title@es',
        'assessment:pre/know-safe-adult:prompt@es',
        'lesson:introduction.es#0@es',
        'lesson:introduction.es#2@es',
      ]),
    );
    expect(keys.some((k) => k.endsWith('@en'))).toBe(false);
    const block = fields.find((f) => f.key === 'lesson:introduction.es#1@es')!;
    expect(block).toMatchObject({
      anchor: { kind: 'lesson', lesson: 'introduction', lang: 'es', block: 1 },
      lang: 'es',
      text: 'TODO: notas solo para quien facilita.',
      source: 'TODO: notes for the facilitator only.',
      label: 'Lesson “TODO título de la lección” (es), block 2 (facilitator-notes)',
    });
  });
});

describe('translation staleness', () => {
  it('marks nothing stale in a new basis, and marks a translation stale when its source text changes', () => {
    const before = base();
    const basis = initialTranslationBasis(before);
    expect(staleTranslations(before, basis)).toEqual([]);

    const after = clone(before);
    setText(after.scenarios[0]!.nodes[0]!.text, 'en', 'Something new worries you.');
    after.lessons.find((l) => l.lang === 'en')!.blocks[0]!.markdown = 'New English content.';
    const next = updateTranslationBasis(before, after, basis);
    expect(staleTranslations(after, next)).toEqual([
      {
        key: 'scenario:asking-for-help/start:text@es',
        anchor: { kind: 'scenario', scenario: 'asking-for-help', node: 'start', field: 'text' },
        anchorKey: 'scenario:asking-for-help/start:text',
        lang: 'es',
        label: 'Scenario “TODO scenario title”, node “start”: text (es)',
      },
      {
        key: 'lesson:introduction.es#0@es',
        anchor: { kind: 'lesson', lesson: 'introduction', lang: 'es', block: 0 },
        anchorKey: 'lesson:introduction.es#0',
        lang: 'es',
        label: 'Lesson “TODO título de la lección” (es), block 1 (content)',
      },
    ]);

    // The translator updates the Spanish node text: it is current again; the lesson block stays stale.
    const translated = clone(after);
    setText(translated.scenarios[0]!.nodes[0]!.text, 'es', 'Algo nuevo te preocupa.');
    const rebased = updateTranslationBasis(after, translated, next);
    expect(staleTranslations(translated, rebased).map((s) => s.key)).toEqual(['lesson:introduction.es#0@es']);
  });

  it('re-bases new translations and drops entries of fields that are gone', () => {
    const before = base();
    const basis = initialTranslationBasis(before);
    const after = clone(before);
    after.manifest.objectives.push({ id: 'second', text: { en: 'Second goal.', es: 'Segundo objetivo.' } });
    after.scenarios[0]!.nodes = after.scenarios[0]!.nodes.filter((n) => n.id !== 'alone');
    const next = updateTranslationBasis(before, after, basis);
    expect(next['module:objectives.1.text@es']).toBe(textFingerprint('Second goal.'));
    expect(Object.keys(next).some((k) => k.includes('/alone'))).toBe(false);
    expect(staleTranslations(after, next)).toEqual([]);
  });

  it('follows fields by id when lists are reordered', () => {
    const before = base();
    before.manifest.objectives.push({ id: 'second', text: { en: 'Second goal.', es: 'Segundo objetivo.' } });
    const basis = initialTranslationBasis(before);
    const edited = clone(before);
    setText(edited.manifest.objectives[1]!.text, 'en', 'Second goal, reworded.');
    const stale = updateTranslationBasis(before, edited, basis);
    expect(staleTranslations(edited, stale).map((s) => s.key)).toEqual(['module:objectives.1.text@es']);
    // Move the stale objective to the front: it is still the one that is stale.
    const moved = clone(edited);
    moved.manifest.objectives.reverse();
    const movedBasis = updateTranslationBasis(edited, moved, stale);
    expect(staleTranslations(moved, movedBasis).map((s) => s.key)).toEqual(['module:objectives.0.text@es']);
  });

  it('treats a translation without a basis entry as current, and records its source when it is saved', () => {
    const before = base();
    expect(staleTranslations(before, {})).toEqual([]);
    const after = clone(before);
    setText(after.manifest.title, 'en', 'A new title');
    const next = updateTranslationBasis(before, after, {});
    expect(staleTranslations(after, next).map((s) => s.key)).toEqual(['module:title@es']);
    // A new draft (no previous document): everything is current.
    expect(staleTranslations(after, updateTranslationBasis(undefined, after, {}))).toEqual([]);
  });
});
