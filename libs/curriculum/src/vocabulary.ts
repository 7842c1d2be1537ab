import { GRADE_BANDS, type GradeBand } from '@haven/domain';

/**
 * The controlled topic vocabulary. Mandate rules refer to these tags (e.g. Florida's "signs of human
 * trafficking" → `signs-of-trafficking`), so a tag is only added here, never renamed.
 *
 * - `bands`: grade bands for which the topic is suitable; tagging a module of another band is an error.
 * - `contentWarning`: a module with this tag must carry a content warning for it (`contentWarnings[].topic`).
 * - `trainedFacilitator`: a module with this tag must name at least one facilitator training.
 */
export interface TopicDefinition {
  label: string;
  description: string;
  bands: readonly GradeBand[];
  contentWarning: boolean;
  trainedFacilitator: boolean;
}

const ALL: readonly GradeBand[] = GRADE_BANDS;
const FROM_3: readonly GradeBand[] = ['3-5', '6-8', '9-12'];
const FROM_6: readonly GradeBand[] = ['6-8', '9-12'];

export const TOPICS = {
  'body-autonomy': {
    label: 'Body autonomy',
    description: 'My body belongs to me; naming body boundaries; the right to say no.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'safe-adults': {
    label: 'Safe adults',
    description: 'Identifying trusted adults at home, school and in the community, and how to tell them.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'secrets-and-surprises': {
    label: 'Secrets and surprises',
    description:
      'Telling a surprise (fun, ends soon) from an unsafe secret (makes you worried, kept forever).',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'healthy-relationships': {
    label: 'Healthy relationships',
    description: 'Respect, kindness, boundaries and pressure in friendships, families and dating.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'peer-pressure': {
    label: 'Peer pressure',
    description: 'Recognising and resisting pressure from friends and peers.',
    bands: FROM_3,
    contentWarning: false,
    trainedFacilitator: false,
  },
  grooming: {
    label: 'Grooming',
    description:
      'How someone builds trust to exploit it: gifts, flattery, secrecy, isolation, testing boundaries.',
    bands: FROM_3,
    contentWarning: true,
    trainedFacilitator: false,
  },
  'online-safety': {
    label: 'Online safety',
    description: 'Privacy settings, evaluating online contacts, what to share and what to report.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'social-media-risks': {
    label: 'Social media risks',
    description: 'How social media and apps are used to recruit and exploit young people.',
    bands: FROM_3,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'recruitment-tactics': {
    label: 'Recruitment tactics',
    description: 'Fake job offers, "boyfriending", debt, peer recruiters, online promises.',
    bands: FROM_6,
    contentWarning: true,
    trainedFacilitator: false,
  },
  'signs-of-trafficking': {
    label: 'Signs of trafficking',
    description: 'Indicators that someone may be trafficked or at risk.',
    bands: FROM_6,
    contentWarning: true,
    trainedFacilitator: false,
  },
  'sex-trafficking': {
    label: 'Sex trafficking',
    description: 'What sex trafficking is in law and in practice; minors are always victims.',
    bands: FROM_6,
    contentWarning: true,
    trainedFacilitator: true,
  },
  'labor-trafficking': {
    label: 'Labour trafficking',
    description: 'Forced work through force, fraud or coercion: debt, withheld documents, threats.',
    bands: FROM_6,
    contentWarning: true,
    trainedFacilitator: true,
  },
  'myths-and-victim-blaming': {
    label: 'Myths and victim blaming',
    description: 'Media myths about trafficking and why victims are never to blame.',
    bands: FROM_6,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'dating-violence': {
    label: 'Dating violence',
    description: 'Control, threats and abuse in dating relationships.',
    bands: FROM_6,
    contentWarning: true,
    trainedFacilitator: false,
  },
  'child-abuse-prevention': {
    label: 'Child abuse prevention',
    description: 'Recognising abuse, that it is never the child’s fault, and telling.',
    bands: ALL,
    contentWarning: true,
    trainedFacilitator: false,
  },
  'substance-use-prevention': {
    label: 'Substance use prevention',
    description: 'Alcohol, nicotine and drugs, and how substances are used to control people.',
    bands: FROM_3,
    contentWarning: false,
    trainedFacilitator: false,
  },
  'help-seeking': {
    label: 'Help-seeking',
    description: 'How to safely ask for help, for yourself or a friend.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
  resources: {
    label: 'Resources',
    description: 'National, state and local resources, including the National Human Trafficking Hotline.',
    bands: ALL,
    contentWarning: false,
    trainedFacilitator: false,
  },
} as const satisfies Record<string, TopicDefinition>;

export type TopicTag = keyof typeof TOPICS;
export const TOPIC_TAGS = Object.keys(TOPICS) as TopicTag[];

export function isTopicTag(value: string): value is TopicTag {
  return Object.prototype.hasOwnProperty.call(TOPICS, value);
}

export function topicDefinition(tag: TopicTag): TopicDefinition {
  return TOPICS[tag];
}

/** Highest grade of a band (K is 0). */
export const BAND_MAX_GRADE: Record<GradeBand, number> = { 'K-2': 2, '3-5': 5, '6-8': 8, '9-12': 12 };
export const BAND_MIN_GRADE: Record<GradeBand, number> = { 'K-2': 0, '3-5': 3, '6-8': 6, '9-12': 9 };

/** Facilitator trainings Haven knows about. Others are allowed with a warning (a district may run its own). */
export const FACILITATOR_TRAININGS = {
  'haven-facilitator-basics':
    'Haven facilitator basics: trauma-informed delivery, disclosure protocol, quick exit',
  'mandated-reporter': 'Mandated reporter training under state law',
  'trafficking-awareness-staff': 'Staff training on human trafficking awareness (e.g. Texas TEC 38.0041)',
} as const;
export type FacilitatorTraining = keyof typeof FACILITATOR_TRAININGS;

/** Content licences accepted for curricula (SPDX identifiers). */
export const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC0-1.0'] as const;
export type Licence = (typeof LICENCES)[number];

export const REVIEW_KINDS = [
  'survivor-informed',
  'trauma-informed',
  'subject-matter',
  'educator',
  'clinical',
  'cultural',
  'translation',
  'legal',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_STATUSES = ['draft', 'in-review', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Typed blocks of a lesson. `facilitator-notes` is teacher-only; everything else is learner-facing. */
export const LESSON_BLOCK_KINDS = [
  'objectives',
  'warm-up',
  'content',
  'discussion',
  'activity',
  'role-play',
  'check',
  'facilitator-notes',
  'help',
] as const;
export type LessonBlockKind = (typeof LESSON_BLOCK_KINDS)[number];
export const TEACHER_ONLY_BLOCKS: readonly LessonBlockKind[] = ['facilitator-notes'];
export const REQUIRED_LESSON_BLOCKS: readonly LessonBlockKind[] = ['content', 'help'];

/** Tags on scenario choices and nodes. `safe-adult` and `help-seeking` mark the modelled help path. */
export const CHOICE_TAGS = ['protective', 'risky', 'neutral', 'safe-adult', 'help-seeking'] as const;
export type ChoiceTag = (typeof CHOICE_TAGS)[number];
export const HELP_PATH_TAGS: readonly ChoiceTag[] = ['safe-adult', 'help-seeking'];

export const ENDING_OUTCOMES = ['protective', 'risky', 'mixed'] as const;
export type EndingOutcome = (typeof ENDING_OUTCOMES)[number];

/** What an assessment item measures; learning gains are computed per construct. */
export const CONSTRUCTS = [
  'knowledge',
  'attitudes',
  'help-seeking-intention',
  'self-efficacy',
  'session-safety',
] as const;
export type Construct = (typeof CONSTRUCTS)[number];

/** Built-in Likert scales with their labels per language (lowest first). */
export const LIKERT_SCALES = {
  'agree-5': {
    en: ['Strongly disagree', 'Disagree', 'Not sure', 'Agree', 'Strongly agree'],
    es: ['Muy en desacuerdo', 'En desacuerdo', 'No estoy seguro/a', 'De acuerdo', 'Muy de acuerdo'],
  },
  'agree-3': {
    en: ['No', 'Not sure', 'Yes'],
    es: ['No', 'No estoy seguro/a', 'Sí'],
  },
  'faces-3': {
    en: ['Sad face: no', 'Middle face: not sure', 'Happy face: yes'],
    es: ['Cara triste: no', 'Cara en medio: no sé', 'Cara feliz: sí'],
  },
  'confidence-4': {
    en: ['Not at all sure', 'A little sure', 'Mostly sure', 'Very sure'],
    es: ['Nada seguro/a', 'Un poco seguro/a', 'Bastante seguro/a', 'Muy seguro/a'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;
export type LikertScale = keyof typeof LIKERT_SCALES;
export const LIKERT_SCALE_IDS = Object.keys(LIKERT_SCALES) as [LikertScale, ...LikertScale[]];

export function likertLabels(scale: LikertScale, lang: string): readonly string[] | undefined {
  const labels: Record<string, readonly string[]> = LIKERT_SCALES[scale];
  return labels[lang];
}
