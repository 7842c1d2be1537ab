import type { TopicTag } from '@haven/curriculum';

/**
 * How well a fact is backed:
 * - `verified`: the source quotes the statute or rule text (DOMAIN-SOURCES marker [V]);
 * - `secondary-source`: a district, vendor, news or bill-tracker summary ([S]);
 * - `uncertain`: pending, unclear or not confirmed ([?]). Never present such a fact as settled.
 */
export const CERTAINTIES = ['verified', 'secondary-source', 'uncertain'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** Weakest first: the certainty of a whole is that of its weakest part. */
const CERTAINTY_RANK: Record<Certainty, number> = { uncertain: 0, 'secondary-source': 1, verified: 2 };

export function weakestCertainty(values: Iterable<Certainty>): Certainty {
  let out: Certainty = 'verified';
  for (const c of values) if (CERTAINTY_RANK[c] < CERTAINTY_RANK[out]) out = c;
  return out;
}

/** Evidence attached to one fact. A note is required unless the fact is `verified`. */
export interface Evidence {
  certainty: Certainty;
  note?: string;
}

/** A fact with its evidence. */
export type Fact<T> = { value: T } & Evidence;

export const STATE_CODES = [
  'FL',
  'CA',
  'TX',
  'NJ',
  'GA',
  'OH',
  'IL',
  'NC',
  'VA',
  'MD',
  'UT',
  'CT',
  'LA',
  'TN',
  'WI',
  'WY',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

export type SourceKind = 'statute' | 'rule' | 'bill' | 'agency' | 'district' | 'secondary';

/** A source document. `marker` is the evidence marker it carries in DOMAIN-SOURCES.md. */
export interface SourceRef {
  title: string;
  url: string;
  kind: SourceKind;
  marker: 'V' | 'S' | '?';
}

/** Grades as Haven stores them: 0 is kindergarten, 12 is grade 12; both ends inclusive. */
export interface GradeSpan {
  from: number;
  to: number;
}

export interface FrequencyBand extends GradeSpan {
  id: string;
  label: string;
}

export type Frequency =
  | { kind: 'each-school-year' }
  | { kind: 'once-per-band'; bands: readonly FrequencyBand[] }
  | { kind: 'every-n-years'; years: number }
  /** Within `withinDays` of the hire date (null: at hire / orientation, no fixed number of days). */
  | { kind: 'on-hire'; withinDays: number | null }
  | { kind: 'unspecified' };
export type FrequencyKind = Frequency['kind'];

export const CONSENT_MODELS = ['none', 'opt-out', 'opt-in-written'] as const;
export type ConsentModel = (typeof CONSENT_MODELS)[number];

/**
 * One required content item. `text` is Haven's short label, `wording` the source's own words (kept
 * so a reviewer can check the mapping), `topics` the curriculum topic tags that together teach it.
 * Structurally a `MandateTopicRequirement` of `@haven/curriculum`, so its coverage helpers apply.
 */
export interface TopicRequirement extends Evidence {
  id: string;
  text: string;
  wording: string;
  topics: readonly TopicTag[];
}

export interface StudentInstruction {
  /** false: the law allows or encourages it but does not require it (e.g. Wyoming, Virginia FLE). */
  mandatory: boolean;
  /** null: the grades are not stated in the sources. */
  grades: Fact<GradeSpan | null>;
  frequency: Fact<Frequency>;
  requirements: readonly TopicRequirement[];
  /** Minimum minutes per period of the frequency; null: none set in law. */
  minimumMinutes: Fact<number | null>;
  consent: Fact<ConsentModel> & {
    /** Excused (or non-consented) students get an alternative activity. */
    alternativeActivity: boolean;
  };
}

/** Kinds of staff a training requirement applies to. `all-employees` matches everyone. */
export const STAFF_CATEGORIES = [
  'all-employees',
  'student-contact',
  'instructor',
  'counselor',
  'nurse',
  'administrator',
  'superintendent',
  'board-member',
] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

export interface StaffTrainingRequirement extends Evidence {
  id: string;
  /** `required`: each person in scope must hold it; `offered`: the district must make it available. */
  obligation: 'required' | 'offered';
  appliesTo: readonly StaffCategory[];
  /** Who, in the source's words. */
  who: string;
  /** Training ids that satisfy it (any one of them), e.g. `trafficking-awareness-staff`. */
  trainings: readonly string[];
  content: string;
  /** Hours per completion; null: not set. */
  hours: number | null;
  frequency: Frequency;
  citation: string;
}

export type Deadline =
  /** Every year on this calendar day (month 1-12). */
  | { kind: 'annual'; month: number; day: number }
  | { kind: 'by-date'; date: string }
  /** Within `hours` of an event (e.g. a suspicion of abuse). */
  | { kind: 'after-event'; hours: number; event: string }
  /** Kept up to date continuously (records, posters). */
  | { kind: 'ongoing' };

export interface Filing extends Evidence {
  id: string;
  title: string;
  description: string;
  recipient: string;
  deadline: Deadline;
  citation: string;
}

export type RuleStatus = 'in-force' | 'pending';

/** A state's mandate as versioned data. `source` is a one-line citation (as `@haven/curriculum` uses). */
export interface MandateRule {
  id: string;
  /** Bumped whenever the encoded facts change. */
  version: number;
  state: StateCode;
  title: string;
  status: RuleStatus;
  source: string;
  citations: readonly string[];
  sources: readonly SourceRef[];
  /** ISO dates; `to` null while in force. */
  effective: Fact<{ from: string; to: string | null }>;
  /** null: the rule trains staff only. */
  instruction: StudentInstruction | null;
  staffTraining: readonly StaffTrainingRequirement[];
  filings: readonly Filing[];
  /** The weakest certainty of the rule's facts (checked by the schema). */
  certainty: Certainty;
  note: string;
  /** When the encoded facts were last checked against the sources. */
  reviewedOn: string;
  /** Set on a rule produced by a district's local rule (see `applyLocalRule`). */
  local?: { districtId: string; localRuleId: string; basedOn: string };
}

/** Every certainty-bearing fact of a rule, for `weakestCertainty` and for explanations. */
export function ruleEvidence(rule: MandateRule): { fact: string; evidence: Evidence }[] {
  const out: { fact: string; evidence: Evidence }[] = [{ fact: 'effective', evidence: rule.effective }];
  const i = rule.instruction;
  if (i) {
    out.push(
      { fact: 'grades', evidence: i.grades },
      { fact: 'frequency', evidence: i.frequency },
      { fact: 'minimumMinutes', evidence: i.minimumMinutes },
      { fact: 'consent', evidence: i.consent },
    );
    for (const r of i.requirements) out.push({ fact: `requirement:${r.id}`, evidence: r });
  }
  for (const s of rule.staffTraining) out.push({ fact: `staffTraining:${s.id}`, evidence: s });
  for (const f of rule.filings) out.push({ fact: `filing:${f.id}`, evidence: f });
  return out;
}

/** The facts of a rule that are not `verified`, with their notes: what a UI must flag. */
export function uncertainties(rule: MandateRule): { fact: string; certainty: Certainty; note: string }[] {
  return ruleEvidence(rule)
    .filter((e) => e.evidence.certainty !== 'verified')
    .map((e) => ({ fact: e.fact, certainty: e.evidence.certainty, note: e.evidence.note ?? '' }));
}
