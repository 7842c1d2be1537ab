import { join } from 'node:path';
import type { ModuleDocument } from '../document';
import { readModuleFiles } from '../load-module';
import { fixture } from '../test-fixtures';
import { bumpVersion, diffModuleDocuments, suggestBump, type ContentChange } from './document-diff';
import { readModuleDocument } from './document-files';

const base = (): ModuleDocument => readModuleDocument(fixture()).document!;
const edit = (f: (d: ModuleDocument) => void): ModuleDocument => {
  const d = base();
  f(d);
  return d;
};
const brief = (changes: ContentChange[]): string[] =>
  changes.map((c) => `${c.change} ${c.anchorKey} ${c.impact}`);

describe('diffModuleDocuments', () => {
  it('finds nothing between equal documents, including a shipped module against itself', async () => {
    expect(diffModuleDocuments(base(), base())).toEqual([]);
    const files = await readModuleFiles(join(__dirname, '../../../../curricula/online-safety-6-8'));
    const d = readModuleDocument(files).document!;
    expect(diffModuleDocuments(d, JSON.parse(JSON.stringify(d)) as ModuleDocument)).toEqual([]);
  });

  it('reports a changed translation of a node text per language, with a word diff', () => {
    const after = edit((d) => {
      (d.scenarios[0]!.nodes[0]!.text as Record<string, string>)['es'] = 'TODO algo te preocupa mucho.';
    });
    const changes = diffModuleDocuments(base(), after);
    expect(changes).toEqual([
      {
        anchor: { kind: 'scenario', scenario: 'asking-for-help', node: 'start', field: 'text' },
        anchorKey: 'scenario:asking-for-help/start:text',
        label: 'Scenario “TODO scenario title”, node “start”: text (es)',
        change: 'changed',
        lang: 'es',
        before: 'TODO algo te preocupa.',
        after: 'TODO algo te preocupa mucho.',
        parts: [{ value: 'TODO algo te preocupa ' }, { value: 'mucho', added: true }, { value: '.' }],
        impact: 'patch',
      },
    ]);
  });

  it('labels lesson block changes and matches blocks by content, then kind', () => {
    const after = edit((d) => {
      const es = d.lessons.find((l) => l.lang === 'es')!;
      es.blocks[0] = { ...es.blocks[0]!, markdown: 'Lo que leen los estudiantes.' };
      es.blocks.splice(1, 0, { kind: 'discussion', title: 'Hablemos', markdown: '¿Qué harías?' });
    });
    const changes = diffModuleDocuments(base(), after);
    expect(changes.map((c) => [c.label, c.change, c.impact])).toEqual([
      ['Lesson “TODO título de la lección” (es), block 2 (discussion)', 'added', 'minor'],
      ['Lesson “TODO título de la lección” (es), block 1 (content)', 'changed', 'patch'],
    ]);
    expect(changes[0]!.anchor).toEqual({ kind: 'lesson', lesson: 'introduction', lang: 'es', block: 1 });
    expect(changes[0]!.after).toBe('Hablemos\n\n¿Qué harías?');
    expect(changes[1]!.parts!.some((p) => p.removed)).toBe(true);
  });

  it('reports added and removed nodes, choices, items, options, objectives and lessons', () => {
    const after = edit((d) => {
      const s = d.scenarios[0]!;
      s.nodes = s.nodes.filter((n) => n.id !== 'alone');
      s.nodes[0]!.choices = s.nodes[0]!.choices.filter((c) => c.id !== 'keep-quiet');
      s.nodes.push({
        id: 'extra',
        speaker: 'narrator',
        text: 'More.',
        tags: [],
        choices: [],
        ending: { outcome: 'protective', debrief: 'Ok.' },
      });
      d.manifest.objectives.push({ id: 'new-goal', text: 'A new goal.' });
      d.assessments.find((a) => a.id === 'pre')!.items = [];
      d.lessons.push({ id: 'second', lang: 'en', title: 'Second', minutes: 5, blocks: [] });
    });
    expect(brief(diffModuleDocuments(base(), after))).toEqual([
      'added module:objectives.1 minor',
      'added lesson:second.en minor',
      'removed scenario:asking-for-help/alone major',
      'removed scenario:asking-for-help/start:choices.1 major',
      'added scenario:asking-for-help/extra minor',
      'removed assessment:pre/know-safe-adult major',
    ]);
  });

  it('counts a reordered sequence as one change of the sequence', () => {
    const after = edit((d) => {
      const [pre, lesson, scenario, post] = d.manifest.sequence;
      d.manifest.sequence = [pre!, scenario!, lesson!, post!];
    });
    const changes = diffModuleDocuments(base(), after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      anchorKey: 'module:sequence',
      change: 'changed',
      before: 'assessment pre → lesson introduction → scenario asking-for-help → assessment post',
      after: 'assessment pre → scenario asking-for-help → lesson introduction → assessment post',
      impact: 'major',
      reason: 'sequence reordered',
    });
  });

  it('compares localized values per language, whether written as text or as a map', () => {
    const before = edit((d) => {
      d.manifest.summary = 'TODO one-sentence summary.';
    });
    const after = edit((d) => {
      d.manifest.summary = { en: 'TODO one-sentence summary.', es: 'Resumen.' };
    });
    expect(brief(diffModuleDocuments(before, after))).toEqual(['added module:summary patch']);
    expect(diffModuleDocuments(before, after)[0]!.lang).toBe('es');
  });

  it('ignores the version number', () => {
    expect(
      diffModuleDocuments(
        base(),
        edit((d) => (d.manifest.version = '2.0.0')),
      ),
    ).toEqual([]);
  });
});

describe('suggestBump', () => {
  it('suggests a patch for text changes only', () => {
    const after = edit((d) => {
      d.manifest.title = { en: 'A better title', es: 'Un título mejor' };
      d.lessons[0]!.blocks[0]!.markdown = 'Fixed a typo.';
    });
    expect(suggestBump(base(), after)).toEqual({ bump: 'patch', reasons: ['text changed'] });
    expect(suggestBump(base(), base())).toEqual({ bump: 'patch', reasons: ['no content changes'] });
  });

  it('suggests minor when something is added', () => {
    const after = edit((d) => {
      d.manifest.languages.push('fr');
      d.scenarios[0]!.nodes.push({
        id: 'extra',
        speaker: 'narrator',
        text: 'More.',
        tags: [],
        choices: [],
        ending: { outcome: 'protective', debrief: 'Ok.' },
      });
      d.manifest.title = 'Changed';
    });
    expect(suggestBump(base(), after)).toEqual({ bump: 'minor', reasons: ['language added', 'node added'] });
  });

  it('suggests major when something is removed or restructured', () => {
    expect(
      suggestBump(
        base(),
        edit((d) => (d.manifest.gradeBand = '9-12')),
      ),
    ).toMatchObject({
      bump: 'major',
      reasons: ['grade band changed'],
    });
    expect(
      suggestBump(
        base(),
        edit((d) => (d.scenarios[0]!.start = 'helped')),
      ),
    ).toMatchObject({
      bump: 'major',
      reasons: ['scenario start changed'],
    });
    expect(
      suggestBump(
        base(),
        edit((d) => (d.lessons = d.lessons.filter((l) => l.lang === 'en'))),
      ),
    ).toMatchObject({
      bump: 'major',
      reasons: ['lesson removed'],
    });
    expect(
      suggestBump(
        base(),
        edit((d) => d.manifest.objectives.pop()),
      ),
    ).toMatchObject({ bump: 'major' });
  });
});

describe('bumpVersion', () => {
  it('bumps with semver', () => {
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpVersion('0.1.0', 'minor')).toBe('0.2.0');
    expect(() => bumpVersion('one', 'patch')).toThrow('"one" is not a semantic version');
  });
});
