import { brief, fixture, issuesOf } from './test-fixtures';

const replace =
  (from: string, to: string) =>
  (t: string): string => {
    if (!t.includes(from)) throw new Error(`fixture does not contain ${from}`);
    return t.replace(from, to);
  };

describe('validateModule: module.yaml', () => {
  it('accepts the skeleton', () => {
    const r = issuesOf(fixture());
    expect(r.errors).toEqual([]);
  });

  it('reports an unknown topic tag at the tag, with the vocabulary in the hint', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': replace('topics: [safe-adults, help-seeking]', 'topics: [safe-adults, trafficking]'),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:13:23 TOPIC_UNKNOWN']);
    expect(r.errors[0]!.message).toBe('unknown topic tag `trafficking`');
    expect(r.errors[0]!.hint).toContain('body-autonomy');
  });

  it('rejects sex-trafficking content in K-2 and requires its content warning', () => {
    const r = issuesOf(
      fixture(
        {
          'module.yaml': replace(
            'topics: [safe-adults, help-seeking]',
            'topics: [safe-adults, sex-trafficking]',
          ),
        },
        'K-2',
      ),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/module.yaml:13:23 CONTENT_WARNING_REQUIRED',
      'fixture/module.yaml:13:23 TOPIC_NOT_FOR_BAND',
    ]);
    expect(r.errors[1]!.message).toBe('topic `sex-trafficking` is not suitable for grade band K-2');
  });

  it('requires a facilitator training for trafficking topics', () => {
    const files = fixture(
      {
        'module.yaml': (t) =>
          t
            .replace('topics: [safe-adults, help-seeking]', 'topics: [labor-trafficking]')
            .replace(
              'contentWarnings: []',
              'contentWarnings:\n  - topic: labor-trafficking\n    text: { en: Warning., es: Aviso. }',
            )
            .replace('  trainings: [haven-facilitator-basics]', '  trainings: []'),
      },
      '9-12',
    );
    expect(brief(issuesOf(files).errors)).toEqual([
      'fixture/module.yaml:13:10 FACILITATOR_TRAINING_REQUIRED',
    ]);
  });

  it('reports grades outside the band and an unknown licence', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': (t) =>
          t.replace('grades: [6, 7, 8]', 'grades: [6, 9]').replace('licence: CC-BY-SA-4.0', 'licence: MIT'),
      }),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/module.yaml:7:13 GRADES_OUTSIDE_BAND',
      'fixture/module.yaml:23:10 LICENCE_UNKNOWN',
    ]);
  });

  it('reports schema errors at the field: unknown key, wrong type, missing field, bad enum', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': (t) =>
          t
            .replace('estimatedMinutes: 40', 'estimatedMinutes: forty\ncolour: blue')
            .replace('gradeBand: 6-8', 'gradeBand: 6-9')
            .replace('version: 0.1.0\n', ''),
      }),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/module.yaml:1:1 SCHEMA_INVALID',
      'fixture/module.yaml:5:12 SCHEMA_INVALID',
      'fixture/module.yaml:8:19 SCHEMA_INVALID',
      'fixture/module.yaml:9:1 SCHEMA_INVALID',
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'module.yaml: required field `version` is missing',
      'module.yaml: `gradeBand` has a value that is not allowed',
      'module.yaml: `estimatedMinutes` must be a number',
      'module.yaml: unknown field `colour`',
    ]);
    expect(r.errors[1]!.hint).toBe('use one of: "K-2", "3-5", "6-8", "9-12"');
  });

  it('reports YAML syntax errors with their position', () => {
    const r = issuesOf(fixture({ 'module.yaml': replace('id: fixture\n', 'id: [fixture\n') }));
    expect(r.errors[0]!.code).toBe('YAML_SYNTAX');
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing and an unsupported schemaVersion', () => {
    expect(brief(issuesOf(fixture({ 'module.yaml': replace('schemaVersion: 2\n', '') })).errors)).toEqual([
      'fixture/module.yaml:1:1 SCHEMA_VERSION_MISSING',
    ]);
    expect(
      brief(issuesOf(fixture({ 'module.yaml': replace('schemaVersion: 2', 'schemaVersion: 9') })).errors),
    ).toEqual(['fixture/module.yaml:1:16 SCHEMA_VERSION_UNSUPPORTED']);
  });

  it('reports a missing module.yaml, a missing referenced file and an unreferenced one', () => {
    expect(brief(issuesOf(fixture({ 'module.yaml': null })).errors)).toEqual([
      'fixture/module.yaml:1:1 MODULE_FILE_MISSING',
    ]);
    const r = issuesOf(fixture({ 'scenarios/asking-for-help.yaml': null, 'scenarios/other.yaml': (t) => t }));
    expect(brief(r.errors)).toContain('fixture/module.yaml:27:15 REFERENCE_MISSING_FILE');
  });

  it('reports duplicate ids and pre/post order', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': (t) =>
          t
            .replace(
              '  - id: ask-for-help\n    text: { en: Name a safe adult to ask for help., es: Nombrar a un adulto de confianza a quien pedir ayuda. }\n',
              '  - id: ask-for-help\n    text: { en: A., es: A. }\n  - id: ask-for-help\n    text: { en: B., es: B. }\n',
            )
            .replace(
              '  - assessment: pre\n  - lesson: introduction\n',
              '  - lesson: introduction\n  - assessment: pre\n',
            ),
      }),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/module.yaml:13:9 DUPLICATE_ID',
      'fixture/module.yaml:28:5 ASSESSMENT_ORDER',
    ]);
  });
});

describe('validateModule: translations', () => {
  it('reports a missing Spanish title at the value', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': replace(
          'title: { en: TODO module title, es: TODO título del módulo }',
          'title: { en: TODO module title }',
        ),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:4:8 TRANSLATION_MISSING']);
    expect(r.errors[0]!.message).toBe('`title` has no Spanish (es) text, but the module declares es');
  });

  it('treats a plain string as the source language', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': replace(
          'title: { en: TODO module title, es: TODO título del módulo }',
          'title: Only English',
        ),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:4:8 TRANSLATION_MISSING']);
  });

  it('reports a missing lesson translation at the sequence entry', () => {
    const r = issuesOf(fixture({ 'lessons/introduction.es.md': null }));
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:26:13 TRANSLATION_MISSING']);
  });

  it('reports a translation whose blocks differ from the source', () => {
    const r = issuesOf(
      fixture({ 'lessons/introduction.es.md': replace(':::facilitator-notes', ':::discussion') }),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/lessons/introduction.es.md:13:1 TRANSLATION_STRUCTURE_MISMATCH',
    ]);
  });

  it('warns about text in an undeclared language', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': replace(
          'title: { en: TODO module title, es: TODO título del módulo }',
          'title: { en: T, es: T, fr: T }',
        ),
      }),
    );
    expect(r.errors).toEqual([]);
    expect(brief(r.warnings)).toEqual(['fixture/module.yaml:4:24 TRANSLATION_UNDECLARED_LANGUAGE']);
  });
});

describe('validateModule: lessons', () => {
  const en = 'lessons/introduction.en.md';
  it('reports an unknown block type at its name', () => {
    expect(brief(issuesOf(fixture({ [en]: replace(':::content', ':::lecture') })).errors)).toEqual([
      'fixture/lessons/introduction.en.md:1:1 LESSON_BLOCK_REQUIRED',
      'fixture/lessons/introduction.en.md:9:4 LESSON_BLOCK_UNKNOWN',
      // the unknown block is dropped, so the Spanish lesson no longer matches the English blocks
      'fixture/lessons/introduction.es.md:9:1 TRANSLATION_STRUCTURE_MISMATCH',
    ]);
  });

  it('reports an unclosed block, text outside blocks and a missing help block', () => {
    const text =
      '---\nschemaVersion: 2\nid: introduction\nlang: en\ntitle: T\nminutes: 5\n---\nStray text\n\n:::content\nHello\n';
    const r = issuesOf(
      fixture({
        [en]: text,
        'lessons/introduction.es.md': null,
        'module.yaml': replace('languages: [en, es]', 'languages: [en]'),
      }),
    );
    expect(brief(r.errors)).toEqual([
      'fixture/lessons/introduction.en.md:1:1 LESSON_BLOCK_REQUIRED', // content (never closed)
      'fixture/lessons/introduction.en.md:1:1 LESSON_BLOCK_REQUIRED', // help
      'fixture/lessons/introduction.en.md:8:1 LESSON_TEXT_OUTSIDE_BLOCK',
      'fixture/lessons/introduction.en.md:10:1 LESSON_BLOCK_UNCLOSED',
    ]);
  });

  it('reports front matter problems at their line in the file', () => {
    const r = issuesOf(
      fixture({
        [en]: (t) => t.replace('minutes: 20', 'minutes: soon').replace('id: introduction', 'id: intro'),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/lessons/introduction.en.md:6:10 SCHEMA_INVALID']);
    const r2 = issuesOf(fixture({ [en]: replace('id: introduction', 'id: intro') }));
    expect(brief(r2.errors)).toEqual(['fixture/lessons/introduction.en.md:3:5 ID_MISMATCH']);
  });

  it('warns when English learner text reads above the band', () => {
    const hard =
      'Comprehensive understanding of interpersonal exploitation necessitates sophisticated consideration of psychological manipulation, institutional vulnerabilities, and socioeconomic determinants. '.repeat(
        3,
      );
    const r = issuesOf(fixture({ [en]: replace('TODO: what learners read or hear.', hard) }, 'K-2'));
    expect(r.errors).toEqual([]);
    const w = r.warnings.filter((x) => x.code === 'READING_LEVEL_HIGH' && x.file.endsWith('.md'));
    expect(brief(w)).toEqual(['fixture/lessons/introduction.en.md:1:1 READING_LEVEL_HIGH']);
    expect(w[0]!.message).toMatch(/Flesch-Kincaid grade \d+\.\d, above 3 for band K-2/);
  });
});

const scenario = (body: string): string => `schemaVersion: 2
id: asking-for-help
title: { en: T, es: T }
start: start
variables:
  - { id: told, type: boolean, initial: false }
  - { id: score, type: number, initial: 0 }
nodes:
${body}`;
const choice = (id: string, next: string, extra = ''): string =>
  `      - { id: ${id}, text: { en: C, es: C }, feedback: { en: F, es: F }, next: ${next}${extra} }\n`;
const node = (id: string, choices: string): string =>
  `  - id: ${id}\n    text: { en: N, es: N }\n    choices:\n${choices}`;
const ending = (id: string): string =>
  `  - id: ${id}\n    text: { en: E, es: E }\n    ending: { outcome: protective, debrief: { en: D, es: D } }\n`;

describe('validateModule: scenarios', () => {
  const file = 'scenarios/asking-for-help.yaml';
  const check = (body: string): string[] => brief(issuesOf(fixture({ [file]: scenario(body) })).errors);

  it('accepts a graph with a safe-adult path', () => {
    expect(check(node('start', choice('tell', 'end', ', tags: [safe-adult]')) + ending('end'))).toEqual([]);
  });

  it('reports a choice pointing nowhere at its `next`', () => {
    // line 9 `- id: start`, 10 text, 11 choices:, 12 first choice
    expect(
      check(
        node('start', choice('tell', 'end', ', tags: [safe-adult]') + choice('oops', 'nowhere')) +
          ending('end'),
      ),
    ).toEqual(['fixture/scenarios/asking-for-help.yaml:13:79 SCENARIO_UNKNOWN_TARGET']);
  });

  it('reports unreachable nodes, dead ends and loops without exit', () => {
    const body =
      node('start', choice('tell', 'end', ', tags: [safe-adult]') + choice('spin', 'loop-a')) + // lines 9-13
      node('loop-a', choice('x', 'loop-b')) + // 14-17
      node('loop-b', choice('y', 'loop-a')) + // 18-21
      ending('end') + // 22-24
      node('island', choice('z', 'end')) + // 25-28
      `  - id: stuck\n    text: { en: S, es: S }\n`; // 29-30
    expect(check(body)).toEqual([
      'fixture/scenarios/asking-for-help.yaml:14:9 SCENARIO_LOOP_NO_EXIT',
      'fixture/scenarios/asking-for-help.yaml:25:9 SCENARIO_UNREACHABLE_NODE',
      'fixture/scenarios/asking-for-help.yaml:29:9 SCENARIO_DEAD_END',
      'fixture/scenarios/asking-for-help.yaml:29:9 SCENARIO_UNREACHABLE_NODE',
    ]);
  });

  it('requires a path through a safe-adult choice to an ending', () => {
    expect(check(node('start', choice('quiet', 'end', ', tags: [risky]')) + ending('end'))).toEqual([
      'fixture/scenarios/asking-for-help.yaml:4:8 SCENARIO_NO_SAFE_ADULT_PATH',
    ]);
  });

  it('reports an unknown start node', () => {
    const r = issuesOf(
      fixture({
        [file]: scenario(node('begin', choice('tell', 'end', ', tags: [safe-adult]')) + ending('end')),
      }),
    );
    expect(brief(r.errors)).toContain('fixture/scenarios/asking-for-help.yaml:4:8 SCENARIO_START_UNKNOWN');
  });

  it('reports undeclared variables and type errors at the exact column in the condition', () => {
    const body =
      node(
        'start',
        choice('tell', 'end', ', tags: [safe-adult], if: "told and missing > 2"') +
          choice('b', 'end', ', set: { told: 3 }, add: { ghost: 1 }'),
      ) + ending('end');
    expect(check(body)).toEqual([
      'fixture/scenarios/asking-for-help.yaml:12:118 SCENARIO_VARIABLE_UNDECLARED',
      'fixture/scenarios/asking-for-help.yaml:13:94 SCENARIO_VARIABLE_TYPE',
      'fixture/scenarios/asking-for-help.yaml:13:106 SCENARIO_VARIABLE_UNDECLARED',
    ]);
  });

  it('reports condition syntax errors', () => {
    const body = node('start', choice('tell', 'end', ', tags: [safe-adult], if: "told and"')) + ending('end');
    const r = issuesOf(fixture({ [file]: scenario(body) }));
    expect(brief(r.errors)).toEqual([
      'fixture/scenarios/asking-for-help.yaml:12:117 SCENARIO_CONDITION_SYNTAX',
    ]);
    expect(r.errors[0]!.message).toBe('condition `told and`: condition ends too early');
  });

  it('reports an unknown speaker and duplicate node ids', () => {
    const body = node('start', choice('tell', 'end', ', tags: [safe-adult]')) + ending('end') + ending('end');
    expect(check(body)).toEqual(['fixture/scenarios/asking-for-help.yaml:16:9 DUPLICATE_ID']);
    const body2 =
      node('start', choice('tell', 'end', ', tags: [safe-adult]')).replace(
        '    text:',
        '    speaker: ghost\n    text:',
      ) + ending('end');
    expect(check(body2)).toEqual(['fixture/scenarios/asking-for-help.yaml:10:14 SCENARIO_UNKNOWN_SPEAKER']);
  });
});

describe('validateModule: assessments', () => {
  const pre = (items: string): string =>
    `schemaVersion: 2\nid: pre\nkind: pre\ntitle: { en: T, es: T }\nitems:\n${items}`;
  it('reports a knowledge item without an answer, and an answer that is not an option', () => {
    const items =
      '  - { id: a, type: true-false, construct: knowledge, prompt: { en: P, es: P } }\n' +
      '  - id: b\n    type: multiple-choice\n    construct: knowledge\n    prompt: { en: P, es: P }\n    options:\n      - { id: x, text: { en: X, es: X } }\n      - { id: y, text: { en: Y, es: Y } }\n    answer: z\n';
    const r = issuesOf(fixture({ 'assessments/pre.yaml': pre(items) }));
    expect(brief(r.errors)).toEqual([
      'fixture/assessments/pre.yaml:6:5 ASSESSMENT_ANSWER_MISSING',
      'fixture/assessments/pre.yaml:14:13 ASSESSMENT_ANSWER_UNKNOWN_OPTION',
    ]);
  });

  it('reports an unknown item type with the allowed ones', () => {
    const r = issuesOf(
      fixture({
        'assessments/pre.yaml': pre(
          '  - { id: a, type: essay, construct: knowledge, prompt: { en: P, es: P } }\n',
        ),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/assessments/pre.yaml:6:20 SCHEMA_INVALID']);
    expect(r.errors[0]!.hint).toBe('use one of: "multiple-choice", "true-false", "likert"');
  });

  it('reports an include of an unknown assessment and a missing post-assessment', () => {
    expect(
      brief(
        issuesOf(fixture({ 'assessments/post.yaml': replace('include: pre', 'include: baseline') })).errors,
      ),
    ).toEqual(['fixture/assessments/post.yaml:5:10 ASSESSMENT_INCLUDE_UNKNOWN']);
    const r = issuesOf(
      fixture({ 'assessments/post.yaml': null, 'module.yaml': replace('  - assessment: post\n', '') }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:24:1 ASSESSMENT_PRE_POST_MISSING']);
  });

  it('warns when pre items are not asked again and when the post has no session-safety item', () => {
    const r = issuesOf(
      fixture({
        'assessments/post.yaml': (t) =>
          t.replace('include: pre\n', '').replace('construct: session-safety', 'construct: attitudes'),
      }),
    );
    expect(r.errors).toEqual([]);
    expect(brief(r.warnings)).toEqual([
      'fixture/assessments/post.yaml:5:1 ASSESSMENT_NO_SESSION_SAFETY',
      'fixture/assessments/post.yaml:5:1 ASSESSMENT_UNMATCHED_ITEM',
    ]);
  });
});

describe('validateModule: alternative activity and parent notice', () => {
  const withWarning = replace(
    'contentWarnings: []',
    'contentWarnings:\n  - topic: grooming\n    text: { en: We talk about grooming., es: Hablamos de grooming. }',
  );

  it('accepts both fields in every language and compiles them', () => {
    const r = issuesOf(fixture());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('reports a missing Spanish parent notice at the value', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': replace(
          '  es: TODO carta para madres, padres y tutores (qué se enseña, minutos, cómo ver los materiales, cómo no participar).\n',
          '',
        ),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:33:3 TRANSLATION_MISSING']);
    expect(r.errors[0]!.message).toBe('`parentNotice` has no Spanish (es) text, but the module declares es');
  });

  it('warns when a module with content warnings has no alternative activity', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': (t) =>
          withWarning(
            t
              .replace('topics: [safe-adults, help-seeking]', 'topics: [safe-adults, help-seeking, grooming]')
              .replace(/alternativeActivity:\n( {2}.*\n){2}/, ''),
          ),
      }),
    );
    expect(r.errors).toEqual([]);
    expect(brief(r.warnings)).toEqual(['fixture/module.yaml:14:1 ALTERNATIVE_ACTIVITY_MISSING']);
  });

  it('rejects an alternative activity that is not text', () => {
    const r = issuesOf(
      fixture({
        'module.yaml': (t) =>
          t.replace(/alternativeActivity:\n( {2}.*\n){2}/, 'alternativeActivity: [1, 2]\n'),
      }),
    );
    expect(brief(r.errors)).toEqual(['fixture/module.yaml:29:22 SCHEMA_INVALID']);
  });
});
