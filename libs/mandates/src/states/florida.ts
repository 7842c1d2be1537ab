import { FLORIDA_TRAFFICKING_PREVENTION_RULE as FL_TOPICS } from '@haven/curriculum';
import type { MandateRule, TopicRequirement } from '../model';

/** The rule's own words for (a)-(e), as quoted from the rule text in DOMAIN-SOURCES.md [V]. */
const WORDING: Record<string, string> = {
  a: 'recognizing signs of human trafficking',
  b: 'awareness of national, state and local resources',
  c: 'preventing abuse of and addiction to alcohol, nicotine and drugs',
  d: 'prevalence, nature and risk-reduction strategies for human trafficking, setting healthy boundaries, how to safely seek assistance',
  e: 'how social media and mobile device applications are used for human trafficking',
};

/**
 * The topic mapping is the one in `@haven/curriculum` (`FLORIDA_TRAFFICKING_PREVENTION_RULE`),
 * which the curriculum's own tests check the shipped modules against: one source of truth.
 */
const requirements: TopicRequirement[] = FL_TOPICS.requirements.map((r) => ({
  id: r.id,
  text: r.text,
  wording: WORDING[r.id] ?? r.text,
  topics: r.topics,
  certainty: 'verified',
}));

export const FLORIDA: MandateRule = {
  id: FL_TOPICS.id,
  version: 1,
  state: 'FL',
  title: 'Child Trafficking Prevention Education',
  status: 'in-force',
  source: FL_TOPICS.source,
  citations: [
    'Fla. SBE Rule 6A-1.094124 (Required Instruction Planning and Reporting)',
    'Fla. SBE Rule 6A-1.094123 (2019, consolidated into 6A-1.094124)',
    's. 1003.42(2)(n), F.S.',
    's. 1008.32, F.S. (sanctions)',
  ],
  sources: [
    {
      title: 'Rule 6A-1.094123 text',
      url: 'http://flrules.elaws.us/fac/6a-1.094123',
      kind: 'rule',
      marker: 'V',
    },
    {
      title: 'Rule 6A-1.094124 text',
      url: 'http://flrules.elaws.us/fac/6a-1.094124/',
      kind: 'rule',
      marker: 'V',
    },
    {
      title: '2024 amendment (plan due annually by 1 July, annual report removed)',
      url: 'http://flrules.elaws.us/far/3/13/2024/28142239',
      kind: 'rule',
      marker: 'S',
    },
    {
      title: 'St Johns County: no opt-out, required curriculum',
      url: 'http://www.stjohns.k12.fl.us/mental-health/instruction/',
      kind: 'district',
      marker: 'S',
    },
    {
      title: 'Leon County: the 5-hour minimum applies to mental health only',
      url: 'https://www.leonschools.net/domain/7336',
      kind: 'district',
      marker: 'S',
    },
  ],
  effective: { value: { from: '2019-11-06', to: null }, certainty: 'verified' },
  instruction: {
    mandatory: true,
    grades: { value: { from: 0, to: 12 }, certainty: 'verified' },
    frequency: {
      value: { kind: 'each-school-year' },
      certainty: 'verified',
      note: 'Annual, and "advance each year through developmentally appropriate instruction and skill building".',
    },
    requirements,
    minimumMinutes: {
      value: null,
      certainty: 'verified',
      note: 'No minimum for child trafficking prevention. The 5-hour minimum (grades 6-12) is for mental and emotional health.',
    },
    consent: {
      value: 'none',
      alternativeActivity: false,
      certainty: 'secondary-source',
      note: 'Districts say there is no opt-out because it is required curriculum (St Johns). Whether the s. 1003.42 exemption (reproductive health / disease) can reach this instruction is unconfirmed.',
    },
  },
  staffTraining: [],
  filings: [
    {
      id: 'implementation-plan',
      title: 'Child trafficking prevention implementation plan',
      description:
        'Plan for the coming school year: methods of instruction per grade level, professional qualifications of the person delivering instruction, materials. Submitted through the FDOE portal.',
      recipient: 'Florida Department of Education',
      deadline: { kind: 'annual', month: 7, day: 1 },
      citation: 'Rule 6A-1.094124 as amended 2024',
      certainty: 'secondary-source',
      note: 'The 2024 amendment (plan due 1 July, annual completion report removed) is known from a secondary summary. The 2019 text had a plan by 1 December and a completion report by 1 July.',
    },
  ],
  certainty: 'secondary-source',
  note: 'Topics (a)-(e), K-12 and the annual frequency are from the rule text. Consent and the 2024 filing change rest on secondary sources. Re-check against the official rule before a district relies on it.',
  reviewedOn: '2026-11-15',
};
