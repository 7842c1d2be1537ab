import type { GradeBand } from '@haven/domain';
import { BAND_MAX_GRADE, BAND_MIN_GRADE } from './vocabulary';
import { CURRENT_SCHEMA_VERSION } from './schemas';
import type { ModuleFiles } from './parse';

/**
 * Files of a new module skeleton that validates with zero errors: one lesson in English and Spanish,
 * one scenario with a safe-adult path, and matched pre/post assessments. Authors replace the TODO text.
 */
export function scaffoldModule(id: string, band: GradeBand): ModuleFiles {
  const v = CURRENT_SCHEMA_VERSION;
  const grades = Array.from(
    { length: BAND_MAX_GRADE[band] - BAND_MIN_GRADE[band] + 1 },
    (_, i) => BAND_MIN_GRADE[band] + i,
  );
  const lesson = (lang: 'en' | 'es'): string => {
    const t =
      lang === 'en'
        ? {
            title: 'TODO lesson title',
            content: 'TODO: what learners read or hear.',
            help: 'You can always talk to a safe adult. National Human Trafficking Hotline: call 1-888-373-7888 or text 233733. In danger now? Call 911.',
            notes: 'TODO: notes for the facilitator only.',
          }
        : {
            title: 'TODO título de la lección',
            content: 'TODO: lo que leen o escuchan los estudiantes.',
            help: 'Siempre puedes hablar con un adulto de confianza. Línea Nacional contra la Trata de Personas: llama al 1-888-373-7888 o envía un mensaje de texto al 233733. ¿Estás en peligro ahora? Llama al 911.',
            notes: 'TODO: notas solo para quien facilita.',
          };
    return `---\nschemaVersion: ${v}\nid: introduction\nlang: ${lang}\ntitle: ${t.title}\nminutes: 20\n---\n\n:::content\n${t.content}\n:::\n\n:::facilitator-notes\n${t.notes}\n:::\n\n:::help\n${t.help}\n:::\n`;
  };
  return {
    'module.yaml': `schemaVersion: ${v}
id: ${id}
version: 0.1.0
title: { en: TODO module title, es: TODO título del módulo }
summary: { en: TODO one-sentence summary., es: TODO resumen en una frase. }
gradeBand: ${band}
grades: [${grades.join(', ')}]
languages: [en, es]
estimatedMinutes: 40
objectives:
  - id: ask-for-help
    text: { en: Name a safe adult to ask for help., es: Nombrar a un adulto de confianza a quien pedir ayuda. }
topics: [safe-adults, help-seeking]
contentWarnings: []
facilitator:
  trainings: [haven-facilitator-basics]
prerequisites: []
authors:
  - name: TODO author name
review:
  status: draft
  reviews: []
licence: CC-BY-SA-4.0
sequence:
  - assessment: pre
  - lesson: introduction
  - scenario: asking-for-help
  - assessment: post
alternativeActivity:
  en: TODO what a learner does instead if they step away or are opted out.
  es: TODO lo que hace un estudiante en su lugar si se aparta o no participa.
parentNotice:
  en: TODO letter to parents and guardians (what is taught, minutes, how to view materials, how to opt out).
  es: TODO carta para madres, padres y tutores (qué se enseña, minutos, cómo ver los materiales, cómo no participar).
`,
    'lessons/introduction.en.md': lesson('en'),
    'lessons/introduction.es.md': lesson('es'),
    'scenarios/asking-for-help.yaml': `schemaVersion: ${v}
id: asking-for-help
title: { en: TODO scenario title, es: TODO título del escenario }
start: start
characters: []
variables: []
nodes:
  - id: start
    text: { en: TODO something worries you., es: TODO algo te preocupa. }
    choices:
      - id: tell-adult
        text: { en: Tell a safe adult., es: Contárselo a un adulto de confianza. }
        next: helped
        feedback: { en: Good thinking. A safe adult can help., es: Bien pensado. Un adulto de confianza puede ayudar. }
        tags: [safe-adult, protective]
      - id: keep-quiet
        text: { en: Keep it to yourself., es: Guardártelo. }
        next: alone
        feedback: { en: You do not have to keep a worry to yourself., es: No tienes que guardarte una preocupación. }
        tags: [risky]
  - id: helped
    text: { en: The adult listens and helps., es: El adulto escucha y ayuda. }
    ending:
      outcome: protective
      debrief: { en: Telling a safe adult is brave., es: Contárselo a un adulto de confianza es valiente. }
  - id: alone
    text: { en: The worry stays with you., es: La preocupación sigue contigo. }
    ending:
      outcome: risky
      debrief: { en: It is never too late to tell a safe adult., es: Nunca es tarde para contárselo a un adulto de confianza. }
`,
    'assessments/pre.yaml': `schemaVersion: ${v}
id: pre
kind: pre
title: { en: Before we start, es: Antes de empezar }
items:
  - id: know-safe-adult
    type: likert
    construct: help-seeking-intention
    scale: agree-3
    prompt: { en: I know a safe adult I could talk to., es: Conozco a un adulto de confianza con quien podría hablar. }
`,
    'assessments/post.yaml': `schemaVersion: ${v}
id: post
kind: post
title: { en: After the lesson, es: Después de la lección }
include: pre
items:
  - id: felt-safe
    type: likert
    construct: session-safety
    scale: agree-3
    prompt: { en: Today's lesson felt safe for me., es: La lección de hoy me hizo sentir seguro/a. }
`,
    'README.md': `# ${id}\n\nTODO: what this module teaches, for whom, and why any validator warnings are acceptable.\n`,
  };
}
