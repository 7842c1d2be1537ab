import type { GradeBand } from '@haven/domain';
import { TOPICS, type TopicTag } from './vocabulary';

/** One required content item of a state rule, mapped to the topic tags that teach it. */
export interface MandateTopicRequirement {
  /** The rule's own label, e.g. `a` for paragraph (a). */
  id: string;
  text: string;
  /** Topic tags that together cover the item. Tags unsuitable for a band are not required there. */
  topics: readonly TopicTag[];
}

export interface MandateTopicRule {
  id: string;
  source: string;
  requirements: readonly MandateTopicRequirement[];
}

/**
 * Florida's child trafficking prevention education rule: SBE Rule 6A-1.094124 (the 2019 Rule
 * 6A-1.094123, since consolidated) and s. 1003.42(2)(n), F.S. Required every school year, K-12.
 * The mapping to topic tags is Haven's reading of the rule; a tag is only required in the bands the
 * vocabulary allows it (e.g. `signs-of-trafficking` from grade 6), which is how "age-appropriate"
 * is honoured.
 */
export const FLORIDA_TRAFFICKING_PREVENTION_RULE = {
  id: 'us-fl-6a-1.094124',
  source: 'Florida SBE Rule 6A-1.094124 (formerly 6A-1.094123); s. 1003.42(2)(n), F.S.',
  requirements: [
    { id: 'a', text: 'Signs of human trafficking', topics: ['signs-of-trafficking'] },
    { id: 'b', text: 'National, state and local resources', topics: ['resources'] },
    {
      id: 'c',
      text: 'Prevention of abuse of and addiction to alcohol, nicotine and drugs',
      topics: ['substance-use-prevention'],
    },
    {
      id: 'd',
      text: 'Prevalence, nature and risk reduction, healthy boundaries, how to safely seek assistance',
      topics: [
        'sex-trafficking',
        'labor-trafficking',
        'recruitment-tactics',
        'grooming',
        'body-autonomy',
        'healthy-relationships',
        'safe-adults',
        'help-seeking',
      ],
    },
    {
      id: 'e',
      text: 'How social media and mobile device applications are used for human trafficking',
      topics: ['social-media-risks', 'online-safety'],
    },
  ],
} as const satisfies MandateTopicRule;

/** Topic tags a rule requires in a band: those of its requirements that the band may teach. */
export function requiredTopicsForBand(rule: MandateTopicRule, band: GradeBand): TopicTag[] {
  const out = new Set<TopicTag>();
  for (const r of rule.requirements)
    for (const t of r.topics) if ((TOPICS[t].bands as readonly string[]).includes(band)) out.add(t);
  return [...out];
}

export interface TopicCoverage {
  band: GradeBand;
  required: TopicTag[];
  missing: TopicTag[];
  /** Requirement ids with at least one tag required in this band, and whether all of those are covered. */
  requirements: { id: string; covered: boolean }[];
}

/** Which of a rule's topics the given module topics (all modules of one band together) cover. */
export function topicCoverage(
  rule: MandateTopicRule,
  band: GradeBand,
  moduleTopics: Iterable<string>,
): TopicCoverage {
  const have = new Set(moduleTopics);
  const required = requiredTopicsForBand(rule, band);
  const inBand = (t: TopicTag): boolean => (TOPICS[t].bands as readonly string[]).includes(band);
  return {
    band,
    required,
    missing: required.filter((t) => !have.has(t)),
    requirements: rule.requirements
      .filter((r) => r.topics.some(inBand))
      .map((r) => ({ id: r.id, covered: r.topics.filter(inBand).every((t) => have.has(t)) })),
  };
}
