import type {
  Assessment,
  CompiledLesson,
  CompiledScenario,
  LessonDocument,
  ModuleDocument,
  ModuleManifest,
  Scenario,
} from '@haven/curriculum';
import type { EditorIssue } from './editor-issue';

/** Test data shaped like `scaffoldModule('asking-for-help-k-2', 'K-2')`, in English and Spanish. */
export function manifestFixture(): ModuleManifest {
  return {
    schemaVersion: 2,
    id: 'asking-for-help',
    version: '0.1.0',
    title: { en: 'Asking for help', es: 'Pedir ayuda' },
    summary: { en: 'Who to ask and how.', es: 'A quién pedir ayuda y cómo.' },
    gradeBand: 'K-2',
    grades: [0, 1, 2],
    languages: ['en', 'es'],
    estimatedMinutes: 40,
    objectives: [
      { id: 'name-safe-adult', text: { en: 'Name a safe adult.', es: 'Nombrar a un adulto de confianza.' } },
      { id: 'say-no', text: { en: 'Say no to unsafe touch.', es: 'Decir que no a un contacto inseguro.' } },
    ],
    topics: ['safe-adults', 'help-seeking'],
    contentWarnings: [],
    facilitator: { trainings: ['haven-facilitator-basics'], survivorCoFacilitationRecommended: false },
    prerequisites: [],
    authors: [{ name: 'Rosa Díaz', role: 'Survivor facilitator' }],
    review: { status: 'draft', reviews: [] },
    licence: 'CC-BY-SA-4.0',
    sequence: [
      { assessment: 'pre' },
      { lesson: 'introduction' },
      { scenario: 'asking-for-help' },
      { assessment: 'post' },
    ],
    alternativeActivity: { en: 'Draw your safe adults.', es: 'Dibuja a tus adultos de confianza.' },
  };
}

export function lessonFixture(lang: 'en' | 'es' = 'en'): LessonDocument {
  return lang === 'en'
    ? {
        id: 'introduction',
        lang: 'en',
        title: 'Safe adults',
        minutes: 20,
        blocks: [
          { kind: 'content', title: 'Who helps', markdown: 'A safe adult listens.' },
          { kind: 'facilitator-notes', markdown: 'Pause if a child seems upset.' },
          { kind: 'help', markdown: 'You can always talk to a safe adult.' },
        ],
      }
    : {
        id: 'introduction',
        lang: 'es',
        title: 'Adultos de confianza',
        minutes: 20,
        blocks: [
          { kind: 'content', title: 'Quién ayuda', markdown: 'Un adulto de confianza escucha.' },
          { kind: 'facilitator-notes', markdown: 'Haz una pausa si un niño parece alterado.' },
          { kind: 'help', markdown: 'Siempre puedes hablar con un adulto de confianza.' },
        ],
      };
}

export function compiledLessonFixture(): CompiledLesson {
  return {
    id: 'introduction',
    minutes: 20,
    title: { en: 'Safe adults', es: 'Adultos de confianza' },
    blocks: [
      {
        kind: 'content',
        title: { en: 'Who helps', es: 'Quién ayuda' },
        html: {
          en: '<p>A <strong>safe adult</strong> listens.</p><script>window.hacked = true</script>',
          es: '<p>Un <strong>adulto de confianza</strong> escucha.</p>',
        },
      },
      {
        kind: 'help',
        html: { en: '<p>You can always talk to a safe adult.</p>', es: '<p>Siempre puedes hablar.</p>' },
      },
    ],
    facilitatorNotes: [{ html: { en: '<p>Pause if a child seems upset.</p>', es: '<p>Haz una pausa.</p>' } }],
  };
}

/** start → (tell | keep-secret); keep-secret → ask-again → tell; an unreachable orphan. */
export function scenarioFixture(): Scenario {
  return {
    schemaVersion: 2,
    id: 'asking-for-help',
    title: { en: 'A worrying secret', es: 'Un secreto que preocupa' },
    start: 'start',
    characters: [{ id: 'sam', name: { en: 'Sam', es: 'Sam' } }],
    variables: [{ id: 'trust', type: 'number', initial: 0 }],
    nodes: [
      {
        id: 'start',
        speaker: 'sam',
        text: { en: 'Sam says: keep this a secret.', es: 'Sam dice: guarda este secreto.' },
        tags: [],
        choices: [
          {
            id: 'tell',
            text: { en: 'Tell a teacher', es: 'Contarle a una maestra' },
            next: 'told',
            feedback: { en: 'Telling is brave.', es: 'Contarlo es valiente.' },
            tags: ['safe-adult'],
          },
          {
            id: 'keep',
            text: { en: 'Keep the secret', es: 'Guardar el secreto' },
            next: 'kept',
            feedback: { en: 'Secrets can hurt.', es: 'Los secretos pueden doler.' },
            tags: ['risky'],
            add: { trust: 1 },
          },
        ],
      },
      {
        id: 'kept',
        speaker: 'narrator',
        text: { en: 'You feel worried.', es: 'Te sientes preocupado.' },
        tags: [],
        choices: [],
      },
      {
        id: 'told',
        speaker: 'narrator',
        text: { en: 'Your teacher thanks you.', es: 'Tu maestra te da las gracias.' },
        tags: ['safe-adult'],
        choices: [],
        ending: {
          outcome: 'protective',
          debrief: { en: 'Safe adults help.', es: 'Los adultos de confianza ayudan.' },
        },
      },
      {
        id: 'orphan',
        speaker: 'narrator',
        text: { en: 'Nobody gets here.' },
        tags: [],
        choices: [],
      },
    ],
  };
}

export const scenarioIssuesFixture: EditorIssue[] = [
  {
    severity: 'error',
    code: 'SCENARIO_DEAD_END',
    message: 'Node "kept" has no choices and is not an ending.',
    hint: 'Add a choice or make it an ending.',
    anchor: { kind: 'scenario', scenario: 'asking-for-help', node: 'kept' },
  },
  {
    severity: 'warning',
    code: 'SCENARIO_UNREACHABLE_NODE',
    message: 'Node "orphan" cannot be reached from the start node.',
    hint: 'Add a choice that leads to it, or delete it.',
    anchor: { kind: 'scenario', scenario: 'asking-for-help', node: 'orphan' },
  },
  {
    severity: 'warning',
    code: 'TRANSLATION_MISSING',
    message: 'Node "orphan" has no Spanish (es) text.',
    hint: 'Translate it in the translation view.',
    anchor: { kind: 'scenario', scenario: 'asking-for-help', node: 'orphan', field: 'text' },
  },
];

/** A compiled scenario with a counter and a choice that only appears once it is high enough. */
export function compiledScenarioFixture(): CompiledScenario {
  return {
    id: 'asking-for-help',
    title: { en: 'A worrying secret', es: 'Un secreto que preocupa' },
    start: 'start',
    characters: [{ id: 'sam', name: { en: 'Sam', es: 'Sam' } }],
    variables: [
      { id: 'asked', type: 'number', initial: 0 },
      { id: 'told', type: 'boolean', initial: false },
    ],
    nodes: [
      {
        id: 'start',
        speaker: 'sam',
        text: { en: 'Sam says: keep this a secret.', es: 'Sam dice: guarda este secreto.' },
        tags: [],
        choices: [
          {
            id: 'wait',
            text: { en: 'Wait and think', es: 'Esperar y pensar' },
            next: 'start',
            feedback: { en: 'Take your time.', es: 'Tómate tu tiempo.' },
            tags: ['neutral'],
            add: { asked: 1 },
          },
          {
            id: 'tell',
            text: { en: 'Tell a teacher', es: 'Contarle a una maestra' },
            next: 'told',
            feedback: { en: 'Telling is brave.', es: 'Contarlo es valiente.' },
            tags: ['safe-adult'],
            if: 'asked >= 1',
            set: { told: true },
          },
        ],
      },
      {
        id: 'told',
        speaker: 'narrator',
        text: { en: 'Your teacher thanks you.', es: 'Tu maestra te da las gracias.' },
        tags: [],
        choices: [],
        ending: {
          outcome: 'protective',
          debrief: { en: 'Safe adults help.', es: 'Los adultos de confianza ayudan.' },
        },
      },
    ],
  };
}

export function assessmentFixture(): Assessment {
  return {
    schemaVersion: 2,
    id: 'pre',
    kind: 'pre',
    title: { en: 'Before we start', es: 'Antes de empezar' },
    items: [
      {
        id: 'q1',
        type: 'true-false',
        construct: 'knowledge',
        prompt: { en: 'A safe adult listens.', es: 'Un adulto de confianza escucha.' },
        sensitive: false,
        answer: true,
      },
      {
        id: 'q2',
        type: 'multiple-choice',
        construct: 'knowledge',
        prompt: { en: 'Who can you tell?', es: '¿A quién puedes contarlo?' },
        sensitive: false,
        options: [
          { id: 'teacher', text: { en: 'A teacher', es: 'Una maestra' } },
          { id: 'nobody', text: { en: 'Nobody', es: 'Nadie' } },
        ],
        answer: 'teacher',
      },
    ],
  };
}

export function documentFixture(): ModuleDocument {
  return {
    manifest: manifestFixture(),
    lessons: [lessonFixture('en'), lessonFixture('es')],
    scenarios: [scenarioFixture()],
    assessments: [
      assessmentFixture(),
      { ...assessmentFixture(), id: 'post', kind: 'post', title: { en: 'After' } },
    ],
    extraFiles: {},
  };
}
