import type { ModuleDocument } from '../document';
import type { Scenario } from '../schemas';
import { fixture } from '../test-fixtures';
import { readModuleDocument } from './document-files';
import { validateDocument, yamlPathIndex, type AnchoredIssue } from './document-validate';

function doc(): ModuleDocument {
  return readModuleDocument(fixture()).document!;
}

function brief(issues: AnchoredIssue[]): string[] {
  return issues.map((i) => `${i.code} ${i.anchorKey ?? '-'}`);
}

describe('validateDocument', () => {
  it('finds no issue in the scaffold and returns its canonical files', () => {
    const r = validateDocument(doc());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(Object.keys(r.files)).toContain('scenarios/asking-for-help.yaml');
    expect(r.parsed.scenarios[0]!.data!.id).toBe('asking-for-help');
  });

  it('anchors scenario graph issues to their nodes (unreachable, dead end, missing translation, unknown target)', () => {
    const d = doc();
    const s = d.scenarios[0]! as Scenario;
    s.nodes.push(
      {
        id: 'orphan',
        speaker: 'narrator',
        text: { en: 'Nobody gets here.', es: 'Nadie llega aquí.' },
        tags: [],
        choices: [],
        ending: { outcome: 'protective', debrief: { en: 'Done.', es: 'Listo.' } },
      },
      { id: 'stuck', speaker: 'narrator', text: { en: 'And then?' }, tags: [], choices: [] },
    );
    s.nodes[0]!.choices[1]!.next = 'stuck';
    s.nodes[0]!.choices[0]!.next = 'nowhere';
    const r = validateDocument(d);
    const all = [...r.errors, ...r.warnings];
    const unreachable = all.find(
      (i) => i.code === 'SCENARIO_UNREACHABLE_NODE' && i.message.includes('orphan'),
    )!;
    expect(unreachable.anchor).toEqual({ kind: 'scenario', scenario: 'asking-for-help', node: 'orphan' });
    expect(unreachable.anchorKey).toBe('scenario:asking-for-help/orphan');
    expect(unreachable.file).toBe('scenarios/asking-for-help.yaml');
    const deadEnd = all.find((i) => i.code === 'SCENARIO_DEAD_END')!;
    expect(deadEnd.anchor).toEqual({ kind: 'scenario', scenario: 'asking-for-help', node: 'stuck' });
    const missing = all.find((i) => i.code === 'TRANSLATION_MISSING')!;
    expect(missing.anchor).toEqual({
      kind: 'scenario',
      scenario: 'asking-for-help',
      node: 'stuck',
      field: 'text',
    });
    const target = all.find((i) => i.code === 'SCENARIO_UNKNOWN_TARGET')!;
    expect(target.anchor).toEqual({
      kind: 'scenario',
      scenario: 'asking-for-help',
      node: 'start',
      field: 'choices.0.next',
    });
    expect(all.every((i) => i.anchor !== undefined)).toBe(true);
  });

  it('anchors schema issues of a file that does not parse by the ids in its raw data', () => {
    const d = doc();
    (d.scenarios[0]!.nodes[1]!.ending as { outcome: string }).outcome = 'great';
    const r = validateDocument(d);
    expect(brief(r.errors)).toEqual(['SCHEMA_INVALID scenario:asking-for-help/helped:ending.outcome']);
  });

  it('anchors a bad start node to the scenario field', () => {
    const d = doc();
    d.scenarios[0]!.start = 'missing';
    const r = validateDocument(d);
    expect(brief(r.errors)).toContain('SCENARIO_START_UNKNOWN scenario:asking-for-help:start');
  });

  it('anchors module.yaml issues to fields and assessment issues to items', () => {
    const d = doc();
    d.manifest.topics = ['safe-adults', 'stranger-danger'];
    d.manifest.objectives[0]!.text = { en: 'Only English.' };
    const pre = d.assessments.find((a) => a.id === 'pre')!;
    pre.items[0]!.prompt = { en: 'Only English.' };
    const r = validateDocument(d);
    const all = brief([...r.errors, ...r.warnings]);
    expect(all).toEqual(
      expect.arrayContaining([
        'TOPIC_UNKNOWN module:topics.1',
        'TRANSLATION_MISSING module:objectives.0.text',
        'TRANSLATION_MISSING assessment:pre/know-safe-adult:prompt',
      ]),
    );
  });

  it('anchors lesson issues to the block whose lines hold them, or to the lesson', () => {
    const d = doc();
    const es = d.lessons.find((l) => l.lang === 'es')!;
    es.blocks = [es.blocks[0]!, es.blocks[2]!, { kind: 'facilitator-notes', markdown: '' }];
    const r = validateDocument(d);
    const all = [...r.errors, ...r.warnings];
    expect(brief(all)).toEqual(
      expect.arrayContaining([
        'LESSON_BLOCK_EMPTY lesson:introduction.es#2',
        'TRANSLATION_STRUCTURE_MISMATCH lesson:introduction.es#1',
      ]),
    );
    const d2 = doc();
    d2.lessons[0]!.blocks = d2.lessons[0]!.blocks.filter((b) => b.kind !== 'help');
    expect(brief(validateDocument(d2).errors)).toContain('LESSON_BLOCK_REQUIRED lesson:introduction.en');
  });

  it('anchors a whole-file issue to its scenario', () => {
    const d = doc();
    d.manifest.sequence = d.manifest.sequence.filter((e) => e.scenario === undefined);
    const r = validateDocument(d);
    const unref = r.errors.concat(r.warnings).find((i) => i.code === 'FILE_UNREFERENCED');
    expect(unref?.anchor).toEqual({ kind: 'scenario', scenario: 'asking-for-help' });
  });
});

describe('yamlPathIndex', () => {
  const text = 'a: 1\nlist:\n  - id: x\n    text:\n      en: Hello\n      es: Hola\n  - id: y\n';
  it('finds the deepest data path at a position', () => {
    const index = yamlPathIndex(text);
    expect(index.pathAt(1, 1)).toEqual(['a']);
    expect(index.pathAt(2, 1)).toEqual(['list']);
    expect(index.pathAt(3, 5)).toEqual(['list', 0, 'id']);
    expect(index.pathAt(5, 11)).toEqual(['list', 0, 'text', 'en']);
    expect(index.pathAt(7, 9)).toEqual(['list', 1, 'id']);
    expect(index.pathAt(99, 1)).toEqual([]);
  });
});
