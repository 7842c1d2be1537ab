import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isTopicTag, topicDefinition } from '@haven/curriculum';
import {
  displayCount,
  displayGrade,
  evaluateRules,
  explainStudent,
  rulesForState,
  schoolYearRange,
  schoolYearStart,
  shiftSchoolYear,
  type ComplianceInput,
  type DeliveryRecord,
  type DistrictCompliance,
  type MandateRule,
  type StateCode,
} from '@haven/mandates';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { TenancyService } from '../tenancy/tenancy.service';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/errors';
import type { Topic } from '../catalog/catalog.models';
import { ModuleBundles } from '../learning/module-bundles';
import { AttendanceRow, inClassDeliveries, LessonPlan } from './in-class';
import {
  ComplianceReport,
  GradeComplianceRow,
  MandateRuleSummary,
  StudentComplianceRecord,
} from './compliance.models';

const topic = (tag: string): Topic => ({ tag, label: isTopicTag(tag) ? topicDefinition(tag).label : tag });

interface StudentMeta {
  id: string;
  displayName: string;
  username: string;
  grade: number;
  schoolId: string;
  classes: string[];
}

/** An evaluation of the district's rules: figures per school and grade. */
export interface LoadedCounts {
  district: { id: string; name: string; state: string };
  schools: { id: string; name: string }[];
  rules: MandateRule[];
  result: DistrictCompliance;
}

/** An evaluation of every student, with what is needed to explain each. */
export interface LoadedCompliance extends LoadedCounts {
  students: Map<string, StudentMeta>;
  deliveries: Map<string, string>;
}

/** What a drill-down shows: one student, or the students of one school and grade. */
export interface Drill {
  studentId?: string;
  schoolId?: string;
  grade?: number;
}

/**
 * Students enrolled this school year in these schools ($1, $2) who may be in a drill-down: the student ($n), or
 * students of the grade ($n+2) with a class of this school year at the school ($n+1). A superset: a student who
 * moved counts at their latest school, which the roster decides.
 */
const drilled = (n: number): string => `
  SELECT e2.student_id FROM enrollment e2
    JOIN class_section c2 ON c2.id = e2.class_id AND c2.school_year = $2 AND c2.school_id = ANY($1::uuid[])
    JOIN app_user u2 ON u2.id = e2.student_id
   WHERE ($${n}::uuid IS NULL OR e2.student_id = $${n}::uuid)
     AND ($${n + 1}::uuid IS NULL OR c2.school_id = $${n + 1}::uuid)
     AND ($${n + 2}::int IS NULL OR u2.grade_level = $${n + 2}::int)`;

interface VersionFacts {
  id: string;
  module_id: string;
  version: string;
  topics: string[];
  minutes: number;
}

/**
 * The first date a delivery can count on under any of the rules in this school year (the evaluator ignores
 * earlier ones), or null when a rule looks back over a student's grades (once per band, unspecified).
 */
function earliestCountedDate(rules: readonly MandateRule[], schoolYear: string): string | null {
  let earliest = schoolYearRange(schoolYear).first;
  for (const r of rules) {
    const freq = r.instruction?.frequency.value;
    if (!freq || freq.kind === 'each-school-year') continue;
    if (freq.kind !== 'every-n-years') return null;
    const first = schoolYearRange(shiftSchoolYear(schoolYear, 1 - freq.years)).first;
    if (first < earliest) earliest = first;
  }
  return earliest;
}

/**
 * District compliance with state mandates. The data is read with a few set-based queries (students enrolled
 * this school year, completed modules with their topics, alternative activities), then judged by the pure
 * `@haven/mandates` evaluator so every figure can explain itself. District admins see their district, school
 * admins their own school.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
    private readonly bundles: ModuleBundles,
  ) {}

  /**
   * Everything the evaluator needs for one school year. `detail` adds each student's class names (for the
   * per-student views); the district report does not need them.
   */
  /** Who sees what: the district, its rules, the schools in scope (with their grades). */
  private async context(actor: Actor, schoolYear: string) {
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) throw badInput('schoolYear must look like 2026-2027');
    const scope = await this.tenancy.reportingScope(actor);
    if (!scope) return null;
    const rules = rulesForState(scope.district.state as StateCode);
    const schools: { id: string; name: string; lowest_grade: number; highest_grade: number }[] =
      await this.ds.query(
        `SELECT id, name, lowest_grade, highest_grade FROM school
        WHERE district_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name`,
        [scope.district.id, scope.schoolIds],
      );
    return {
      district: scope.district,
      rules,
      since: earliestCountedDate(rules, schoolYear),
      schools,
      schoolIds: schools.map((s) => s.id),
      schoolGrades: schools.map((s) => ({
        id: s.id,
        grades: Array.from({ length: s.highest_grade - s.lowest_grade + 1 }, (_, i) => s.lowest_grade + i),
      })),
    };
  }

  /** Module versions' facts by id (a small table, read whole). */
  private async versions(): Promise<Map<string, VersionFacts>> {
    const rows: VersionFacts[] = await this.ds.query(
      `SELECT id, module_id, version, topics, estimated_minutes AS minutes FROM module_version`,
    );
    return new Map(rows.map((v) => [v.id, v]));
  }

  /**
   * Lessons taught in class (facilitation mode) to students present who are enrolled this school year in these
   * schools, with their online record of the same assignment, from the earliest date any rule can count.
   */
  private attendance(
    schoolIds: string[],
    schoolYear: string,
    last: string,
    since: string | null,
    drill?: Drill,
  ): Promise<AttendanceRow[]> {
    return this.ds.query(
      `WITH enrolled AS (
        SELECT e.student_id FROM enrollment e JOIN class_section c ON c.id = e.class_id
         WHERE c.school_id = ANY($1::uuid[]) AND c.school_year = $2
           ${drill ? `AND e.student_id IN (${drilled(5)})` : ''})
       SELECT a.student_id, d.id AS delivery_id, d.assignment_id, d.module_version_id, d.lesson_id,
              to_char(d.delivered_at, 'YYYY-MM-DD') AS day, d.minutes, d.delivered_by, d.delivered_at,
              t.status AS attempt_status, t.completed_steps, to_char(t.updated_at, 'YYYY-MM-DD') AS attempt_day
         FROM delivery_attendance a
         JOIN class_delivery d ON d.id = a.delivery_id
         LEFT JOIN attempt t ON t.student_id = a.student_id AND t.assignment_id = d.assignment_id
        WHERE d.delivered_at < ($3::date + 1) AND ($4::date IS NULL OR d.delivered_at >= $4::date)
          AND a.student_id IN (SELECT student_id FROM enrolled)
        ORDER BY d.delivered_at, d.id, a.student_id`,
      drill
        ? [
            schoolIds,
            schoolYear,
            last,
            since,
            drill.studentId ?? null,
            drill.schoolId ?? null,
            drill.grade ?? null,
          ]
        : [schoolIds, schoolYear, last, since],
    );
  }

  /** A module is received when each lesson was done online or in class (see in-class.ts). */
  private async inClass(
    attendance: readonly AttendanceRow[],
    versions: ReadonlyMap<string, VersionFacts>,
  ): Promise<ReturnType<typeof inClassDeliveries>> {
    const plans = new Map<string, LessonPlan>();
    for (const versionId of new Set(attendance.map((r) => r.module_version_id))) {
      const mv = versions.get(versionId)!;
      const b = await this.bundles.get(versionId);
      plans.set(versionId, {
        moduleId: mv.module_id,
        version: mv.version,
        topics: mv.topics,
        lessons: b.sequence.flatMap((step, index) =>
          step.kind === 'lesson'
            ? [{ id: step.id, step: index, minutes: b.lessons.find((l) => l.id === step.id)?.minutes ?? 0 }]
            : [],
        ),
      });
    }
    return inClassDeliveries(attendance, plans);
  }

  /**
   * Everything the evaluator needs for one school year, a record per student. `detail` adds each student's
   * class names (for the per-student views).
   */
  async load(
    actor: Actor,
    schoolYear: string,
    detail = true,
    drill?: Drill,
  ): Promise<LoadedCompliance | null> {
    const ctx = await this.context(actor, schoolYear);
    if (!ctx) return null;
    const { first, last } = schoolYearRange(schoolYear);
    const { rules, since, schools, schoolIds } = ctx;
    // A drill-down reads only the students it shows (each student's record depends on their own data only).
    const narrow = (n: number): string => (drill ? `AND e.student_id IN (${drilled(n)})` : '');
    const drillParams = drill ? [drill.studentId ?? null, drill.schoolId ?? null, drill.grade ?? null] : [];
    // Students enrolled in a class of this school year; a student who moved counts at their latest school.
    const rosterQuery: Promise<
      {
        id: string;
        display_name: string;
        username: string;
        grade_level: number;
        school_id: string;
        classes: string[] | null;
      }[]
    > = this.ds.query(
      `WITH roster AS (
        SELECT DISTINCT ON (u.id) u.id, u.display_name, u.username, u.grade_level, c.school_id
          FROM enrollment e
          JOIN class_section c ON c.id = e.class_id
          JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
         WHERE c.school_id = ANY($1::uuid[]) AND c.school_year = $2 ${narrow(3)}
         ORDER BY u.id, e.enrolled_at DESC)
       ${drill ? `, drilled AS (SELECT * FROM roster WHERE $4::uuid IS NULL OR school_id = $4::uuid)` : ''}
       ${
         detail
           ? `, classes AS (
        SELECT e.student_id, array_agg(c.name ORDER BY c.name) AS classes
          FROM enrollment e JOIN class_section c ON c.id = e.class_id
         WHERE c.school_year = $2 AND e.student_id IN (SELECT id FROM ${drill ? 'drilled' : 'roster'})
         GROUP BY e.student_id)
       SELECT r.*, cl.classes FROM ${drill ? 'drilled' : 'roster'} r LEFT JOIN classes cl ON cl.student_id = r.id`
           : `SELECT r.*, NULL AS classes FROM ${drill ? 'drilled' : 'roster'} r`
       }`,
      [schoolIds, schoolYear, ...drillParams],
    );
    // Records of students enrolled this school year in these schools (a superset of the roster: the
    // evaluator only looks up roster students), from the earliest date any rule can count.
    const enrolled = (n: number): string => `WITH enrolled AS (
        SELECT e.student_id FROM enrollment e JOIN class_section c ON c.id = e.class_id
         WHERE c.school_id = ANY($1::uuid[]) AND c.school_year = $2 ${narrow(n)})`;
    // One row per completed attempt, in the order they were completed (what counted is listed in that order);
    // the module version's facts (topics etc.) are read once per version.
    const deliveriesQuery: Promise<
      { id: string; student_id: string; day: string; module_version_id: string; assigned_by: string }[]
    > = this.ds.query(
      `${enrolled(5)}
       SELECT t.id, t.student_id, to_char(t.completed_at, 'YYYY-MM-DD') AS day, t.module_version_id, a.assigned_by
         FROM attempt t
         JOIN assignment a ON a.id = t.assignment_id
        WHERE t.status = 'completed' AND t.completed_at < ($3::date + 1)
          AND ($4::date IS NULL OR t.completed_at >= $4::date)
          AND t.student_id IN (SELECT student_id FROM enrolled)
        ORDER BY t.completed_at, t.id`,
      [schoolIds, schoolYear, last, since, ...drillParams],
    );
    const excusalsQuery: Promise<{ student_id: string; day: string }[]> = this.ds.query(
      `${enrolled(5)}
       SELECT t.student_id, to_char(t.updated_at, 'YYYY-MM-DD') AS day
         FROM attempt t
        WHERE cardinality(t.alternative_topics) > 0 AND t.updated_at >= $3::date AND t.updated_at < ($4::date + 1)
          AND t.student_id IN (SELECT student_id FROM enrolled)`,
      [schoolIds, schoolYear, first, last, ...drillParams],
    );
    // Parents' whole-year consent records (consent_record): an opt-out wins over written consent.
    const consentQuery: Promise<{ student_id: string; kinds: string[] }[]> = this.ds.query(
      `${enrolled(3)}
       SELECT r.student_id, array_agg(DISTINCT r.kind) AS kinds FROM consent_record r
        WHERE r.school_year = $2 AND r.module_id IS NULL AND r.student_id IN (SELECT student_id FROM enrolled)
        GROUP BY r.student_id`,
      [schoolIds, schoolYear, ...drillParams],
    );
    // Independent reads: run them side by side on the pool.
    const [roster, attempts, versions, excusals, consentRows, attendance] = await Promise.all([
      rosterQuery,
      deliveriesQuery,
      this.versions(),
      excusalsQuery,
      consentQuery,
      this.attendance(schoolIds, schoolYear, last, since, drill),
    ]);
    const consentOf = new Map(
      consentRows.map((c) => [
        c.student_id,
        c.kinds.includes('opt-out') ? ('opted-out' as const) : ('written-consent' as const),
      ]),
    );
    const deliveries = attempts.map((t) => {
      const mv = versions.get(t.module_version_id)!;
      return {
        id: t.id,
        student_id: t.student_id,
        day: t.day,
        module_id: mv.module_id,
        version: mv.version,
        topics: mv.topics,
        minutes: mv.minutes,
        assigned_by: t.assigned_by,
      };
    });
    const inClass = await this.inClass(attendance, versions);
    const input: ComplianceInput = {
      schoolYear,
      schools: ctx.schoolGrades,
      students: roster.map((r) => ({
        id: r.id,
        schoolId: r.school_id,
        grade: r.grade_level,
        consent: consentOf.get(r.id) ?? ('no-response' as const),
      })),
      deliveries: [
        ...deliveries.map((d) => ({
          id: d.id,
          studentId: d.student_id,
          date: d.day,
          moduleId: d.module_id,
          moduleVersion: d.version,
          topics: d.topics,
          minutes: d.minutes,
          facilitatorId: d.assigned_by,
          via: 'module-completion' as const,
        })),
        ...inClass.map((x) => x.record),
      ],
      excusals: excusals.map((x) => ({
        studentId: x.student_id,
        date: x.day,
        kind: 'alternative-activity' as const,
      })),
    };
    return {
      district: ctx.district,
      schools: schools.map((s) => ({ id: s.id, name: s.name })),
      students: new Map(
        roster.map((r) => [
          r.id,
          {
            id: r.id,
            displayName: r.display_name,
            username: r.username,
            grade: r.grade_level,
            schoolId: r.school_id,
            classes: r.classes ?? [],
          },
        ]),
      ),
      rules,
      result: evaluateRules(rules, input),
      deliveries: new Map([
        ...deliveries.map((d) => [d.id, `${d.module_id}@${d.version} (${d.day})`] as const),
        ...inClass.map((x) => [x.record.id, x.label] as const),
      ]),
    };
  }

  /**
   * The district report's figures without a record per student: one set-based query groups the roster by
   * everything the evaluator looks at (school, grade, consent, excusal this year, and the module versions
   * completed in each school year since the earliest date a rule counts), and the evaluator judges one
   * representative per group (the lowest id), weighted by the group's size. Every date the evaluator compares
   * is a school-year boundary, so a completion stands for its school year. Completions are listed unordered
   * (no sort per student): the same completions in another order only make another group with the same
   * outcome, and the figures are sums over groups, the lowest id the lowest over them. Students taught in class are
   * judged one by one with their in-class records (see in-class.ts). The figures equal `load()`'s
   * (compliance-counts.int.spec.ts); the per-student views use `load()`.
   */
  async loadCounts(actor: Actor, schoolYear: string): Promise<LoadedCounts | null> {
    const ctx = await this.context(actor, schoolYear);
    if (!ctx) return null;
    const { rules, since, schools, schoolIds } = ctx;
    const { first, last } = schoolYearRange(schoolYear);
    const start = schoolYearStart(schoolYear);
    const groupsQuery: Promise<
      {
        school_id: string;
        grade: number;
        opted_out: boolean | null;
        excused: boolean;
        in_class: boolean;
        /** `years back:module version id` per completion (unordered). */
        received: string[] | null;
        students: number;
        representative: string;
      }[]
    > = this.ds.query(
      `WITH roster AS (
        SELECT DISTINCT ON (u.id) u.id, u.grade_level, c.school_id
          FROM enrollment e
          JOIN class_section c ON c.id = e.class_id
          JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
         WHERE c.school_id = ANY($1::uuid[]) AND c.school_year = $2
         ORDER BY u.id, e.enrolled_at DESC),
      -- One pass over the roster's attempts: completions that count (with their school year), and whether an
      -- alternative activity was given this school year.
      received AS (
        SELECT r.id, r.school_id, r.grade_level,
               array_agg(t.years_back || ':' || t.module_version_id) FILTER (WHERE t.counted) AS received,
               coalesce(bool_or(t.excused), false) AS excused
          FROM roster r
          LEFT JOIN (
            SELECT student_id, module_version_id,
                   $6::int - (extract(year FROM completed_at)::int - (extract(month FROM completed_at) < 7)::int) AS years_back,
                   status = 'completed' AND completed_at < ($3::date + 1)
                     AND ($4::date IS NULL OR completed_at >= $4::date) AS counted,
                   cardinality(alternative_topics) > 0 AND updated_at >= $5::date AND updated_at < ($3::date + 1) AS excused
              FROM attempt
             WHERE (status = 'completed' AND completed_at < ($3::date + 1) AND ($4::date IS NULL OR completed_at >= $4::date))
                OR (cardinality(alternative_topics) > 0 AND updated_at >= $5::date AND updated_at < ($3::date + 1))
          ) t ON t.student_id = r.id
         GROUP BY r.id, r.school_id, r.grade_level),
      consent AS (
        SELECT k.student_id, bool_or(k.kind = 'opt-out') AS opted_out
          FROM roster r JOIN consent_record k ON k.student_id = r.id
         WHERE k.school_year = $2 AND k.module_id IS NULL
         GROUP BY k.student_id),
      in_class AS (
        SELECT DISTINCT a.student_id
          FROM roster r JOIN delivery_attendance a ON a.student_id = r.id JOIN class_delivery d ON d.id = a.delivery_id
         WHERE d.delivered_at < ($3::date + 1) AND ($4::date IS NULL OR d.delivered_at >= $4::date))
      SELECT r.school_id, r.grade_level AS grade, c.opted_out, r.excused,
             i.student_id IS NOT NULL AS in_class, r.received,
             count(*)::int AS students, min(r.id::text COLLATE "C") AS representative
        FROM received r
        LEFT JOIN consent c ON c.student_id = r.id
        LEFT JOIN in_class i ON i.student_id = r.id
       GROUP BY r.school_id, r.grade_level, c.opted_out, r.excused, i.student_id IS NOT NULL,
                r.received, CASE WHEN i.student_id IS NOT NULL THEN r.id END`,
      [schoolIds, schoolYear, last, since, first, start],
    );
    const [groups, versions, attendance] = await Promise.all([
      groupsQuery,
      this.versions(),
      this.attendance(schoolIds, schoolYear, last, since),
    ]);
    // Students taught in class are in groups of their own (in_class): they get their in-class records.
    const taughtInClass = new Set(groups.filter((g) => g.in_class).map((g) => g.representative));
    const inClass = (await this.inClass(attendance, versions)).filter((x) =>
      taughtInClass.has(x.record.studentId),
    );
    const completions: DeliveryRecord[] = groups.flatMap((g) =>
      (g.received ?? []).map((completion, k) => {
        const [yearsBack, versionId] = completion.split(':');
        const mv = versions.get(versionId)!;
        return {
          id: `${g.representative}:${k}`,
          studentId: g.representative,
          date: schoolYearRange(shiftSchoolYear(schoolYear, -Number(yearsBack))).first,
          moduleId: mv.module_id,
          moduleVersion: mv.version,
          topics: mv.topics,
          minutes: mv.minutes,
          facilitatorId: null,
          via: 'module-completion' as const,
        };
      }),
    );
    const input: ComplianceInput = {
      schoolYear,
      schools: ctx.schoolGrades,
      students: groups.map((g) => ({
        id: g.representative,
        schoolId: g.school_id,
        grade: g.grade,
        consent: g.opted_out === null ? 'no-response' : g.opted_out ? 'opted-out' : 'written-consent',
        weight: g.students,
      })),
      deliveries: [...completions, ...inClass.map((x) => x.record)],
      excusals: groups
        .filter((g) => g.excused)
        .map((g) => ({ studentId: g.representative, date: first, kind: 'alternative-activity' as const })),
    };
    return {
      district: ctx.district,
      schools: schools.map((s) => ({ id: s.id, name: s.name })),
      rules,
      result: evaluateRules(rules, input),
    };
  }

  /** The district report, figures only (see `loadCounts`). Audited. */
  async report(actor: Actor, schoolYear: string): Promise<ComplianceReport | null> {
    const loaded = await this.loadCounts(actor, schoolYear);
    if (!loaded) return null;
    await this.audit.record({
      actorId: actor.userId,
      action: 'compliance.read',
      targetType: 'district',
      targetId: loaded.district.id,
      districtId: loaded.district.id,
      detail: { schoolYear },
    });
    return this.reportOf(loaded, schoolYear);
  }

  /** The report's figures from an evaluation (of every student, or of weighted groups). */
  reportOf(loaded: LoadedCounts, schoolYear: string): ComplianceReport {
    const { result, rules } = loaded;
    return {
      districtName: loaded.district.name,
      state: loaded.district.state,
      schoolYear,
      generatedAt: new Date(),
      rules: rules.map((r) => this.summary(r, result)),
      schools: result.schools.map((s) => ({
        schoolId: s.schoolId,
        schoolName: loaded.schools.find((x) => x.id === s.schoolId)?.name ?? '',
        status: s.status,
        grades: s.grades.map((g) => this.gradeRow(result, s.schoolId, g.grade, g.status)),
      })),
    };
  }

  /** Per-grade counts across the district's rules: the rule with the most students to reach sets the figures. */
  private gradeRow(
    result: DistrictCompliance,
    schoolId: string,
    grade: number,
    status: string,
  ): GradeComplianceRow {
    const perRule = result.rules
      .map((r) => r.schools.find((s) => s.schoolId === schoolId)?.grades.find((g) => g.grade === grade))
      .filter((g): g is NonNullable<typeof g> => !!g && g.status !== 'not-applicable');
    const g = perRule.sort(
      (a, b) => b.counts.notReached + b.counts.partial - (a.counts.notReached + a.counts.partial),
    )[0];
    if (!g) {
      return {
        grade,
        status,
        enrolled: '0',
        delivered: '0',
        missing: '0',
        excused: '0',
        pending: '0',
        percentDelivered: -1,
        reasons: [],
      };
    }
    const shown = displayGrade(g);
    const c = g.counts;
    const reachable = c.enrolled - c.excusedOptOut - c.excusedNoConsent;
    const str = (v: number | string): string => String(v);
    return {
      grade,
      status,
      enrolled: str(displayCount(c.enrolled)),
      delivered: str(shown.counts.delivered),
      missing: str(displayCount(c.notReached + c.partial)),
      excused: str(displayCount(c.excusedOptOut + c.excusedNoConsent)),
      pending: str(shown.counts.pending),
      percentDelivered: reachable > 0 ? Math.round((100 * c.delivered) / reachable) : -1,
      reasons: g.reasons.map((r) => r.message),
    };
  }

  private summary(r: MandateRule, result: DistrictCompliance): MandateRuleSummary {
    const evaluated = result.rules.find((x) => x.ruleId === r.id);
    const required = [...new Set((r.instruction?.requirements ?? []).flatMap((q) => q.topics))];
    return {
      id: r.id,
      title: r.title,
      citation: r.source,
      sourceUrls: r.sources.map((s) => s.url).filter((u): u is string => !!u),
      certainty: r.certainty,
      uncertainties: (evaluated?.uncertainties ?? []).map((u) => `${u.fact}: ${u.note}`),
      frequency: r.instruction?.frequency.value.kind ?? null,
      consentModel: r.instruction?.consent.value ?? null,
      requiredTopics: required.map(topic),
    };
  }

  /** One student's record from a loaded report: each rule, what counted and what is missing. */
  recordOf(loaded: LoadedCompliance, studentId: string): StudentComplianceRecord {
    const meta = loaded.students.get(studentId)!;
    return {
      studentId,
      displayName: meta.displayName,
      username: meta.username,
      grade: meta.grade,
      schoolName: loaded.schools.find((s) => s.id === meta.schoolId)?.name ?? '',
      classes: meta.classes,
      rules: explainStudent(loaded.result, studentId).map((e) => ({
        ruleId: e.ruleId,
        citation: e.citation,
        outcome: e.result.outcome,
        requiredTopics: e.result.requiredTopics.map(topic),
        coveredTopics: e.result.coveredTopics.map(topic),
        missingTopics: e.result.missingTopics.map(topic),
        counted: e.result.deliveryIds.map((id) => loaded.deliveries.get(id) ?? id),
        window: `${e.result.window.first} to ${e.result.window.last}`,
      })),
    };
  }

  /** One student's record: each rule, what counted and what is missing. Audited (a student record). */
  async student(
    actor: Actor,
    studentId: string,
    schoolYear: string,
  ): Promise<StudentComplianceRecord | null> {
    const loaded = await this.load(actor, schoolYear, true, { studentId });
    const meta = loaded?.students.get(studentId);
    if (!loaded || !meta) return null;
    await this.audit.record({
      actorId: actor.userId,
      action: 'compliance.student.read',
      targetType: 'student',
      targetId: studentId,
      districtId: loaded.district.id,
      detail: { schoolYear },
    });
    return this.recordOf(loaded, studentId);
  }

  /** Students of one school and grade with their outcome under each rule, for the drill-down. */
  async gradeStudents(
    actor: Actor,
    schoolId: string,
    grade: number,
    schoolYear: string,
  ): Promise<StudentComplianceRecord[]> {
    const loaded = await this.load(actor, schoolYear, true, { schoolId, grade });
    if (!loaded) return [];
    const ids = [...loaded.students.values()]
      .filter((s) => s.schoolId === schoolId && s.grade === grade)
      .map((s) => s.id);
    const out = ids.map((id) => this.recordOf(loaded, id));
    await this.audit.record({
      actorId: actor.userId,
      action: 'compliance.grade.read',
      targetType: 'school',
      targetId: schoolId,
      districtId: loaded.district.id,
      detail: { grade, schoolYear, students: out.length },
    });
    return out.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}
