import type { Frequency, GradeSpan, MandateRule, TopicRequirement } from './model';

/**
 * A district's own, stricter requirement on top of a state rule: more grades, a more frequent
 * schedule, minimum minutes, more topics. It may never weaken the state rule, nor change the
 * consent model (that is the state's law: California forbids opt-in, Texas requires it).
 */
export interface LocalRule {
  id: string;
  districtId: string;
  title: string;
  /** Id of the state rule it makes stricter. */
  extends: string;
  adoptedOn: string;
  grades?: GradeSpan;
  frequency?: Frequency;
  minimumMinutes?: number;
  additionalRequirements?: readonly Pick<TopicRequirement, 'id' | 'text' | 'topics'>[];
  note?: string;
}

export class LocalRuleError extends Error {
  constructor(
    readonly localRuleId: string,
    readonly problems: readonly string[],
  ) {
    super(`Local rule ${localRuleId} cannot be applied: ${problems.join('; ')}`);
    this.name = 'LocalRuleError';
  }
}

/** True when `a` asks for instruction at least as often as `b` (each school year is the strictest). */
export function isAtLeastAsFrequent(a: Frequency, b: Frequency): boolean {
  if (a.kind === 'each-school-year' || b.kind === 'unspecified') return true;
  if (a.kind === 'every-n-years' && b.kind === 'every-n-years') return a.years <= b.years;
  if (a.kind === 'once-per-band' && b.kind === 'once-per-band')
    return b.bands.every((bb) => a.bands.some((ab) => ab.from >= bb.from && ab.to <= bb.to));
  if (a.kind === 'on-hire' && b.kind === 'on-hire')
    return b.withinDays === null || (a.withinDays !== null && a.withinDays <= b.withinDays);
  return false;
}

/** Problems that stop a local rule from applying to a state rule (empty: it is at least as strict). */
export function localRuleProblems(base: MandateRule, local: LocalRule): string[] {
  const problems: string[] = [];
  if (local.extends !== base.id) problems.push(`it extends ${local.extends}, not ${base.id}`);
  const i = base.instruction;
  if (!i) return [...problems, `${base.id} has no student instruction to make stricter`];
  const g = i.grades.value;
  if (local.grades && g && (local.grades.from > g.from || local.grades.to < g.to))
    problems.push(
      `grades ${local.grades.from}-${local.grades.to} do not cover the state's ${g.from}-${g.to}`,
    );
  if (local.frequency && !isAtLeastAsFrequent(local.frequency, i.frequency.value))
    problems.push(
      `frequency ${local.frequency.kind} is less frequent than the state's ${i.frequency.value.kind}`,
    );
  const min = i.minimumMinutes.value;
  if (local.minimumMinutes !== undefined && min !== null && local.minimumMinutes < min)
    problems.push(`${local.minimumMinutes} minutes is less than the state's ${min}`);
  const ids = new Set(i.requirements.map((r) => r.id));
  for (const r of local.additionalRequirements ?? [])
    if (ids.has(r.id)) problems.push(`requirement ${r.id} already exists in the state rule`);
  return problems;
}

/**
 * The effective rule for a district: the state rule with the local rule's stricter parts. Local
 * parts are the district's own adopted rule, so they carry `verified` certainty; the state parts keep
 * theirs. Throws `LocalRuleError` when the local rule would weaken the state rule.
 */
export function applyLocalRule(base: MandateRule, local: LocalRule): MandateRule {
  const problems = localRuleProblems(base, local);
  if (problems.length > 0) throw new LocalRuleError(local.id, problems);
  const i = base.instruction!;
  const localNote = `District rule ${local.id} (adopted ${local.adoptedOn})`;
  return {
    ...base,
    id: `${base.id}+${local.id}`,
    title: `${base.title} + ${local.title}`,
    local: { districtId: local.districtId, localRuleId: local.id, basedOn: base.id },
    instruction: {
      ...i,
      mandatory: true,
      grades: local.grades ? { value: local.grades, certainty: 'verified', note: localNote } : i.grades,
      frequency: local.frequency
        ? { value: local.frequency, certainty: 'verified', note: localNote }
        : i.frequency,
      minimumMinutes:
        local.minimumMinutes !== undefined
          ? { value: local.minimumMinutes, certainty: 'verified', note: localNote }
          : i.minimumMinutes,
      requirements: [
        ...i.requirements,
        ...(local.additionalRequirements ?? []).map((r): TopicRequirement => ({
          ...r,
          wording: r.text,
          certainty: 'verified',
          note: localNote,
        })),
      ],
    },
    note: `${base.note} ${localNote}${local.note ? `: ${local.note}` : ''}.`,
  };
}

/**
 * A district's effective rules: its state's rules, each replaced by the local rule that extends it
 * (at most one local rule per state rule). Local rules extending no rule of the list are refused.
 */
export function effectiveRules(
  stateRules: readonly MandateRule[],
  localRules: readonly LocalRule[],
): MandateRule[] {
  for (const l of localRules)
    if (!stateRules.some((r) => r.id === l.extends))
      throw new LocalRuleError(l.id, [
        `it extends ${l.extends}, which is not among the district's state rules`,
      ]);
  return stateRules.map((r) => {
    const locals = localRules.filter((l) => l.extends === r.id);
    if (locals.length > 1)
      throw new LocalRuleError(locals[1]!.id, [`${r.id} already has local rule ${locals[0]!.id}`]);
    return locals[0] ? applyLocalRule(r, locals[0]) : r;
  });
}
