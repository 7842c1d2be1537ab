import type { MyAssignmentQuery } from '../../../gql/graphql';
import type { Progress } from '../progress/progress-state';

type StudentModule = NonNullable<MyAssignmentQuery['myAssignment']>;

export const ASSIGNMENT_ID = '7d1f7a52-3c1e-4f0e-9a7e-0b7f3d3c2a10';

export function progressFixture(overrides: Partial<Progress> = {}): StudentModule['progress'] {
  const {
    scenarioRuns = [],
    answers = [],
    reflections = [],
    completedSteps = [],
    alternativeTopics = [],
    ...rest
  } = overrides;
  return {
    __typename: 'AttemptProgress',
    status: 'not_started',
    stepIndex: 0,
    blockIndex: 0,
    ...rest,
    completedSteps: [...completedSteps],
    alternativeTopics: [...alternativeTopics],
    scenarioRuns: scenarioRuns.map((r) => ({
      __typename: 'ScenarioRunModel' as const,
      ...r,
      path: [...r.path],
    })),
    answers: answers.map((a) => ({ __typename: 'AnsweredItem' as const, ...a })),
    reflections: reflections.map((r) => ({
      __typename: 'ReflectionModel' as const,
      at: '2026-01-01T00:00:00Z',
      ...r,
    })),
  };
}

/** A small module: pre-test, a lesson of two blocks, a scenario with a conditional choice, post-test. */
export function moduleFixture(progress: Partial<Progress> = {}): StudentModule {
  return {
    __typename: 'StudentModule',
    assignmentId: ASSIGNMENT_ID,
    moduleId: 'online-safety-6-8',
    version: '1.0.0',
    language: 'en',
    title: 'Staying Safe Online',
    alternativeActivity: 'Read the chapter on safe apps in your workbook.',
    excused: false,
    contentWarnings: [
      { __typename: 'ContentWarning', topic: 'grooming', text: 'This lesson talks about online grooming.' },
    ],
    steps: [
      { __typename: 'StudentStep', index: 0, kind: 'assessment', id: 'pre', title: 'Survey, before' },
      { __typename: 'StudentStep', index: 1, kind: 'lesson', id: 'grooming', title: 'How grooming works' },
      { __typename: 'StudentStep', index: 2, kind: 'scenario', id: 'follower', title: 'The new follower' },
      { __typename: 'StudentStep', index: 3, kind: 'assessment', id: 'post', title: 'Survey, after' },
    ],
    lessons: [
      {
        __typename: 'Lesson',
        id: 'grooming',
        title: 'How grooming works',
        minutes: 20,
        blocks: [
          {
            __typename: 'LessonBlock',
            kind: 'content',
            title: 'Trust',
            html: '<p>Groomers build trust.</p>',
          },
          {
            __typename: 'LessonBlock',
            kind: 'help',
            title: 'Getting help',
            html: '<ul><li>Tell a trusted adult.</li></ul><script>window.hacked = true</script>',
          },
        ],
      },
    ],
    scenarios: [
      {
        __typename: 'Scenario',
        id: 'follower',
        title: 'The new follower',
        summary: 'Someone new follows you.',
        start: 'post',
        variables: [
          { __typename: 'ScenarioVariable', id: 'sharedAddress', type: 'boolean', initial: 'false' },
        ],
        nodes: [
          {
            __typename: 'ScenarioNode',
            id: 'post',
            speaker: 'narrator',
            speakerName: null,
            text: 'You post a video. Jay follows you.',
            ending: null,
            choices: [
              {
                __typename: 'ScenarioChoice',
                id: 'reply',
                text: 'Reply with thanks.',
                next: 'offer',
                feedback: 'Being polite is normal.',
                tags: ['neutral'],
                condition: null,
                effects: [],
              },
              {
                __typename: 'ScenarioChoice',
                id: 'block',
                text: 'Block the account.',
                next: 'blocked',
                feedback: 'Good call.',
                tags: ['protective'],
                condition: null,
                effects: [],
              },
            ],
          },
          {
            __typename: 'ScenarioNode',
            id: 'offer',
            speaker: 'jay',
            speakerName: 'Jay',
            text: 'Want a paid brand deal? Just send your address.',
            ending: null,
            choices: [
              {
                __typename: 'ScenarioChoice',
                id: 'tell',
                text: 'Tell a parent.',
                next: 'told',
                feedback: 'A trusted adult can help.',
                tags: ['protective'],
                condition: null,
                effects: [],
              },
              {
                __typename: 'ScenarioChoice',
                id: 'tell-address',
                text: 'Tell a parent, because Jay has your address.',
                next: 'told',
                feedback: 'Right away.',
                tags: ['protective'],
                condition: 'sharedAddress',
                effects: [],
              },
            ],
          },
          {
            __typename: 'ScenarioNode',
            id: 'told',
            speaker: 'narrator',
            speakerName: null,
            text: 'Your parent helps you report Jay.',
            ending: {
              __typename: 'ScenarioEnding',
              outcome: 'protective',
              debrief: 'Telling someone protected you.',
            },
            choices: [],
          },
          {
            __typename: 'ScenarioNode',
            id: 'blocked',
            speaker: 'narrator',
            speakerName: null,
            text: 'You block Jay.',
            ending: { __typename: 'ScenarioEnding', outcome: 'protective', debrief: 'Blocking early works.' },
            choices: [],
          },
        ],
      },
    ],
    assessments: ['pre', 'post'].map((id) => ({
      __typename: 'Assessment' as const,
      id,
      kind: id,
      title: id === 'pre' ? 'Survey, before' : 'Survey, after',
      instructions: null,
      items: [
        {
          __typename: 'AssessmentItem' as const,
          id: 'q1',
          type: 'multiple-choice',
          prompt: 'What is grooming?',
          options: [
            { __typename: 'AssessmentOption' as const, id: 'a', text: 'Building trust to take advantage' },
            { __typename: 'AssessmentOption' as const, id: 'b', text: 'Editing photos' },
          ],
        },
        {
          __typename: 'AssessmentItem' as const,
          id: 'q2',
          type: 'true-false',
          prompt: 'Secrets are a warning sign.',
          options: [],
        },
        {
          __typename: 'AssessmentItem' as const,
          id: 'q3',
          type: 'likert',
          prompt: 'I know who to tell.',
          options: [
            { __typename: 'AssessmentOption' as const, id: '1', text: 'Disagree' },
            { __typename: 'AssessmentOption' as const, id: '2', text: 'Not sure' },
            { __typename: 'AssessmentOption' as const, id: '3', text: 'Agree' },
          ],
        },
      ],
    })),
    progress: progressFixture(progress),
  };
}
