import type { CatalogModuleQuery, CatalogModuleSummaryFragment } from '../../gql/graphql';
import type { Resolver } from '../../testing/render-app';

type Module = NonNullable<CatalogModuleQuery['moduleVersion']>;

const topic = (tag: string, label: string) => ({ __typename: 'Topic' as const, tag, label });

export function summary(overrides: Partial<CatalogModuleSummaryFragment> = {}): CatalogModuleSummaryFragment {
  return {
    __typename: 'ModuleVersion',
    id: 'mv-online-1',
    moduleId: 'online-safety-6-8',
    version: '1.1.0',
    language: 'en',
    title: 'Real Friends, Fake Offers',
    summary: 'Middle-school learners learn how online grooming works.',
    gradeBand: '6-8',
    grades: [6, 7, 8],
    languages: ['en', 'es'],
    estimatedMinutes: 120,
    topics: [topic('online-safety', 'Online safety'), topic('grooming', 'Grooming')],
    ...overrides,
  };
}

export const ONLINE_SAFETY = summary();
export const ONLINE_SAFETY_ES = summary({
  language: 'es',
  title: 'Amigos reales, ofertas falsas',
  summary: 'Los estudiantes de secundaria aprenden cómo funciona el grooming en internet.',
  topics: [topic('online-safety', 'Seguridad en internet'), topic('grooming', 'Grooming')],
});
export const BODY_AUTONOMY = summary({
  id: 'mv-body-1',
  moduleId: 'body-autonomy-k-2',
  version: '1.0.0',
  title: 'My Body, My Boundaries',
  summary: 'Young learners practise saying no and telling a trusted adult.',
  gradeBand: 'K-2',
  grades: [0, 1, 2],
  languages: ['en'],
  estimatedMinutes: 60,
  topics: [topic('body-autonomy', 'Body autonomy'), topic('help-seeking', 'Help-seeking')],
});

/** A stand-in for Query.modules that filters the way the API does. */
export const catalogModules: Resolver = (variables) => {
  const all =
    variables['displayLanguage'] === 'es'
      ? [ONLINE_SAFETY_ES, BODY_AUTONOMY]
      : [ONLINE_SAFETY, BODY_AUTONOMY];
  const modules = all.filter(
    (m) =>
      (!variables['gradeBand'] || m.gradeBand === variables['gradeBand']) &&
      (variables['grade'] === undefined || m.grades.includes(variables['grade'] as number)) &&
      (!variables['language'] || m.languages.includes(variables['language'] as string)) &&
      (!variables['topic'] || m.topics.some((t) => t.tag === variables['topic'])),
  );
  return { data: { modules } };
};

export function detail(
  base: CatalogModuleSummaryFragment = ONLINE_SAFETY,
  overrides: Partial<Module> = {},
): Module {
  const es = base.language === 'es';
  return {
    ...base,
    versions: ['1.1.0', '1.0.0'],
    objectives: [es ? 'Describir cómo funciona el grooming.' : 'Describe how online grooming builds trust.'],
    contentWarnings: [
      {
        __typename: 'ContentWarning',
        topic: 'grooming',
        text: es
          ? 'Estas lecciones hablan de cómo algunas personas intentan ganarse la confianza de una persona joven.'
          : "These lessons talk about how some people try to gain a young person's trust.",
      },
    ],
    facilitator: {
      __typename: 'FacilitatorRequirement',
      trainings: ['haven-facilitator-basics'],
      survivorCoFacilitationRecommended: true,
    },
    alternativeActivity: es
      ? 'Un proyecto de carteles sobre redes de apoyo.'
      : 'A poster project on support networks.',
    licence: 'CC-BY-SA-4.0',
    reviewStatus: 'draft',
    sequence: [
      { __typename: 'SequenceStep', kind: 'assessment', id: 'pre' },
      { __typename: 'SequenceStep', kind: 'lesson', id: 'how-grooming-works' },
      { __typename: 'SequenceStep', kind: 'scenario', id: 'the-new-follower' },
    ],
    lessons: [
      {
        __typename: 'Lesson',
        id: 'how-grooming-works',
        title: es ? 'Cómo funciona el grooming' : 'How Online Grooming Works',
        minutes: 45,
        blocks: [
          {
            __typename: 'LessonBlock',
            kind: 'warm-up',
            title: es ? '¿Quién puede ver esto?' : 'Who can see this?',
            html: '<p>Think about one app you use.</p>',
          },
          {
            __typename: 'LessonBlock',
            kind: 'content',
            title: null,
            html: '<p>Grooming is <strong>building trust</strong> on purpose.</p><script>window.hacked = true</script><img src="x" alt="" onerror="window.hacked = true"><a href="javascript:alert(1)">more</a>',
          },
        ],
        facilitatorNotes: [
          {
            __typename: 'FacilitatorNote',
            title: 'Disclosure protocol',
            html: '<p>Confirm the disclosure protocol with the counsellor before teaching.</p>',
          },
        ],
      },
    ],
    scenarios: [
      {
        __typename: 'Scenario',
        id: 'the-new-follower',
        title: es ? 'El nuevo seguidor' : 'The New Follower',
        summary: es ? 'Un desconocido escribe a Jay.' : 'A stranger messages Jay.',
        nodeCount: 12,
        endingCount: 3,
      },
    ],
    assessments: [
      {
        __typename: 'Assessment',
        id: 'pre',
        kind: 'pre',
        title: es ? 'Antes de empezar' : 'Before we start',
        items: [
          { __typename: 'AssessmentItem', id: 'q1' },
          { __typename: 'AssessmentItem', id: 'q2' },
        ],
      },
    ],
    ...overrides,
  };
}

/** A stand-in for Query.moduleVersion: online-safety-6-8 in two versions, English and Spanish. */
export const catalogModule: Resolver = (variables) => {
  if (variables['moduleId'] !== 'online-safety-6-8') return { data: { moduleVersion: null } };
  const base = variables['displayLanguage'] === 'es' ? ONLINE_SAFETY_ES : ONLINE_SAFETY;
  const version = (variables['version'] as string | undefined) ?? '1.1.0';
  if (!['1.1.0', '1.0.0'].includes(version)) return { data: { moduleVersion: null } };
  return { data: { moduleVersion: detail({ ...base, version, id: `mv-online-${version}` }) } };
};
