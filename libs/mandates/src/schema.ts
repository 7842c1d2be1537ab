import { isTopicTag } from '@haven/curriculum';
import { z } from 'zod';
import {
  CERTAINTIES,
  CONSENT_MODELS,
  STAFF_CATEGORIES,
  STATE_CODES,
  ruleEvidence,
  weakestCertainty,
  type MandateRule,
} from './model';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const Grade = z.number().int().min(0).max(12);
const NonEmpty = z.string().trim().min(1);

const evidenceShape = { certainty: z.enum(CERTAINTIES), note: NonEmpty.optional() };

/** A note is required for anything short of `verified`: say what is uncertain and why. */
function noteUnlessVerified(e: { certainty: string; note?: string | undefined }, ctx: z.RefinementCtx): void {
  if (e.certainty !== 'verified' && !e.note)
    ctx.addIssue({ code: 'custom', message: `a ${e.certainty} fact needs a note`, path: ['note'] });
}

const GradeSpanSchema = z
  .strictObject({ from: Grade, to: Grade })
  .refine((g) => g.from <= g.to, { message: 'from must not exceed to' });

const FrequencySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('each-school-year') }),
  z.strictObject({
    kind: z.literal('once-per-band'),
    bands: z
      .array(z.strictObject({ id: NonEmpty, label: NonEmpty, from: Grade, to: Grade }))
      .min(1)
      .refine((bs) => bs.every((b) => b.from <= b.to), 'each band needs from <= to')
      .refine(
        (bs) => bs.every((b, i) => bs.every((o, j) => i === j || b.to < o.from || o.to < b.from)),
        'bands must not overlap',
      ),
  }),
  z.strictObject({ kind: z.literal('every-n-years'), years: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('on-hire'), withinDays: z.number().int().min(0).nullable() }),
  z.strictObject({ kind: z.literal('unspecified') }),
]);

const fact = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, ...evidenceShape }).superRefine(noteUnlessVerified);

const TopicRequirementSchema = z
  .strictObject({
    id: NonEmpty,
    text: NonEmpty,
    wording: NonEmpty,
    topics: z
      .array(z.string().refine(isTopicTag, 'must be a topic tag of @haven/curriculum'))
      .min(1, 'map every requirement to at least one topic tag'),
    ...evidenceShape,
  })
  .superRefine(noteUnlessVerified);

const InstructionSchema = z.strictObject({
  mandatory: z.boolean(),
  grades: fact(GradeSpanSchema.nullable()),
  frequency: fact(FrequencySchema),
  requirements: z.array(TopicRequirementSchema).min(1),
  minimumMinutes: fact(z.number().int().positive().nullable()),
  consent: z
    .strictObject({ value: z.enum(CONSENT_MODELS), alternativeActivity: z.boolean(), ...evidenceShape })
    .superRefine(noteUnlessVerified),
});

const StaffTrainingSchema = z
  .strictObject({
    id: NonEmpty,
    obligation: z.enum(['required', 'offered']),
    appliesTo: z.array(z.enum(STAFF_CATEGORIES)).min(1),
    who: NonEmpty,
    trainings: z.array(NonEmpty).min(1),
    content: NonEmpty,
    hours: z.number().positive().nullable(),
    frequency: FrequencySchema,
    citation: NonEmpty,
    ...evidenceShape,
  })
  .superRefine(noteUnlessVerified);

const DeadlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('annual'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  z.strictObject({ kind: z.literal('by-date'), date: IsoDate }),
  z.strictObject({ kind: z.literal('after-event'), hours: z.number().positive(), event: NonEmpty }),
  z.strictObject({ kind: z.literal('ongoing') }),
]);

const FilingSchema = z
  .strictObject({
    id: NonEmpty,
    title: NonEmpty,
    description: NonEmpty,
    recipient: NonEmpty,
    deadline: DeadlineSchema,
    citation: NonEmpty,
    ...evidenceShape,
  })
  .superRefine(noteUnlessVerified);

const SourceSchema = z.strictObject({
  title: NonEmpty,
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(['statute', 'rule', 'bill', 'agency', 'district', 'secondary']),
  marker: z.enum(['V', 'S', '?']),
});

const uniqueIds = (items: readonly { id: string }[]): boolean =>
  new Set(items.map((i) => i.id)).size === items.length;

/** The schema every encoded rule must satisfy (tests run it over `MANDATE_RULES`). */
export const MandateRuleSchema = z
  .strictObject({
    id: z.string().regex(/^us-[a-z]{2}-[a-z0-9.-]+$/, 'must look like "us-fl-6a-1.094124"'),
    version: z.number().int().min(1),
    state: z.enum(STATE_CODES),
    title: NonEmpty,
    status: z.enum(['in-force', 'pending']),
    source: NonEmpty,
    citations: z.array(NonEmpty).min(1),
    sources: z.array(SourceSchema).min(1),
    effective: fact(
      z.strictObject({ from: IsoDate, to: IsoDate.nullable() }).refine((e) => !e.to || e.from <= e.to, {
        message: 'effective.to precedes effective.from',
      }),
    ),
    instruction: InstructionSchema.nullable(),
    staffTraining: z.array(StaffTrainingSchema).refine(uniqueIds, 'staff training ids must be unique'),
    filings: z.array(FilingSchema).refine(uniqueIds, 'filing ids must be unique'),
    certainty: z.enum(CERTAINTIES),
    note: NonEmpty,
    reviewedOn: IsoDate,
    local: z.strictObject({ districtId: NonEmpty, localRuleId: NonEmpty, basedOn: NonEmpty }).optional(),
  })
  .superRefine((rule, ctx) => {
    if (!rule.id.startsWith(`us-${rule.state.toLowerCase()}-`))
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `id must start with us-${rule.state.toLowerCase()}-`,
      });
    if (rule.instruction === null && rule.staffTraining.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['instruction'],
        message: 'a rule must require instruction or training',
      });
    if (rule.instruction && !uniqueIds(rule.instruction.requirements))
      ctx.addIssue({
        code: 'custom',
        path: ['instruction', 'requirements'],
        message: 'requirement ids must be unique',
      });
    const weakest = weakestCertainty(ruleEvidence(rule as MandateRule).map((e) => e.evidence.certainty));
    if (rule.certainty !== weakest)
      ctx.addIssue({
        code: 'custom',
        path: ['certainty'],
        message: `rule certainty must be the weakest of its facts (${weakest}), not ${rule.certainty}`,
      });
    if (rule.status === 'pending' && rule.certainty !== 'uncertain')
      ctx.addIssue({ code: 'custom', path: ['certainty'], message: 'a pending rule is uncertain' });
  });

/** Validates one rule; returns the issues as `path: message` lines (empty when valid). */
export function validateMandateRule(rule: unknown): string[] {
  const r = MandateRuleSchema.safeParse(rule);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`);
}
