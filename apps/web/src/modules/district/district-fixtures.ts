import type { Resolver } from '../../testing/render-app';

const topic = (tag: string, label: string) => ({ __typename: 'Topic', tag, label });

export const FLORIDA_RULE = {
  __typename: 'MandateRuleSummary',
  id: 'fl-6a-1-094124',
  title: 'Florida Child Trafficking Prevention Education',
  citation: 'Fla. Admin. Code R. 6A-1.094124; s. 1003.42(2)(n), F.S.',
  sourceUrls: ['https://www.flrules.org/gateway/ruleNo.asp?id=6A-1.094124'],
  certainty: 'secondary-source',
  uncertainties: ['Parents may not opt out (secondary source)'],
  frequency: 'each-school-year',
  consentModel: 'none',
  requiredTopics: [
    topic('signs-of-trafficking', 'Signs of human trafficking'),
    topic('online-safety', 'Online safety'),
  ],
};

const gradeRow = (
  grade: number,
  status: string,
  counts: Partial<Record<string, string>>,
  percent: number,
) => ({
  __typename: 'GradeComplianceRow',
  grade,
  status,
  enrolled: '5',
  delivered: '<5',
  missing: '<5',
  excused: '0',
  pending: '0',
  percentDelivered: percent,
  reasons: status === 'met' ? [] : ['4 students not reached'],
  ...counts,
});

export const complianceReport: Resolver = (variables) => ({
  data: {
    complianceReport: {
      __typename: 'ComplianceReport',
      districtName: 'Gulf Coast Unified',
      state: 'FL',
      schoolYear: (variables['schoolYear'] as string | undefined) ?? '2026-2027',
      generatedAt: '2026-11-26T10:00:00.000Z',
      rules: [FLORIDA_RULE],
      schools: [
        {
          __typename: 'SchoolComplianceRow',
          schoolId: 's-1',
          schoolName: 'Bayside Secondary School',
          status: 'partially-met',
          grades: [
            gradeRow(7, 'partially-met', {}, 20),
            gradeRow(10, 'not-met', { enrolled: '6', delivered: '0', missing: '6' }, 0),
          ],
        },
      ],
    },
  },
});

export const studentRecord = (id: string, name: string, outcome: string) => ({
  __typename: 'StudentComplianceRecord',
  studentId: id,
  displayName: name,
  username: name.toLowerCase(),
  grade: 7,
  schoolName: 'Bayside Secondary School',
  classes: ['Health 7, Period 2'],
  rules: [
    {
      __typename: 'StudentRuleExplanation',
      ruleId: FLORIDA_RULE.id,
      citation: FLORIDA_RULE.citation,
      outcome,
      requiredTopics: FLORIDA_RULE.requiredTopics,
      coveredTopics: outcome === 'delivered' ? FLORIDA_RULE.requiredTopics : [],
      missingTopics: outcome === 'delivered' ? [] : [topic('online-safety', 'Online safety')],
      counted: outcome === 'delivered' ? ['online-safety-6-8@1.0.0 (2026-10-15)'] : [],
      window: '2026-07-01 to 2027-06-30',
    },
  ],
});

export const gradeCompliance: Resolver = () => ({
  data: {
    gradeCompliance: [
      studentRecord('st-maya', 'Maya', 'delivered'),
      studentRecord('st-noah', 'Noah', 'not-reached'),
    ],
  },
});

export const studentCompliance: Resolver = (variables) => ({
  data: {
    studentCompliance:
      variables['studentId'] === 'st-noah' ? studentRecord('st-noah', 'Noah', 'not-reached') : null,
  },
});

const record = (id: string, courseTitle: string, state: 'current' | 'soon' | 'expired') => ({
  __typename: 'TrainingRecordModel',
  id,
  courseCode: id,
  courseTitle,
  completedAt: '2025-09-01T12:00:00.000Z',
  expiresAt: '2027-01-05T12:00:00.000Z',
  source: 'haven',
  current: state !== 'expired',
  expiringSoon: state === 'soon',
});

export const staffTraining: Resolver = () => ({
  data: {
    staffTraining: [
      {
        __typename: 'StaffTraining',
        userId: 'u-teacher',
        displayName: 'Jordan Lee',
        email: 'teacher@gulfcoast.example',
        roles: ['teacher'],
        records: [record('tr-1', 'Trafficking awareness for educators', 'soon')],
      },
      {
        __typename: 'StaffTraining',
        userId: 'u-counsel',
        displayName: 'Sam Rivera',
        email: 'counselor@gulfcoast.example',
        roles: ['teacher', 'school_admin'],
        records: [],
      },
    ],
    trainingCourses: [
      {
        __typename: 'TrainingCourseModel',
        code: 'awareness',
        title: 'Trafficking awareness for educators',
        validityMonths: 24,
      },
      {
        __typename: 'TrainingCourseModel',
        code: 'disclosure',
        title: 'Responding to disclosures',
        validityMonths: null,
      },
    ],
  },
});

const outcome = (
  construct: string,
  pairs: string,
  preMean: number | null,
  postMean: number | null,
  gain: number | null,
) => ({ __typename: 'ConstructOutcome', construct, pairs, preMean, postMean, gain });

export const outcomesReport: Resolver = (variables) => ({
  data: {
    outcomesReport: {
      __typename: 'OutcomesReport',
      districtName: 'Gulf Coast Unified',
      schoolYear: (variables['schoolYear'] as string | undefined) ?? '2026-2027',
      generatedAt: '2026-11-26T10:00:00.000Z',
      groups: [
        {
          __typename: 'OutcomeGroup',
          schoolId: 's-1',
          schoolName: 'Bayside Secondary School',
          grade: 7,
          moduleId: 'online-safety-6-8',
          moduleVersion: '1.0.0',
          moduleTitle: 'Staying Safe Online',
          constructs: [
            outcome('knowledge', '12', 55.5, 80, 24.5),
            outcome('attitudes', '12', 60, 75, 15),
            outcome('help-seeking-intention', '<5', null, null, null),
          ],
          sessionSafety: { __typename: 'SessionSafetyOutcome', respondents: '12', upsetPercent: 8.3 },
        },
        {
          __typename: 'OutcomeGroup',
          schoolId: 's-1',
          schoolName: 'Bayside Secondary School',
          grade: 10,
          moduleId: 'recognizing-trafficking-9-12',
          moduleVersion: '1.0.0',
          moduleTitle: 'Recognizing Trafficking',
          constructs: [outcome('knowledge', '<5', null, null, null)],
          sessionSafety: { __typename: 'SessionSafetyOutcome', respondents: '<5', upsetPercent: null },
        },
      ],
    },
  },
});

/** Nothing of any kind (a rostering import's counts). */
export const ZERO_COUNTS = { schools: 0, classes: 0, students: 0, staff: 0, enrollments: 0 };

/** One applied import run in a rostering page's history, with `students` students created. */
export function importRunRow(run: {
  fileName: string;
  mode: string;
  startedByName: string;
  errorCount: number;
  warningCount: number;
  students: number;
}) {
  const counts = (students = 0) => ({ __typename: 'ImportKindCounts', ...ZERO_COUNTS, students });
  return {
    __typename: 'ImportRun',
    id: 'r-1',
    fileName: run.fileName,
    mode: run.mode,
    status: 'applied',
    createdAt: '2026-09-01T14:00:00.000Z',
    startedByName: run.startedByName,
    errorCount: run.errorCount,
    warningCount: run.warningCount,
    createdStudentCount: run.students,
    created: counts(run.students),
    updated: counts(),
    deactivated: counts(),
  };
}
