import { requiredTopicsForBand, type TopicTag } from '@haven/curriculum';
import {
  evaluateRule,
  evaluateRules,
  explainStudent,
  type ComplianceInput,
  type DeliveryRecord,
  type ExcusalRecord,
  type GradeCompliance,
  type StudentRecord,
} from './evaluate';
import { applyLocalRule, effectiveRules, LocalRuleError, type LocalRule } from './local-rules';
import type { Frequency, MandateRule } from './model';
import { CALIFORNIA, FLORIDA, TEXAS, UTAH, WISCONSIN_PENDING, WYOMING } from './rules';
import { schoolYearOfDate } from './school-year';

const YEAR = '2026-2027';
const topicsFor = (rule: MandateRule, grade: number): TopicTag[] =>
  requiredTopicsForBand(
    { id: rule.id, source: rule.source, requirements: rule.instruction!.requirements },
    grade <= 2 ? 'K-2' : grade <= 5 ? '3-5' : grade <= 8 ? '6-8' : '9-12',
  );

let seq = 0;
const delivery = (
  studentId: string,
  date: string,
  topics: readonly string[],
  extra: Partial<DeliveryRecord> = {},
): DeliveryRecord => ({
  id: `d${++seq}`,
  studentId,
  date,
  moduleId: 'm',
  moduleVersion: '1.0.0',
  topics,
  minutes: 45,
  facilitatorId: 't1',
  via: 'in-class',
  ...extra,
});
const student = (
  id: string,
  grade: number,
  consent: StudentRecord['consent'] = 'no-response',
  schoolId = 's1',
): StudentRecord => ({
  id,
  schoolId,
  grade,
  consent,
});
const input = (
  students: StudentRecord[],
  deliveries: DeliveryRecord[],
  extra: Partial<ComplianceInput> = {},
): ComplianceInput => ({
  schoolYear: YEAR,
  schools: [{ id: 's1', grades: [...new Set(students.map((s) => s.grade))] }],
  students,
  deliveries,
  ...extra,
});
const gradeOf = (rule: MandateRule, i: ComplianceInput, grade: number, school = 's1'): GradeCompliance =>
  evaluateRule(rule, i)
    .schools.find((s) => s.schoolId === school)!
    .grades.find((g) => g.grade === grade)!;
const outcomes = (g: GradeCompliance): Record<string, string> =>
  Object.fromEntries(g.students.map((s) => [s.studentId, s.outcome]));

describe('evaluateRule: Florida (each school year, no opt-out)', () => {
  const all6 = topicsFor(FLORIDA, 6);

  it.each([
    [
      'met: everyone received every topic',
      [all6, all6, all6],
      'met',
      { delivered: 3, partial: 0, notReached: 0 },
    ],
    [
      'partially met: one full, one half, one nothing',
      [all6, all6.slice(0, 3), null],
      'partially-met',
      { delivered: 1, partial: 1, notReached: 1 },
    ],
    ['not met: nobody reached', [null, null, null], 'not-met', { delivered: 0, partial: 0, notReached: 3 }],
  ] as const)('%s', (_name, received, status, counts) => {
    const students = ['a', 'b', 'c'].map((id) => student(id, 6));
    const deliveries = received.flatMap((t, i) => (t ? [delivery(students[i]!.id, '2026-10-01', t)] : []));
    const g = gradeOf(FLORIDA, input(students, deliveries), 6);
    expect(g.status).toBe(status);
    expect(g.counts).toMatchObject({ enrolled: 3, ...counts });
  });

  it('explains a partial grade: missing topics by tag, who was not reached', () => {
    const g = gradeOf(
      FLORIDA,
      input(
        [student('a', 6), student('b', 6)],
        [delivery('a', '2026-10-01', ['resources', 'signs-of-trafficking'])],
      ),
      6,
    );
    const missing = g.reasons.find((r) => r.code === 'missing-topics');
    expect(missing && 'topics' in missing && missing.topics).toContainEqual({
      topic: 'substance-use-prevention',
      students: 2,
    });
    expect(missing && 'topics' in missing && missing.topics).toContainEqual(
      expect.objectContaining({ topic: 'grooming' }),
    );
    expect(g.reasons.find((r) => r.code === 'students-not-reached')).toMatchObject({ studentIds: ['b'] });
    expect(g.reasons.find((r) => r.code === 'partially-delivered')).toMatchObject({ studentIds: ['a'] });
    expect(g.students.find((s) => s.studentId === 'a')!.coveredTopics).toEqual([
      'signs-of-trafficking',
      'resources',
    ]);
  });

  it('a class taught in two halves, and a student who moved schools mid-year, are covered', () => {
    const half = Math.ceil(all6.length / 2);
    const students = [student('a', 6), student('moved', 6, 'no-response', 's2')];
    const i = input(
      students,
      [
        delivery('a', '2026-09-10', all6.slice(0, half)),
        delivery('a', '2027-02-10', all6.slice(half)),
        // taught at the old school before the move; the student is now enrolled at s2
        delivery('moved', '2026-09-12', all6, { facilitatorId: 'old-school-teacher' }),
      ],
      {
        schools: [
          { id: 's1', grades: [6] },
          { id: 's2', grades: [6] },
        ],
      },
    );
    expect(gradeOf(FLORIDA, i, 6).students[0]).toMatchObject({
      outcome: 'delivered',
      deliveryIds: expect.any(Array),
    });
    expect(gradeOf(FLORIDA, i, 6).students[0]!.deliveryIds).toHaveLength(2);
    expect(outcomes(gradeOf(FLORIDA, i, 6, 's2'))).toEqual({ moved: 'delivered' });
  });

  it('an opt-out on file does not excuse a Florida student; it is flagged', () => {
    const g = gradeOf(FLORIDA, input([student('a', 6, 'opted-out')], []), 6);
    expect(outcomes(g)).toEqual({ a: 'not-reached' });
    expect(g.reasons.map((r) => r.code)).toContain('opt-out-not-recognised');
  });

  it.each([
    ['2026-06-30', 'not-reached'],
    ['2026-07-01', 'delivered'],
    ['2027-06-30', 'delivered'],
    ['2027-07-01', 'not-reached'],
  ])('school-year boundary: delivered on %s → %s for 2026-2027', (date, outcome) => {
    expect(outcomes(gradeOf(FLORIDA, input([student('a', 6)], [delivery('a', date, all6)]), 6))).toEqual({
      a: outcome,
    });
  });

  it('schoolYearOfDate splits on 30 June / 1 July', () => {
    expect(schoolYearOfDate('2027-06-30')).toBe('2026-2027');
    expect(schoolYearOfDate('2027-07-01')).toBe('2027-2028');
    expect(schoolYearOfDate('2026-07-01T08:00:00')).toBe('2026-2027');
  });

  it('K-2 only requires the topics that suit the band', () => {
    const k = topicsFor(FLORIDA, 0);
    expect(k).not.toContain('signs-of-trafficking');
    expect(outcomes(gradeOf(FLORIDA, input([student('k', 0)], [delivery('k', '2026-09-01', k)]), 0))).toEqual(
      { k: 'delivered' },
    );
  });
});

describe('evaluateRule: not applicable', () => {
  it.each([
    ['grade outside the rule (CA starts at 7)', CALIFORNIA, YEAR, 5, 'grade-not-covered'],
    ['rule not yet in effect', CALIFORNIA, '2016-2017', 9, 'not-in-effect'],
    ['pending bill', WISCONSIN_PENDING, YEAR, 7, 'rule-pending'],
    ['staff-only rule', UTAH, YEAR, 7, 'no-student-instruction'],
    ['optional instruction', WYOMING, YEAR, 3, 'instruction-optional'],
  ] as const)('%s', (_name, rule, schoolYear, grade, code) => {
    const g = gradeOf(rule, input([student('a', grade)], [], { schoolYear }), grade);
    expect(g.status).toBe('not-applicable');
    expect(g.reasons[0]!.code).toBe(code);
    expect(g.students).toEqual([]);
  });

  it('a grade the school offers with no students enrolled', () => {
    const i = input([student('a', 9)], [], { schools: [{ id: 's1', grades: [9, 10] }] });
    const g = gradeOf(CALIFORNIA, i, 10);
    expect([g.status, g.reasons[0]!.code]).toEqual(['not-applicable', 'no-students']);
  });
});

describe('evaluateRule: California (once per band, passive opt-out)', () => {
  const ms = topicsFor(CALIFORNIA, 7);
  const students = [
    student('g7-none', 7),
    student('g8-got-it-in-7', 8),
    student('g8-none', 8),
    student('g8-opted-out', 8, 'opted-out'),
    student('g9-got-it-in-8', 9),
    student('g12-none', 12),
    student('g12-in-10', 12),
  ];
  const deliveries = [
    delivery('g8-got-it-in-7', '2025-11-03', ms), // school year 2025-2026, grade 7
    delivery('g9-got-it-in-8', '2025-11-03', ms), // grade 8: middle school, does not count for high school
    delivery('g12-in-10', '2024-10-01', ms), // grade 10
  ];
  const r = evaluateRule(CALIFORNIA, input(students, deliveries));
  const byStudent = Object.fromEntries(
    r.schools[0]!.grades.flatMap((g) => g.students).map((s) => [s.studentId, s.outcome]),
  );

  it('a student who received it in grade 7 satisfies middle school', () => {
    expect(byStudent['g8-got-it-in-7']).toBe('delivered');
  });
  it('not yet received but later grades remain in the band: pending, not a gap', () => {
    expect(byStudent['g7-none']).toBe('pending');
    expect(byStudent['g9-got-it-in-8']).toBe('pending');
    const g7 = r.schools[0]!.grades.find((g) => g.grade === 7)!;
    expect(g7.status).toBe('met');
    expect(g7.reasons.map((x) => x.code)).toContain('due-later');
  });
  it('last grade of the band without it: not reached', () => {
    expect(byStudent['g8-none']).toBe('not-reached');
    expect(byStudent['g12-none']).toBe('not-reached');
    expect(byStudent['g12-in-10']).toBe('delivered');
  });
  it('an opted-out student is excused, not a gap', () => {
    expect(byStudent['g8-opted-out']).toBe('excused-opt-out');
    const g8 = r.schools[0]!.grades.find((g) => g.grade === 8)!;
    expect(g8.counts).toMatchObject({ enrolled: 3, delivered: 1, notReached: 1, excusedOptOut: 1 });
    expect(g8.status).toBe('partially-met');
  });
  it('an excusal record (alternative activity) in the year also excuses', () => {
    const i = input([student('x', 8)], [], {
      excusals: [{ studentId: 'x', date: '2026-09-15', kind: 'alternative-activity' }],
    });
    expect(outcomes(gradeOf(CALIFORNIA, i, 8))).toEqual({ x: 'excused-opt-out' });
  });
});

describe('evaluateRule: Texas (opt-in written consent), with a local every-year rule', () => {
  const local: LocalRule = {
    id: 'isd-annual',
    districtId: 'd1',
    title: 'Every grade every year',
    extends: TEXAS.id,
    adoptedOn: '2026-05-01',
    frequency: { kind: 'each-school-year' },
  };
  const tx = applyLocalRule(TEXAS, local);
  const all9 = topicsFor(tx, 9);
  const i = input(
    [
      student('w', 9, 'written-consent'),
      student('n', 9, 'no-response'),
      student('x', 9, 'no-response'),
      student('o', 9, 'opted-out'),
    ],
    [delivery('w', '2026-10-01', all9), delivery('n', '2026-10-01', all9)],
  );
  const g = gradeOf(tx, i, 9);

  it('a student without written consent is excused-no-consent, never delivered', () => {
    expect(outcomes(g)).toEqual({
      n: 'excused-no-consent',
      o: 'excused-no-consent',
      w: 'delivered',
      x: 'excused-no-consent',
    });
    expect(g.counts).toMatchObject({ delivered: 1, excusedNoConsent: 3, notReached: 0, partial: 0 });
    expect(g.status).toBe('met');
    expect(g.reasons.find((r) => r.code === 'consent-missing')).toMatchObject({
      studentIds: ['n', 'o', 'x'],
    });
  });
  it('instruction recorded without consent is flagged', () => {
    expect(g.reasons.find((r) => r.code === 'delivered-without-consent')).toMatchObject({
      studentIds: ['n'],
    });
    expect(g.students.find((s) => s.studentId === 'n')).toMatchObject({ deliveryIds: [], coveredTopics: [] });
  });
  it('results carry the rule certainty and its uncertain facts', () => {
    const r = evaluateRule(tx, i);
    expect(r.certainty).toBe('uncertain');
    expect(r.uncertainties.map((u) => u.fact)).toContain('grades');
    expect(r.uncertainties.map((u) => u.fact)).not.toContain('frequency'); // the district fixed it
  });
});

describe('local stricter rules', () => {
  const ms = topicsFor(CALIFORNIA, 7);
  const students = [student('g8-got-it-in-7', 8), student('g6', 6)];
  const deliveries = [delivery('g8-got-it-in-7', '2025-11-03', ms)];

  it('every grade every year overrides once-per-band', () => {
    const local: LocalRule = {
      id: 'every-year',
      districtId: 'd1',
      title: 'Every grade 6-12, every year',
      extends: CALIFORNIA.id,
      adoptedOn: '2026-05-01',
      grades: { from: 6, to: 12 },
      frequency: { kind: 'each-school-year' },
    };
    const [rule] = effectiveRules([CALIFORNIA], [local]);
    expect(rule!.id).toBe(`${CALIFORNIA.id}+every-year`);
    expect(rule!.local).toEqual({ districtId: 'd1', localRuleId: 'every-year', basedOn: CALIFORNIA.id });
    expect(outcomes(gradeOf(CALIFORNIA, input(students, deliveries), 8))).toEqual({
      'g8-got-it-in-7': 'delivered',
    });
    expect(outcomes(gradeOf(rule!, input(students, deliveries), 8))).toEqual({
      'g8-got-it-in-7': 'not-reached',
    });
    expect(gradeOf(CALIFORNIA, input(students, deliveries), 6).status).toBe('not-applicable');
    expect(gradeOf(rule!, input(students, deliveries), 6).status).toBe('not-met');
  });

  it('minimum minutes and extra topics', () => {
    const all6 = topicsFor(FLORIDA, 6);
    const rule = applyLocalRule(FLORIDA, {
      id: 'min60',
      districtId: 'd1',
      title: '60 minutes a year and myths',
      extends: FLORIDA.id,
      adoptedOn: '2026-05-01',
      minimumMinutes: 60,
      additionalRequirements: [
        { id: 'local-myths', text: 'Myths and victim blaming', topics: ['myths-and-victim-blaming'] },
      ],
    });
    const g = gradeOf(
      rule,
      input(
        [student('a', 6), student('b', 6)],
        [
          delivery('a', '2026-10-01', [...all6, 'myths-and-victim-blaming'], { minutes: 45 }),
          delivery('b', '2026-10-01', [...all6, 'myths-and-victim-blaming'], { minutes: 30 }),
          delivery('b', '2026-11-01', [], { minutes: 30 }),
        ],
      ),
      6,
    );
    expect(outcomes(g)).toEqual({ a: 'partial', b: 'delivered' });
    expect(g.reasons.find((r) => r.code === 'minutes-short')).toMatchObject({
      studentIds: ['a'],
      minutesRequired: 60,
    });
    expect(
      gradeOf(rule, input([student('c', 6)], [delivery('c', '2026-10-01', all6, { minutes: 90 })]), 6)
        .students[0]!.missingTopics,
    ).toEqual(['myths-and-victim-blaming']);
  });

  it('a local rule may not weaken the state rule', () => {
    const weaker: LocalRule = {
      id: 'weaker',
      districtId: 'd1',
      title: 'Weaker',
      extends: FLORIDA.id,
      adoptedOn: '2026-05-01',
      grades: { from: 3, to: 12 },
      frequency: { kind: 'once-per-band', bands: [{ id: 'all', label: 'All', from: 0, to: 12 }] },
    };
    expect(() => applyLocalRule(FLORIDA, weaker)).toThrow(LocalRuleError);
    try {
      applyLocalRule(FLORIDA, weaker);
    } catch (e) {
      expect((e as LocalRuleError).problems).toHaveLength(2);
    }
    expect(() =>
      effectiveRules(
        [FLORIDA],
        [{ ...weaker, grades: undefined, frequency: undefined, extends: 'us-xx-none' }],
      ),
    ).toThrow(/not among/);
  });
});

describe('evaluateRules and explainStudent', () => {
  it('combines a district’s rules per school and grade, and explains a student', () => {
    const all9 = topicsFor(CALIFORNIA, 9);
    const i = input([student('a', 12), student('b', 12)], [delivery('a', '2026-10-01', all9)]);
    const local = applyLocalRule(CALIFORNIA, {
      id: 'annual',
      districtId: 'd1',
      title: 'Annual',
      extends: CALIFORNIA.id,
      adoptedOn: '2026-01-01',
      frequency: { kind: 'each-school-year' },
    });
    const d = evaluateRules([CALIFORNIA, UTAH, local], i);
    const g12 = d.schools[0]!.grades[0]!;
    expect(g12.byRule.map((b) => b.status)).toEqual(['partially-met', 'not-applicable', 'partially-met']);
    expect(g12.status).toBe('partially-met');
    const why = explainStudent(d, 'b');
    expect(why.map((w) => [w.ruleId, w.result.outcome])).toEqual([
      [CALIFORNIA.id, 'not-reached'],
      [local.id, 'not-reached'],
    ]);
    expect(why[0]!.citation).toMatch(/51934/);
    expect(why[0]!.result.missingTopics).toEqual(all9);
  });
});

describe('weighted students (the counts-only report)', () => {
  /** A rule like Florida's with another schedule and, optionally, minimum minutes. */
  const variant = (id: string, frequency: Frequency, minutes: number | null): MandateRule => ({
    ...FLORIDA,
    id,
    instruction: {
      ...FLORIDA.instruction!,
      frequency: { ...FLORIDA.instruction!.frequency, value: frequency },
      minimumMinutes: { ...FLORIDA.instruction!.minimumMinutes, value: minutes },
    },
  });
  const RULES: MandateRule[] = [
    FLORIDA,
    TEXAS,
    CALIFORNIA,
    WISCONSIN_PENDING,
    variant('every-2-years-60-min', { kind: 'every-n-years', years: 2 }, 60),
    variant('unspecified-90-min', { kind: 'unspecified' }, 90),
  ];

  /** A deterministic pseudo-random district: grades, consent, excusals, deliveries over four school years. */
  function district(): ComplianceInput {
    let x = 42;
    const rnd = (n: number): number => {
      // mulberry32
      x = (x + 0x6d2b79f5) | 0;
      let t = Math.imul(x ^ (x >>> 15), 1 | x);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const topicSets = [...new Set([0, 4, 7, 10].flatMap((g) => RULES.flatMap((r) => topicsFor(r, g))))];
    const days = [
      '2023-09-10',
      '2024-10-01',
      '2025-03-03',
      '2025-09-15',
      '2026-07-01',
      '2026-11-20',
      '2027-06-30',
    ];
    const students: StudentRecord[] = [];
    const deliveries: DeliveryRecord[] = [];
    const excusals: ExcusalRecord[] = [];
    for (let n = 0; n < 600; n++) {
      const id = `st-${String(rnd(100_000)).padStart(5, '0')}-${n}`;
      const consent = (['no-response', 'written-consent', 'opted-out'] as const)[rnd(3)];
      const grade = rnd(13);
      students.push({ id, schoolId: rnd(2) ? 's1' : 's2', grade, consent });
      if (rnd(15) === 0)
        excusals.push({
          studentId: id,
          date: rnd(2) ? '2026-12-01' : '2025-12-01',
          kind: 'alternative-activity',
        });
      for (let k = rnd(4); k > 0; k--) {
        // Half the time everything a rule asks of the grade (or of a grade before), else a few topics.
        const topics = rnd(2)
          ? topicsFor(RULES[rnd(3)], Math.max(0, grade - rnd(2)))
          : Array.from({ length: rnd(4) }, () => topicSets[rnd(topicSets.length)]);
        deliveries.push(delivery(id, days[rnd(days.length)], topics, { minutes: [30, 45, 60][rnd(3)] }));
      }
    }
    return {
      schoolYear: YEAR,
      schools: [
        { id: 's1', grades: [0, 1, 2, 3, 4, 5, 6, 7, 8] },
        { id: 's2', grades: [6, 7, 8, 9, 10, 11, 12] },
      ],
      students,
      deliveries,
      excusals,
    };
  }

  /** One representative (the lowest id) per group of identical records, deliveries kept per school year. */
  function grouped(i: ComplianceInput): ComplianceInput {
    const { first, last } = { first: '2026-07-01', last: '2027-06-30' };
    const excused = new Set(
      i.excusals!.filter((e) => e.date >= first && e.date <= last).map((e) => e.studentId),
    );
    const byStudent = new Map<string, DeliveryRecord[]>();
    for (const d of i.deliveries) byStudent.set(d.studentId, [...(byStudent.get(d.studentId) ?? []), d]);
    const groups = new Map<string, { rep: StudentRecord; weight: number }>();
    for (const s of [...i.students].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const sig = (byStudent.get(s.id) ?? [])
        .map((d) => `${schoolYearOfDate(d.date)}:${d.minutes}:${[...d.topics].sort().join(',')}`)
        .sort()
        .join('|');
      const key = [s.schoolId, s.grade, s.consent, excused.has(s.id), sig].join('/');
      const g = groups.get(key);
      if (g) g.weight++;
      else groups.set(key, { rep: s, weight: 1 });
    }
    const reps = [...groups.values()].map((g) => ({ ...g.rep, weight: g.weight }));
    const kept = new Set(reps.map((r) => r.id));
    return {
      ...i,
      students: reps,
      deliveries: i.deliveries.filter((d) => kept.has(d.studentId)),
      excusals: i.excusals!.filter((e) => kept.has(e.studentId)),
    };
  }

  /** Everything a report shows per rule, school and grade: status, counts, reasons (without student ids). */
  const figures = (d: ReturnType<typeof evaluateRules>): unknown =>
    d.rules.map((r) => ({
      rule: r.ruleId,
      schools: r.schools.map((s) => ({
        school: s.schoolId,
        status: s.status,
        grades: s.grades.map((g) => ({
          grade: g.grade,
          status: g.status,
          counts: g.counts,
          reasons: g.reasons.map((x) => ({
            code: x.code,
            message: x.message,
            topics: 'topics' in x ? x.topics : undefined,
            minutes: 'minutesRequired' in x ? x.minutesRequired : undefined,
          })),
        })),
      })),
    }));

  it('gives the same figures as evaluating every student', () => {
    const full = district();
    const small = grouped(full);
    expect(small.students.length).toBeLessThan(full.students.length);
    const a = evaluateRules(RULES, full);
    const b = evaluateRules(RULES, small);
    expect(figures(b)).toEqual(figures(a));
    expect(b.schools).toEqual(a.schools);
    // The fixture is varied enough to mean something.
    const outcomes = new Set(
      a.rules.flatMap((r) =>
        r.schools.flatMap((s) => s.grades.flatMap((g) => g.students.map((x) => x.outcome))),
      ),
    );
    expect([...outcomes].sort()).toEqual(
      ['delivered', 'excused-no-consent', 'excused-opt-out', 'not-reached', 'partial', 'pending'].sort(),
    );
    const codes = new Set(
      a.rules.flatMap((r) => r.schools.flatMap((s) => s.grades.flatMap((g) => g.reasons.map((x) => x.code)))),
    );
    for (const c of [
      'minutes-short',
      'missing-topics',
      'delivered-without-consent',
      'opt-out-not-recognised',
      'due-later',
    ])
      expect(codes).toContain(c);
  });
});
