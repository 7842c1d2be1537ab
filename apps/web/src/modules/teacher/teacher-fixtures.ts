import type { Resolver } from '../../testing/render-app';

export const CLASS_ID = 'c-10';
export const ASSIGNMENT_ID = 'a-1';

const OPENS = new Date(2026, 8, 1, 9, 0).toISOString();
const DUE = new Date(2026, 8, 30, 23, 59, 59).toISOString();

export const assignment = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'AssignmentModel',
  id: ASSIGNMENT_ID,
  classId: CLASS_ID,
  moduleId: 'recognizing-trafficking-9-12',
  version: '1.1.0',
  newerVersion: null,
  title: 'Recognizing Human Trafficking',
  opensAt: OPENS,
  dueAt: DUE,
  ...overrides,
});

const student = (id: string, displayName: string, username: string) => ({
  __typename: 'Student',
  id,
  displayName,
  username,
  gradeLevel: 10,
});

export const classDetail =
  (assignments: Array<Record<string, unknown>> = [assignment()]): Resolver =>
  (variables) => ({
    data: {
      class:
        variables['id'] === CLASS_ID
          ? {
              __typename: 'Class',
              id: CLASS_ID,
              name: 'Health 10, Period 4',
              gradeLevels: [10],
              schoolYear: '2026-2027',
              studentCount: 2,
              students: [student('st-leo', 'Leo', 'leo'), student('st-priya', 'Priya', 'priya')],
              assignments,
            }
          : null,
    },
  });

const moduleSummary = (moduleId: string, title: string) => ({
  __typename: 'ModuleVersion',
  id: `${moduleId}@1.1.0`,
  moduleId,
  version: '1.1.0',
  language: 'en',
  title,
  gradeBand: '9-12',
  grades: [9, 10, 11, 12],
});

export const assignableModules: Resolver = () => ({
  data: {
    modules: [
      moduleSummary('healthy-relationships-9-12', 'Healthy Relationships'),
      moduleSummary('recognizing-trafficking-9-12', 'Recognizing Human Trafficking'),
    ],
  },
});

const steps = [
  { index: 0, kind: 'assessment', id: 'pre', title: 'Before we start' },
  { index: 1, kind: 'lesson', id: 'what-it-is', title: 'What trafficking is' },
  { index: 2, kind: 'scenario', id: 'the-job-offer', title: 'The job offer' },
].map((s) => ({ __typename: 'StudentStep', ...s }));

const row = (id: string, displayName: string, username: string, fields: Record<string, unknown>) => ({
  __typename: 'StudentProgressRow',
  student: { __typename: 'Student', id, displayName, username },
  status: 'not_started',
  completedSteps: [],
  currentStep: null,
  alternativeTopics: [],
  excusedForConsent: false,
  needsFollowUp: false,
  lastActivityAt: null,
  reflections: [],
  ...fields,
});

export const REFLECTION_AT = new Date(2026, 8, 2, 10, 15).toISOString();

export const assignmentProgress: Resolver = (variables) => ({
  data: {
    assignmentProgress:
      variables['assignmentId'] === ASSIGNMENT_ID
        ? {
            __typename: 'AssignmentProgressView',
            assignment: assignment(),
            steps,
            students: [
              row('st-eli', 'Eli', 'eli', {}),
              row('st-leo', 'Leo', 'leo', {
                status: 'completed',
                completedSteps: [0, 1, 2],
                currentStep: 2,
                lastActivityAt: REFLECTION_AT,
                alternativeTopics: ['sex-trafficking'],
              }),
              row('st-priya', 'Priya', 'priya', {
                status: 'in_progress',
                completedSteps: [0],
                currentStep: 1,
                lastActivityAt: REFLECTION_AT,
                reflections: [
                  {
                    __typename: 'StaffReflectionModel',
                    id: 'r-1',
                    promptId: 'remember',
                    text: 'Check who someone really is.',
                    at: REFLECTION_AT,
                  },
                ],
              }),
            ],
          }
        : null,
  },
});

export const assignmentTopics: Resolver = () => ({
  data: {
    moduleVersion: {
      __typename: 'ModuleVersion',
      id: 'recognizing-trafficking-9-12@1.1.0',
      language: 'en',
      topics: [{ __typename: 'Topic', tag: 'sex-trafficking', label: 'Sex trafficking' }],
    },
  },
});

const consentRow = (
  id: string,
  displayName: string,
  status: string,
  records: Array<Record<string, unknown>> = [],
) => ({
  __typename: 'StudentConsent',
  student: { __typename: 'Student', id, username: displayName.toLowerCase(), displayName },
  eligible: status === 'eligible' || status === 'consent-on-file',
  status,
  optOutNotRecognised: false,
  records,
});

/** A California class: passive opt-out; Leo's parent opted him out. */
export const classConsent: Resolver = (variables) => ({
  data: {
    classConsent:
      variables['classId'] === CLASS_ID
        ? {
            __typename: 'ClassConsent',
            classId: CLASS_ID,
            schoolYear: variables['schoolYear'],
            model: 'opt-out',
            state: 'CA',
            students: [
              consentRow('st-eli', 'Eli', 'eligible'),
              consentRow('st-leo', 'Leo', 'opted-out', [
                {
                  __typename: 'ConsentRecordModel',
                  id: 'cr-1',
                  kind: 'opt-out',
                  moduleId: null,
                  note: 'Letter from parent',
                  recordedAt: new Date(2026, 8, 2).toISOString(),
                },
              ]),
            ],
          }
        : null,
  },
});
