import { FLORIDA_TRAFFICKING_PREVENTION_RULE, TOPICS, type TopicTag } from '@haven/curriculum';
import { STATE_CODES, uncertainties, type MandateRule } from './model';
import {
  CALIFORNIA,
  FLORIDA,
  MANDATE_RULES,
  NEW_JERSEY,
  TEXAS,
  WISCONSIN_PENDING,
  rulesForState,
} from './rules';
import { MandateRuleSchema, validateMandateRule } from './schema';

describe('encoded mandate rules', () => {
  it.each(MANDATE_RULES.map((r) => [r.id, r] as const))('%s validates against the schema', (_id, rule) => {
    expect(validateMandateRule(rule)).toEqual([]);
    expect(rule.sources.length).toBeGreaterThan(0);
    expect(rule.citations.length).toBeGreaterThan(0);
  });

  it('covers every state of DOMAIN-SOURCES.md, with unique ids', () => {
    expect(new Set(MANDATE_RULES.map((r) => r.state))).toEqual(new Set(STATE_CODES));
    expect(new Set(MANDATE_RULES.map((r) => r.id)).size).toBe(MANDATE_RULES.length);
  });

  it('Florida reuses the curriculum topic mapping (one source of truth)', () => {
    expect(FLORIDA.id).toBe(FLORIDA_TRAFFICKING_PREVENTION_RULE.id);
    expect(FLORIDA.instruction!.requirements.map((r) => [r.id, r.topics])).toEqual(
      FLORIDA_TRAFFICKING_PREVENTION_RULE.requirements.map((r) => [r.id, r.topics]),
    );
    expect(FLORIDA.instruction!.requirements.every((r) => r.wording.length > 0)).toBe(true);
    expect(FLORIDA.instruction!.frequency.value).toEqual({ kind: 'each-school-year' });
    expect(FLORIDA.instruction!.grades.value).toEqual({ from: 0, to: 12 });
    expect(FLORIDA.instruction!.consent.value).toBe('none');
    expect(FLORIDA.filings.find((f) => f.id === 'implementation-plan')!.deadline).toEqual({
      kind: 'annual',
      month: 7,
      day: 1,
    });
  });

  it('the four starting states carry the facts of DOMAIN.md', () => {
    expect(CALIFORNIA.instruction!.consent.value).toBe('opt-out');
    expect(CALIFORNIA.instruction!.frequency.value.kind).toBe('once-per-band');
    expect(CALIFORNIA.instruction!.grades.value).toEqual({ from: 7, to: 12 });
    expect(TEXAS.instruction!.consent.value).toBe('opt-in-written');
    expect(TEXAS.staffTraining.find((s) => s.id === 'superintendent')).toMatchObject({
      hours: 2.5,
      frequency: { kind: 'every-n-years', years: 5 },
    });
    expect(TEXAS.filings.map((f) => f.id)).toContain('trained-staff-records');
    expect(NEW_JERSEY.instruction!.consent.certainty).toBe('uncertain');
  });

  it('flags what is uncertain instead of stating it confidently', () => {
    expect(TEXAS.certainty).toBe('uncertain');
    expect(uncertainties(TEXAS).map((u) => u.fact)).toEqual(expect.arrayContaining(['grades', 'frequency']));
    expect(uncertainties(TEXAS).every((u) => u.note.length > 0)).toBe(true);
    expect(WISCONSIN_PENDING.status).toBe('pending');
    expect(rulesForState('GA')).toHaveLength(2);
  });

  it('every mapped topic is a curriculum topic tag', () => {
    for (const r of MANDATE_RULES)
      for (const q of r.instruction?.requirements ?? [])
        for (const t of q.topics) expect(TOPICS[t]).toBeDefined();
  });

  describe('the schema refuses', () => {
    const broken = (edit: (r: MandateRule) => void): string[] => {
      const r = structuredClone(FLORIDA);
      edit(r);
      return validateMandateRule(r);
    };
    it('a rule without sources or certainty', () => {
      expect(broken((r) => (r.sources = []))).not.toEqual([]);
      expect(broken((r) => Reflect.deleteProperty(r, 'certainty'))).not.toEqual([]);
      expect(MandateRuleSchema.safeParse({}).success).toBe(false);
    });
    it('a rule claiming more certainty than its weakest fact', () => {
      expect(broken((r) => (r.certainty = 'verified')).join()).toMatch(/weakest/);
    });
    it('a non-verified fact without a note', () => {
      expect(broken((r) => Reflect.deleteProperty(r.instruction!.consent, 'note')).join()).toMatch(
        /needs a note/,
      );
    });
    it('an unknown topic tag, overlapping bands, a missing required field', () => {
      expect(broken((r) => (r.instruction!.requirements[0]!.topics = ['astrology' as TopicTag]))).not.toEqual(
        [],
      );
      expect(
        broken(
          (r) =>
            (r.instruction!.frequency.value = {
              kind: 'once-per-band',
              bands: [
                { id: 'a', label: 'A', from: 6, to: 8 },
                { id: 'b', label: 'B', from: 8, to: 12 },
              ],
            }),
        ).join(),
      ).toMatch(/overlap/);
      expect(broken((r) => Reflect.deleteProperty(r, 'effective'))).not.toEqual([]);
      expect(broken((r) => Reflect.deleteProperty(r.instruction!, 'minimumMinutes'))).not.toEqual([]);
    });
  });
});
