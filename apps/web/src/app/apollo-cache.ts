import { InMemoryCache } from '@apollo/client';

/**
 * The app's cache, shared with the tests' client. Catalog texts come in the language asked for under
 * the same module version id, so a version is stored per language. Lessons, scenarios, assessments and
 * sequence steps have ids only within their module (every module may have a `pre` assessment): they
 * stay inside their module version instead of being merged across modules.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ModuleVersion: { keyFields: ['id', 'language'] },
      Lesson: { keyFields: false },
      Scenario: { keyFields: false },
      Assessment: { keyFields: false },
      AssessmentItem: { keyFields: false },
      SequenceStep: { keyFields: false },
      // Node, choice, option and step ids repeat across modules: keep them inside their module too.
      ScenarioNode: { keyFields: false },
      ScenarioChoice: { keyFields: false },
      AssessmentOption: { keyFields: false },
      StudentStep: { keyFields: false },
      // A school's safeguarding staff: one per school (the mutations return it whole).
      SchoolSafeguardingStaff: { keyFields: ['schoolId'] },
    },
  });
}
