import { requiredTopicsForBand, type TopicTag } from '@haven/curriculum';
import { gradeBandOf, gradeLabel } from '@haven/domain';
import { uncertainties, type Certainty, type FrequencyBand, type MandateRule } from './model';
import { schoolYearOfDate, schoolYearRange, schoolYearStart, shiftSchoolYear } from './school-year';

/** A student's consent on file for the school year being evaluated. */
export type ConsentStatus = 'written-consent' | 'opted-out' | 'no-response';

export interface StudentRecord {
  id: string;
  schoolId: string;
  /** Grade in the evaluated school year (0 is K). */
  grade: number;
  consent: ConsentStatus;
  /**
   * How many students this record stands for (default 1). A counts-only report evaluates one representative
   * (the lowest id) per group of students with identical records: same school, grade, consent, excusal and
   * instruction per school year. Counts and per-topic figures are then weighted; student ids listed in the
   * result are the representatives'.
   */
  weight?: number;
}

export interface SchoolRecord {
  id: string;
  grades: readonly number[];
}

/** Instruction a student received: a completed module or an in-class delivery recorded by a teacher. */
export interface DeliveryRecord {
  id: string;
  studentId: string;
  /** YYYY-MM-DD. */
  date: string;
  moduleId: string;
  moduleVersion: string;
  /** Topic tags of the module version (unknown tags are ignored). */
  topics: readonly string[];
  minutes: number;
  facilitatorId: string | null;
  via: 'module-completion' | 'in-class';
  /** The student's grade on that date; when absent it is derived from the current grade, a grade a year. */
  gradeAtDelivery?: number;
}

/** A documented excusal in a school year: a parent's opt-out, or the alternative activity given instead. */
export interface ExcusalRecord {
  studentId: string;
  date: string;
  kind: 'parent-opt-out' | 'alternative-activity';
  note?: string;
}

export interface ComplianceInput {
  schoolYear: string;
  schools: readonly SchoolRecord[];
  students: readonly StudentRecord[];
  deliveries: readonly DeliveryRecord[];
  excusals?: readonly ExcusalRecord[];
}

export type ComplianceStatus = 'met' | 'partially-met' | 'not-met' | 'not-applicable';

export type StudentOutcome =
  | 'delivered'
  | 'partial'
  | 'not-reached'
  /** Not received yet, but the band (or covered grades) has later grades in which it can still be. */
  | 'pending'
  | 'excused-opt-out'
  | 'excused-no-consent';

export interface StudentCompliance {
  studentId: string;
  grade: number;
  outcome: StudentOutcome;
  requiredTopics: TopicTag[];
  coveredTopics: TopicTag[];
  missingTopics: TopicTag[];
  minutes: number;
  minutesRequired: number | null;
  /** Deliveries that counted (none for an excused student). */
  deliveryIds: string[];
  /** The window deliveries were looked for in, inclusive. */
  window: { first: string; last: string; band?: string };
  /** Opt-in state: instruction was recorded for a student without written consent. */
  deliveredWithoutConsent: boolean;
  /** Consent model `none`: an opt-out on file that the law does not recognise. */
  optOutNotRecognised: boolean;
}

export type NotApplicableCode =
  | 'rule-pending'
  | 'no-student-instruction'
  | 'instruction-optional'
  | 'not-in-effect'
  | 'grades-unspecified'
  | 'grade-not-covered'
  | 'no-students'
  | 'no-topics-for-band';

export type GradeReason =
  | { code: NotApplicableCode; message: string }
  | { code: 'missing-topics'; message: string; topics: { topic: TopicTag; students: number }[] }
  | {
      code:
        | 'students-not-reached'
        | 'partially-delivered'
        | 'consent-missing'
        | 'opted-out'
        | 'delivered-without-consent'
        | 'opt-out-not-recognised'
        | 'due-later';
      message: string;
      studentIds: string[];
    }
  | { code: 'minutes-short'; message: string; studentIds: string[]; minutesRequired: number };

export interface GradeCounts {
  enrolled: number;
  delivered: number;
  partial: number;
  notReached: number;
  pending: number;
  excusedOptOut: number;
  excusedNoConsent: number;
}

export interface GradeCompliance {
  grade: number;
  status: ComplianceStatus;
  counts: GradeCounts;
  reasons: GradeReason[];
  students: StudentCompliance[];
}

export interface SchoolCompliance {
  schoolId: string;
  status: ComplianceStatus;
  grades: GradeCompliance[];
}

export interface RuleCompliance {
  ruleId: string;
  citation: string;
  schoolYear: string;
  certainty: Certainty;
  /** Facts of the rule short of `verified`: show them beside the figures. */
  uncertainties: { fact: string; certainty: Certainty; note: string }[];
  schools: SchoolCompliance[];
}

const EMPTY_COUNTS: GradeCounts = {
  enrolled: 0,
  delivered: 0,
  partial: 0,
  notReached: 0,
  pending: 0,
  excusedOptOut: 0,
  excusedNoConsent: 0,
};

/** Combines statuses: all met → met; all not met → not met; a mix → partially met; none applicable → N/A. */
export function combineStatuses(statuses: Iterable<ComplianceStatus>): ComplianceStatus {
  const s = [...statuses].filter((x) => x !== 'not-applicable');
  if (s.length === 0) return 'not-applicable';
  if (s.every((x) => x === 'met')) return 'met';
  if (s.every((x) => x === 'not-met')) return 'not-met';
  return 'partially-met';
}

/** Why the rule does not apply at all in this school year, if it does not. */
function ruleNotApplicable(rule: MandateRule, schoolYear: string): GradeReason | undefined {
  const i = rule.instruction;
  if (rule.status === 'pending')
    return { code: 'rule-pending', message: `${rule.id} is a pending bill, not law` };
  if (!i) return { code: 'no-student-instruction', message: `${rule.id} requires staff training only` };
  if (!i.mandatory)
    return {
      code: 'instruction-optional',
      message: `${rule.id} allows the instruction but does not require it`,
    };
  const { first, last } = schoolYearRange(schoolYear);
  const e = rule.effective.value;
  if (e.from > last || (e.to !== null && e.to < first))
    return { code: 'not-in-effect', message: `${rule.id} is not in effect in ${schoolYear}` };
  if (!i.grades.value) return { code: 'grades-unspecified', message: `${rule.id} states no grades` };
  return undefined;
}

const na = (grade: number, reason: GradeReason, enrolled = 0): GradeCompliance => ({
  grade,
  status: 'not-applicable',
  counts: { ...EMPTY_COUNTS, enrolled },
  reasons: [reason],
  students: [],
});

function bandOf(bands: readonly FrequencyBand[], grade: number): FrequencyBand | undefined {
  return bands.find((b) => grade >= b.from && grade <= b.to);
}

/** Evaluates one rule (state or effective district rule) for one school year. Pure. */
export function evaluateRule(rule: MandateRule, input: ComplianceInput): RuleCompliance {
  const year = schoolYearRange(input.schoolYear);
  const yearStart = schoolYearStart(input.schoolYear);
  const ruleNA = ruleNotApplicable(rule, input.schoolYear);
  const instruction = rule.instruction;

  const deliveriesByStudent = new Map<string, DeliveryRecord[]>();
  for (const d of input.deliveries) {
    if (d.date.slice(0, 10) > year.last) continue; // later instruction never counts for this year
    const list = deliveriesByStudent.get(d.studentId) ?? [];
    list.push(d);
    deliveriesByStudent.set(d.studentId, list);
  }
  const excusedThisYear = new Set(
    (input.excusals ?? [])
      .filter((e) => e.date.slice(0, 10) >= year.first && e.date.slice(0, 10) <= year.last)
      .map((e) => e.studentId),
  );

  const evaluateStudent = (s: StudentRecord, required: TopicTag[]): StudentCompliance => {
    const i = instruction!;
    const freq = i.frequency.value;
    const span = i.grades.value!;
    const gradeAt = (d: DeliveryRecord): number =>
      d.gradeAtDelivery ?? s.grade - (yearStart - schoolYearStart(schoolYearOfDate(d.date)));
    let window: StudentCompliance['window'];
    let inWindow: (d: DeliveryRecord) => boolean;
    let moreGradesLeft: boolean;
    if (freq.kind === 'each-school-year') {
      window = year;
      inWindow = (d) => d.date.slice(0, 10) >= year.first;
      moreGradesLeft = false;
    } else if (freq.kind === 'every-n-years') {
      window = {
        first: schoolYearRange(shiftSchoolYear(input.schoolYear, 1 - freq.years)).first,
        last: year.last,
      };
      inWindow = (d) => d.date.slice(0, 10) >= window.first;
      moreGradesLeft = false;
    } else if (freq.kind === 'once-per-band') {
      const band = bandOf(freq.bands, s.grade)!;
      const first = schoolYearRange(shiftSchoolYear(input.schoolYear, band.from - s.grade)).first;
      window = { first, last: year.last, band: band.id };
      inWindow = (d) => {
        const g = gradeAt(d);
        return g >= band.from && g <= band.to;
      };
      moreGradesLeft = s.grade < band.to;
    } else {
      // unspecified (or on-hire, meaningless for students): at least once within the covered grades.
      const first = schoolYearRange(shiftSchoolYear(input.schoolYear, span.from - s.grade)).first;
      window = { first, last: year.last };
      inWindow = (d) => {
        const g = gradeAt(d);
        return g >= span.from && g <= span.to;
      };
      moreGradesLeft = s.grade < span.to;
    }
    const counted = (deliveriesByStudent.get(s.id) ?? []).filter(inWindow);
    const model = i.consent.value;
    const optedOut = s.consent === 'opted-out' || excusedThisYear.has(s.id);
    const base = {
      studentId: s.id,
      grade: s.grade,
      requiredTopics: required,
      minutesRequired: i.minimumMinutes.value,
      window,
      deliveredWithoutConsent: false,
      optOutNotRecognised: model === 'none' && optedOut,
    };
    const excused = (outcome: StudentOutcome, deliveredWithoutConsent = false): StudentCompliance => ({
      ...base,
      outcome,
      coveredTopics: [],
      missingTopics: [],
      minutes: 0,
      deliveryIds: [],
      deliveredWithoutConsent,
    });
    if (model === 'opt-in-written' && s.consent !== 'written-consent') {
      // Never counted as delivered, whatever was recorded; a record for this year is flagged.
      const thisYear = counted.some((d) => d.date.slice(0, 10) >= year.first);
      return excused('excused-no-consent', thisYear);
    }
    if (model !== 'none' && optedOut) return excused('excused-opt-out');
    const have = new Set<string>(counted.flatMap((d) => d.topics));
    const covered = required.filter((t) => have.has(t));
    const missing = required.filter((t) => !have.has(t));
    const minutes = counted.reduce((n, d) => n + d.minutes, 0);
    const minutesOk = base.minutesRequired === null || minutes >= base.minutesRequired;
    let outcome: StudentOutcome;
    if (missing.length === 0 && minutesOk) outcome = 'delivered';
    else if (moreGradesLeft) outcome = 'pending';
    else outcome = counted.length > 0 ? 'partial' : 'not-reached';
    return {
      ...base,
      outcome,
      coveredTopics: covered,
      missingTopics: missing,
      minutes,
      deliveryIds: counted.map((d) => d.id),
    };
  };

  const evaluateGrade = (school: SchoolRecord, grade: number): GradeCompliance => {
    const students = input.students.filter((s) => s.schoolId === school.id && s.grade === grade);
    const enrolled = students.reduce((n, s) => n + (s.weight ?? 1), 0);
    if (ruleNA) return na(grade, ruleNA, enrolled);
    const i = instruction!;
    const span = i.grades.value!;
    const freq = i.frequency.value;
    if (grade < span.from || grade > span.to || (freq.kind === 'once-per-band' && !bandOf(freq.bands, grade)))
      return na(
        grade,
        { code: 'grade-not-covered', message: `${rule.id} does not cover grade ${gradeLabel(grade)}` },
        enrolled,
      );
    if (students.length === 0)
      return na(grade, {
        code: 'no-students',
        message: `No students enrolled in grade ${gradeLabel(grade)}`,
      });
    const required = requiredTopicsForBand(
      { id: rule.id, source: rule.source, requirements: i.requirements },
      gradeBandOf(grade),
    );
    if (required.length === 0)
      return na(
        grade,
        {
          code: 'no-topics-for-band',
          message: `None of ${rule.id}'s topics suit grade ${gradeLabel(grade)}`,
        },
        enrolled,
      );
    const results = students
      .map((s) => evaluateStudent(s, required))
      .sort((a, b) => (a.studentId < b.studentId ? -1 : 1));
    const weightOf = new Map(students.map((s) => [s.id, s.weight ?? 1]));
    const weight = (rs: readonly StudentCompliance[]): number =>
      rs.reduce((n, r) => n + weightOf.get(r.studentId)!, 0);
    const ids = (o: StudentOutcome): string[] =>
      results.filter((r) => r.outcome === o).map((r) => r.studentId);
    const count = (o: StudentOutcome): number => weight(results.filter((r) => r.outcome === o));
    const counts: GradeCounts = {
      enrolled: weight(results),
      delivered: count('delivered'),
      partial: count('partial'),
      notReached: count('not-reached'),
      pending: count('pending'),
      excusedOptOut: count('excused-opt-out'),
      excusedNoConsent: count('excused-no-consent'),
    };
    const gaps = counts.partial + counts.notReached;
    const status: ComplianceStatus =
      gaps === 0 ? 'met' : counts.delivered + counts.partial > 0 ? 'partially-met' : 'not-met';
    const reasons: GradeReason[] = [];
    const gapStudents = results.filter((r) => r.outcome === 'partial' || r.outcome === 'not-reached');
    const missingCount = new Map<TopicTag, number>();
    for (const r of gapStudents)
      for (const t of r.missingTopics)
        missingCount.set(t, (missingCount.get(t) ?? 0) + weightOf.get(r.studentId)!);
    if (missingCount.size > 0)
      reasons.push({
        code: 'missing-topics',
        message: `Topics not yet covered: ${[...missingCount.keys()].join(', ')}`,
        topics: [...missingCount].map(([topic, n]) => ({ topic, students: n })),
      });
    const listed = (
      code: Exclude<GradeReason['code'], NotApplicableCode | 'missing-topics' | 'minutes-short'>,
      studentIds: string[],
      message: string,
    ): void => {
      if (studentIds.length > 0) reasons.push({ code, studentIds, message });
    };
    listed('students-not-reached', ids('not-reached'), 'Students who received none of the instruction');
    listed('partially-delivered', ids('partial'), 'Students who received part of the instruction');
    const min = i.minimumMinutes.value;
    const short = gapStudents.filter((r) => min !== null && r.minutes < min).map((r) => r.studentId);
    if (min !== null && short.length > 0)
      reasons.push({
        code: 'minutes-short',
        studentIds: short,
        minutesRequired: min,
        message: `Students with fewer than the ${min} minutes required`,
      });
    listed(
      'consent-missing',
      ids('excused-no-consent'),
      'No written parental consent on file: excused (alternative activity), not a delivery gap',
    );
    listed('opted-out', ids('excused-opt-out'), 'Excused by a parent opt-out');
    listed(
      'delivered-without-consent',
      results.filter((r) => r.deliveredWithoutConsent).map((r) => r.studentId),
      'Instruction recorded for students without written consent: not counted, and must not happen',
    );
    listed(
      'opt-out-not-recognised',
      results.filter((r) => r.optOutNotRecognised).map((r) => r.studentId),
      'Opt-out on file, but the state does not provide one: the student is still required',
    );
    listed('due-later', ids('pending'), 'Not yet received; still due in a later grade');
    return { grade, status, counts, reasons, students: results };
  };

  const schools = input.schools.map((school): SchoolCompliance => {
    const grades = [...new Set(school.grades)].sort((a, b) => a - b).map((g) => evaluateGrade(school, g));
    return { schoolId: school.id, status: combineStatuses(grades.map((g) => g.status)), grades };
  });
  return {
    ruleId: rule.id,
    citation: rule.source,
    schoolYear: input.schoolYear,
    certainty: rule.certainty,
    uncertainties: uncertainties(rule),
    schools,
  };
}

export interface DistrictCompliance {
  schoolYear: string;
  rules: RuleCompliance[];
  /** Per school and grade, the status across all rules (see `combineStatuses`). */
  schools: {
    schoolId: string;
    status: ComplianceStatus;
    grades: {
      grade: number;
      status: ComplianceStatus;
      byRule: { ruleId: string; status: ComplianceStatus }[];
    }[];
  }[];
}

/** Evaluates a district's effective rules (see `effectiveRules`) for one school year. */
export function evaluateRules(rules: readonly MandateRule[], input: ComplianceInput): DistrictCompliance {
  const results = rules.map((r) => evaluateRule(r, input));
  const schools = input.schools.map((school) => {
    const grades = [...new Set(school.grades)]
      .sort((a, b) => a - b)
      .map((grade) => {
        const byRule = results.map((r) => ({
          ruleId: r.ruleId,
          status: r.schools.find((s) => s.schoolId === school.id)!.grades.find((g) => g.grade === grade)!
            .status,
        }));
        return { grade, status: combineStatuses(byRule.map((b) => b.status)), byRule };
      });
    return { schoolId: school.id, status: combineStatuses(grades.map((g) => g.status)), grades };
  });
  return { schoolYear: input.schoolYear, rules: results, schools };
}

/** For one student: each rule that applies, what counted and what is missing. */
export function explainStudent(
  report: DistrictCompliance | RuleCompliance,
  studentId: string,
): { ruleId: string; citation: string; certainty: Certainty; schoolId: string; result: StudentCompliance }[] {
  const rules = 'rules' in report ? report.rules : [report];
  const out: {
    ruleId: string;
    citation: string;
    certainty: Certainty;
    schoolId: string;
    result: StudentCompliance;
  }[] = [];
  for (const r of rules)
    for (const s of r.schools)
      for (const g of s.grades)
        for (const st of g.students)
          if (st.studentId === studentId)
            out.push({
              ruleId: r.ruleId,
              citation: r.citation,
              certainty: r.certainty,
              schoolId: s.schoolId,
              result: st,
            });
  return out;
}
