import { join } from 'node:path';
import { compileModule } from '../compile';
import type { ModuleDocument } from '../document';
import { listModuleDirs, readModuleFiles } from '../load-module';
import { parseModule } from '../parse';
import { scaffoldModule } from '../scaffold';
import {
  AssessmentItemSchema,
  AssessmentSchema,
  ModuleManifestSchema,
  ScenarioChoiceSchema,
  ScenarioNodeSchema,
  ScenarioSchema,
} from '../schemas';
import { fixture } from '../test-fixtures';
import { canonicalYaml } from './canonical-yaml';
import { readModuleDocument, writeModuleFiles } from './document-files';

const root = join(__dirname, '../../../../curricula');

function docOf(files: Record<string, string>): ModuleDocument {
  const r = readModuleDocument(files);
  expect(r.issues).toEqual([]);
  expect(r.document).toBeDefined();
  return r.document!;
}

/** Deep copy with every object's keys in reverse order (as a jsonb round trip may reorder them). */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    ) as T;
  return value;
}

describe('shipped modules are canonical', () => {
  it('writeModuleFiles(readModuleDocument(files)) is byte-identical to every module folder', async () => {
    const dirs = await listModuleDirs(root);
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    for (const dir of dirs) {
      const files = await readModuleFiles(dir);
      const written = writeModuleFiles(docOf(files));
      expect({ dir, paths: Object.keys(written).sort() }).toEqual({ dir, paths: Object.keys(files).sort() });
      for (const [path, text] of Object.entries(files))
        expect({ dir, path, text: written[path] }).toEqual({ dir, path, text });
      // The README and the lesson images travel verbatim (the studio edits neither).
      expect(docOf(files).extraFiles).toEqual(
        Object.fromEntries(
          Object.entries(files).filter(([path]) => path === 'README.md' || path.startsWith('images/')),
        ),
      );
    }
  });

  it('parse(write(doc)) compiles to the same contentHash as the original files', async () => {
    for (const dir of await listModuleDirs(root)) {
      const files = await readModuleFiles(dir);
      const original = compileModule(parseModule(files, { basePath: dir }));
      const rewritten = compileModule(parseModule(writeModuleFiles(docOf(files)), { basePath: dir }));
      expect(rewritten.contentHash).toBe(original.contentHash);
    }
  });
});

describe('writeModuleFiles', () => {
  it('is idempotent on the scaffold: write → read → write gives the same bytes and the same hash', () => {
    const scaffold = scaffoldModule('my-module', '3-5');
    const once = writeModuleFiles(docOf(scaffold));
    const twice = writeModuleFiles(docOf(once));
    expect(twice).toEqual(once);
    expect(once['README.md']).toBe(scaffold['README.md']);
    expect(compileModule(parseModule(once)).contentHash).toBe(
      compileModule(parseModule(scaffold)).contentHash,
    );
    expect(docOf(once)).toEqual(docOf(scaffold));
  });

  it('is idempotent on edited fixtures, including non-default fields', () => {
    const files = fixture({
      'scenarios/asking-for-help.yaml': (t) =>
        t
          .replace(
            'variables: []',
            'variables:\n  - { id: trust, type: number, initial: 0 }\n  - { id: told, type: boolean, initial: false }',
          )
          .replace(
            '      - id: keep-quiet\n',
            '      - id: keep-quiet\n        if: "trust >= 0"\n        add: { trust: 1 }\n        set: { told: false }\n',
          )
          .replace('  - id: helped\n', '  - id: helped\n    speaker: counsellor\n    tags: [safe-adult]\n')
          .replace(
            'characters: []',
            'characters:\n  - { id: counsellor, name: { en: Ms Lee, es: Sra. Lee } }',
          ),
      'assessments/post.yaml': (t) =>
        t.replace('    scale: agree-3\n', '    scale: agree-3\n    reverse: true\n    sensitive: true\n'),
    });
    const once = writeModuleFiles(docOf(files));
    expect(writeModuleFiles(docOf(once))).toEqual(once);
    expect(once['scenarios/asking-for-help.yaml']).toContain(
      '      - id: keep-quiet\n        if: trust >= 0\n        text:\n',
    );
    expect(once['scenarios/asking-for-help.yaml']).toContain(
      '        set: {told: false}\n        add: {trust: 1}\n',
    );
    expect(once['scenarios/asking-for-help.yaml']).toContain('  - id: helped\n    speaker: counsellor\n');
    expect(once['assessments/post.yaml']).toContain(
      '    sensitive: true\n    scale: agree-3\n    reverse: true\n',
    );
    expect(compileModule(parseModule(once)).contentHash).toBe(compileModule(parseModule(files)).contentHash);
  });

  it('leaves out fields equal to their schema default', () => {
    const out = writeModuleFiles(docOf(fixture()));
    const manifest = out['module.yaml']!;
    expect(manifest).not.toMatch(/^(contentWarnings|prerequisites):/m);
    expect(manifest).not.toContain('reviews:');
    expect(manifest).not.toContain('survivorCoFacilitationRecommended');
    expect(manifest).toContain('facilitator:\n  trainings: [haven-facilitator-basics]\n');
    const scenario = out['scenarios/asking-for-help.yaml']!;
    expect(scenario).not.toMatch(/^(characters|variables):/m);
    expect(scenario).not.toContain('speaker:');
    expect(out['assessments/pre.yaml']).not.toContain('sensitive');
    expect(out['assessments/pre.yaml']).not.toContain('reverse');

    const doc = docOf(fixture());
    doc.manifest.facilitator = { trainings: [], survivorCoFacilitationRecommended: false };
    expect(writeModuleFiles(doc)['module.yaml']).not.toContain('facilitator');
  });

  it('writes keys in schema order and does not depend on the key order of the document', () => {
    const doc = docOf(fixture());
    const out = writeModuleFiles(doc);
    expect(writeModuleFiles(reverseKeys(doc))).toEqual(out);
    const keysOf = (text: string, indent: string): string[] =>
      [...text.matchAll(new RegExp(`^${indent}([A-Za-z]+):`, 'gm'))].map((m) => m[1]!);
    const isInSchemaOrder = (keys: string[], schemaKeys: string[]): boolean =>
      keys.every((k, i) => i === 0 || schemaKeys.indexOf(k) > schemaKeys.indexOf(keys[i - 1]!)) &&
      keys.every((k) => schemaKeys.includes(k));
    expect(isInSchemaOrder(keysOf(out['module.yaml']!, ''), Object.keys(ModuleManifestSchema.shape))).toBe(
      true,
    );
    expect(
      isInSchemaOrder(keysOf(out['scenarios/asking-for-help.yaml']!, ''), Object.keys(ScenarioSchema.shape)),
    ).toBe(true);
    expect(
      isInSchemaOrder(keysOf(out['assessments/pre.yaml']!, ''), Object.keys(AssessmentSchema.shape)),
    ).toBe(true);
    const scenario = out['scenarios/asking-for-help.yaml']!;
    const firstNode = scenario.slice(scenario.indexOf('  - id: start'), scenario.indexOf('  - id: helped'));
    expect(
      isInSchemaOrder(
        keysOf(firstNode.replace('  - id', '    id'), '    '),
        Object.keys(ScenarioNodeSchema.shape),
      ),
    ).toBe(true);
    expect(
      isInSchemaOrder(
        keysOf(
          firstNode.slice(firstNode.indexOf('      - id: tell-adult')).replace('      - id', '        id'),
          '        ',
        ).slice(0, 5),
        Object.keys(ScenarioChoiceSchema.shape),
      ),
    ).toBe(true);
    const likert = AssessmentItemSchema.options.find((o) => o.shape.type.value === 'likert')!;
    const item = out['assessments/pre.yaml']!.slice(out['assessments/pre.yaml']!.indexOf('  - id:')).replace(
      '  - id',
      '    id',
    );
    expect(keysOf(item, '    ')).toEqual(['id', 'type', 'construct', 'prompt', 'scale']);
    expect(isInSchemaOrder(keysOf(item, '    '), Object.keys(likert.shape))).toBe(true);
  });

  it('writes lessons as front matter and fenced blocks, one blank line apart, ending with a line break', () => {
    const doc = docOf(fixture());
    doc.lessons = [
      {
        id: 'intro',
        lang: 'en',
        title: 'Intro: part 1',
        minutes: 10,
        blocks: [
          { kind: 'content', title: 'First things', markdown: 'Line one.\n\n```\n:::\n```' },
          { kind: 'help', markdown: 'Call 911.' },
        ],
      },
    ];
    const text = writeModuleFiles(doc)['lessons/intro.en.md'];
    expect(text).toBe(
      '---\nschemaVersion: 2\nid: intro\nlang: en\ntitle: "Intro: part 1"\nminutes: 10\n---\n\n' +
        ':::content First things\nLine one.\n\n```\n:::\n```\n:::\n\n:::help\nCall 911.\n:::\n',
    );
    const back = readModuleDocument(writeModuleFiles(doc)).document!;
    expect(back.lessons).toEqual(doc.lessons);
  });

  it('orders localized maps by the module languages and sorts files by path', () => {
    const doc = docOf(fixture());
    doc.manifest.title = { fr: 'Titre', es: 'Título', en: 'Title' };
    const out = writeModuleFiles(doc);
    expect(out['module.yaml']).toContain('title:\n  en: Title\n  es: Título\n  fr: Titre\n');
    expect(Object.keys(out)).toEqual([
      'module.yaml',
      'lessons/introduction.en.md',
      'lessons/introduction.es.md',
      'scenarios/asking-for-help.yaml',
      'assessments/post.yaml',
      'assessments/pre.yaml',
      'README.md',
    ]);
  });
});

describe('readModuleDocument', () => {
  it('keeps other files verbatim in extraFiles', () => {
    const r = readModuleDocument(fixture({ 'notes/plan.md': '# Plan\r\n', 'scenarios/draft.json': '{}' }));
    expect(r.document!.extraFiles).toEqual({
      'README.md': fixture()['README.md'],
      'notes/plan.md': '# Plan\r\n',
      'scenarios/draft.json': '{}',
    });
  });

  it('gives no document when a file does not parse or match its schema, and returns the issues', () => {
    const broken = readModuleDocument(
      fixture({ 'scenarios/asking-for-help.yaml': 'schemaVersion: 2\nid: [' }),
      {
        basePath: 'fixture',
      },
    );
    expect(broken.document).toBeUndefined();
    expect(broken.issues.map((i) => `${i.file} ${i.code}`)).toEqual([
      'fixture/scenarios/asking-for-help.yaml YAML_SYNTAX',
    ]);
    expect(broken.parsed.scenarios).toHaveLength(1);

    expect(readModuleDocument(fixture({ 'module.yaml': null })).document).toBeUndefined();
    expect(
      readModuleDocument(fixture({ 'assessments/pre.yaml': (t) => t.replace('kind: pre', 'kind: mid') }))
        .document,
    ).toBeUndefined();
    expect(
      readModuleDocument(fixture({ 'lessons/introduction.es.md': 'no front matter\n' })).document,
    ).toBeUndefined();
    expect(
      readModuleDocument(fixture({ 'lessons/introduction.en.md': (t) => t.replace(':::help', ':::unknown') }))
        .document,
    ).toBeUndefined();
  });

  it('keeps an empty lesson block (the document can hold it; the validator reports it)', () => {
    const r = readModuleDocument(
      fixture({
        'lessons/introduction.en.md': (t) => t.replace('TODO: notes for the facilitator only.', ''),
      }),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['LESSON_BLOCK_EMPTY']);
    expect(r.document!.lessons[0]!.blocks[1]).toEqual({ kind: 'facilitator-notes', markdown: '' });
  });

  it('takes lesson id and language from the file name and sorts scenarios and assessments by id', () => {
    const doc = docOf(fixture());
    expect(doc.lessons.map((l) => `${l.id}.${l.lang}`)).toEqual(['introduction.en', 'introduction.es']);
    expect(doc.assessments.map((a) => a.id)).toEqual(['post', 'pre']);
    expect(doc.lessons[0]).toEqual({
      id: 'introduction',
      lang: 'en',
      title: 'TODO lesson title',
      minutes: 20,
      blocks: [
        { kind: 'content', markdown: 'TODO: what learners read or hear.' },
        { kind: 'facilitator-notes', markdown: 'TODO: notes for the facilitator only.' },
        expect.objectContaining({ kind: 'help' }),
      ],
    });
    // Plain JSON: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('canonicalYaml', () => {
  it('quotes what would otherwise read back as another type, and uses block scalars for multi-line text', () => {
    const value = {
      a: '0b101',
      b: '1.0',
      c: 'true',
      d: 'x: y',
      e: 'one\ntwo',
      f: 'ends\n',
      g: ['a', 'b'],
      h: [],
    };
    expect(canonicalYaml(value)).toBe(
      'a: "0b101"\nb: "1.0"\nc: "true"\nd: "x: y"\ne: |-\n  one\n  two\nf: |\n  ends\ng: [a, b]\nh: []\n',
    );
  });

  it('writes a long list one item per line and never folds long text', () => {
    const long = 'word '.repeat(40).trim();
    const out = canonicalYaml({ topics: Array.from({ length: 12 }, (_, i) => `topic-number-${i}`), long });
    expect(out).toMatch(/^topics:\n {2}- topic-number-0\n/);
    expect(out).toContain(`long: ${long}\n`);
  });
});
