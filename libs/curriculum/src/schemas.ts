import { z } from 'zod';
import semver from 'semver';
import { GRADE_BANDS } from '@haven/domain';
import {
  CHOICE_TAGS,
  CONSTRUCTS,
  ENDING_OUTCOMES,
  LIKERT_SCALE_IDS,
  REVIEW_KINDS,
  REVIEW_STATUSES,
} from './vocabulary';

/** The schema version every file is upgraded to before validation. */
export const CURRENT_SCHEMA_VERSION = 2;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
export const CONDITION_VARIABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be lower-case kebab-case letters and digits, e.g. "safe-adults"');
export const LangSchema = z
  .string()
  .regex(LANG_PATTERN, 'must be a language code such as "en", "es" or "pt-BR"');

/**
 * Learner-facing text: either a map language → text, or a plain string that counts as the module's
 * source language (the first of `languages`).
 */
export const LocalizedSchema = z.union([
  z.string().trim().min(1, 'must not be empty'),
  z.record(LangSchema, z.string().trim().min(1, 'must not be empty')),
]);
export type Localized = z.infer<typeof LocalizedSchema>;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

// ---------- module.yaml ----------

export const SequenceEntrySchema = z
  .strictObject({
    lesson: SlugSchema.optional(),
    scenario: SlugSchema.optional(),
    assessment: SlugSchema.optional(),
  })
  .refine((e) => [e.lesson, e.scenario, e.assessment].filter((v) => v !== undefined).length === 1, {
    message: 'each entry names exactly one of `lesson`, `scenario` or `assessment`',
  });
export type SequenceEntry = z.infer<typeof SequenceEntrySchema>;
export type SequenceKind = 'lesson' | 'scenario' | 'assessment';

export const ModuleManifestSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: SlugSchema,
  version: z.string().refine((v) => semver.valid(v) !== null, 'must be a semantic version such as "1.0.0"'),
  title: LocalizedSchema,
  summary: LocalizedSchema,
  gradeBand: z.enum(GRADE_BANDS),
  grades: z.array(z.number().int().min(0).max(12)).min(1),
  languages: z.array(LangSchema).min(1),
  estimatedMinutes: z.number().int().positive(),
  objectives: z.array(z.strictObject({ id: SlugSchema, text: LocalizedSchema })).min(1),
  topics: z.array(z.string()).min(1),
  contentWarnings: z.array(z.strictObject({ topic: z.string(), text: LocalizedSchema })).default([]),
  /**
   * Learner-facing: what a student does instead when they step away from a sensitive part or are opted
   * out of the module (no explanation asked). Expected whenever the module has content warnings.
   */
  alternativeActivity: LocalizedSchema.optional(),
  /**
   * Plain-language letter text for parents and guardians: what is taught, how long it takes, how to
   * view the materials and how to opt out or give consent. Districts add their own dates and contacts.
   */
  parentNotice: LocalizedSchema.optional(),
  facilitator: z
    .strictObject({
      trainings: z.array(SlugSchema).default([]),
      survivorCoFacilitationRecommended: z.boolean().default(false),
      notes: z.string().optional(),
    })
    .default({ trainings: [], survivorCoFacilitationRecommended: false }),
  prerequisites: z.array(z.strictObject({ module: SlugSchema, version: z.string() })).default([]),
  authors: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        role: z.string().optional(),
        organisation: z.string().optional(),
      }),
    )
    .min(1),
  review: z.strictObject({
    status: z.enum(REVIEW_STATUSES),
    reviews: z
      .array(
        z.strictObject({
          reviewer: z.string().min(1),
          kind: z.enum(REVIEW_KINDS),
          date: IsoDateSchema,
          notes: z.string().optional(),
        }),
      )
      .default([]),
  }),
  licence: z.string(),
  sequence: z.array(SequenceEntrySchema).min(1),
});
export type ModuleManifest = z.infer<typeof ModuleManifestSchema>;

// ---------- lesson front matter ----------

export const LessonFrontMatterSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: SlugSchema,
  lang: LangSchema,
  title: z.string().trim().min(1),
  minutes: z.number().int().positive(),
});
export type LessonFrontMatter = z.infer<typeof LessonFrontMatterSchema>;

// ---------- scenario ----------

const ScalarValueSchema = z.union([z.boolean(), z.number(), z.string()]);

export const ScenarioChoiceSchema = z.strictObject({
  id: SlugSchema,
  /** Condition on the scenario's variables; the choice is only offered when it holds. */
  if: z.string().optional(),
  text: LocalizedSchema,
  next: SlugSchema,
  feedback: LocalizedSchema,
  tags: z.array(z.enum(CHOICE_TAGS)).default([]),
  set: z.record(z.string(), ScalarValueSchema).optional(),
  add: z.record(z.string(), z.number()).optional(),
});
export type ScenarioChoice = z.infer<typeof ScenarioChoiceSchema>;

export const ScenarioNodeSchema = z
  .strictObject({
    id: SlugSchema,
    speaker: z.string().default('narrator'),
    text: LocalizedSchema,
    tags: z.array(z.enum(CHOICE_TAGS)).default([]),
    choices: z.array(ScenarioChoiceSchema).default([]),
    ending: z.strictObject({ outcome: z.enum(ENDING_OUTCOMES), debrief: LocalizedSchema }).optional(),
  })
  .refine((n) => !(n.ending && n.choices.length > 0), {
    message: 'an ending node has no choices',
    path: ['choices'],
  });
export type ScenarioNode = z.infer<typeof ScenarioNodeSchema>;

export const ScenarioSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: SlugSchema,
  title: LocalizedSchema,
  summary: LocalizedSchema.optional(),
  start: SlugSchema,
  characters: z.array(z.strictObject({ id: SlugSchema, name: LocalizedSchema })).default([]),
  variables: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({
          id: z.string().regex(CONDITION_VARIABLE_PATTERN),
          type: z.literal('boolean'),
          initial: z.boolean(),
        }),
        z.strictObject({
          id: z.string().regex(CONDITION_VARIABLE_PATTERN),
          type: z.literal('number'),
          initial: z.number(),
        }),
      ]),
    )
    .default([]),
  nodes: z.array(ScenarioNodeSchema).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioVariable = Scenario['variables'][number];

// ---------- assessment ----------

// Field order (here and in each item type) is the order the canonical writer writes them in: `id`,
// then `type`, then the shared fields, then the type's own fields.
const ItemBase = {
  construct: z.enum(CONSTRUCTS),
  prompt: LocalizedSchema,
  /** Touches sexual behaviour or mental health: PPRA notice or consent applies. */
  sensitive: z.boolean().default(false),
};

export const AssessmentItemSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: SlugSchema,
    type: z.literal('multiple-choice'),
    ...ItemBase,
    options: z.array(z.strictObject({ id: SlugSchema, text: LocalizedSchema })).min(2),
    answer: SlugSchema.optional(),
  }),
  z.strictObject({
    id: SlugSchema,
    type: z.literal('true-false'),
    ...ItemBase,
    answer: z.boolean().optional(),
  }),
  z.strictObject({
    id: SlugSchema,
    type: z.literal('likert'),
    ...ItemBase,
    scale: z.enum(LIKERT_SCALE_IDS),
    /** Higher agreement means a worse outcome (e.g. a victim-blaming myth); scores are flipped for gains. */
    reverse: z.boolean().default(false),
  }),
]);
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>;

export const AssessmentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: SlugSchema,
  kind: z.enum(['pre', 'post', 'check']),
  title: LocalizedSchema,
  instructions: LocalizedSchema.optional(),
  include: SlugSchema.optional(),
  items: z.array(AssessmentItemSchema).default([]),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
