import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompiledAssessment, LanguageMap } from '@haven/curriculum';
import { displayCount, SMALL_GROUP_THRESHOLD } from '@haven/mandates';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { TenancyService } from '../tenancy/tenancy.service';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/errors';
import { ConstructOutcome, OutcomeGroup, OutcomesReport } from './outcomes.models';
import { measuredConstructs, scoredAnswers, scoringRules, SESSION_SAFETY } from './outcome-scoring';

const round1 = (n: number): number => Math.round(n * 10) / 10;

interface GainRow {
  school_id: string;
  grade: number;
  module_version_id: string;
  construct: string;
  pairs: number;
  pre_mean: number | null;
  post_mean: number | null;
}

interface SafetyRow {
  school_id: string;
  grade: number;
  module_version_id: string;
  respondents: number;
  upset: number;
}

/**
 * Outcomes beside delivery: pre/post gains per construct per school, grade and module version, with the number
 * of matched pairs. The answers are scored and aggregated in SQL in one pass over the district's responses for
 * the school year (scoring rules from the bundles are passed as an unnest table); no per-student query. Groups
 * under 5 matched pairs show "<5" and no means.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
  ) {}

  async report(actor: Actor, schoolYear: string): Promise<OutcomesReport | null> {
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) throw badInput('schoolYear must look like 2026-2027');
    const scope = await this.tenancy.reportingScope(actor);
    if (!scope) return null;
    const schools: { id: string; name: string }[] = await this.ds.query(
      `SELECT id, name FROM school
        WHERE district_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name`,
      [scope.district.id, scope.schoolIds],
    );
    const schoolIds = schools.map((s) => s.id);
    await this.audit.record({
      actorId: actor.userId,
      action: 'outcomes.read',
      targetType: 'district',
      targetId: scope.district.id,
      districtId: scope.district.id,
      detail: { schoolYear },
    });
    // Module versions assigned in these schools this school year, with their assessments.
    const versions: {
      id: string;
      module_id: string;
      version: string;
      title: LanguageMap;
      assessments: CompiledAssessment[] | null;
    }[] = await this.ds.query(
      `SELECT mv.id, mv.module_id, mv.version, mv.title, mv.bundle->'assessments' AS assessments
         FROM module_version mv
        WHERE mv.id IN (SELECT a.module_version_id FROM assignment a JOIN class_section c ON c.id = a.class_id
                         WHERE c.school_id = ANY($1::uuid[]) AND c.school_year = $2)`,
      [schoolIds, schoolYear],
    );
    const rules = versions.flatMap((v) => scoringRules(v.id, v.assessments ?? []));
    const base = { districtName: scope.district.name, schoolYear, generatedAt: new Date() };
    if (!rules.length) return { ...base, groups: [] };
    // Each student's first answer to each item of the pre/post assessments of classes this school year,
    // scored 0-100; then per student a mean per construct and assessment kind (shared with class insights).
    const { sql: scored, params } = scoredAnswers(rules, { schoolIds, schoolYear });
    const gainsQuery: Promise<GainRow[]> = this.ds.query(
      `${scored}
       SELECT pre.school_id, pre.grade, pre.module_version_id, pre.construct, count(*)::int AS pairs,
              avg(pre.score)::float8 AS pre_mean, avg(post.score)::float8 AS post_mean
         FROM per_student pre
         JOIN per_student post ON post.student_id = pre.student_id AND post.school_id = pre.school_id
          AND post.grade = pre.grade AND post.module_version_id = pre.module_version_id
          AND post.construct = pre.construct AND post.kind = 'post'
        WHERE pre.kind = 'pre' AND pre.construct <> '${SESSION_SAFETY}'
        GROUP BY pre.school_id, pre.grade, pre.module_version_id, pre.construct`,
      params,
    );
    // Session safety: below the scale midpoint on a safety item (after reversal) counts as "felt upsetting".
    const safetyQuery: Promise<SafetyRow[]> = this.ds.query(
      `${scored}
       SELECT school_id, grade, module_version_id, count(*)::int AS respondents,
              count(*) FILTER (WHERE low)::int AS upset
         FROM per_student WHERE kind = 'post' AND construct = '${SESSION_SAFETY}'
        GROUP BY school_id, grade, module_version_id`,
      params,
    );
    const [gains, safety] = await Promise.all([gainsQuery, safetyQuery]);
    const versionById = new Map(versions.map((v) => [v.id, v]));
    const measured = new Map(versions.map((v) => [v.id, measuredConstructs(rules, v.id)]));
    const groups = new Map<string, { schoolId: string; grade: number; mvId: string }>();
    const keyOf = (r: { school_id: string; grade: number; module_version_id: string }) =>
      `${r.school_id}|${r.grade}|${r.module_version_id}`;
    for (const r of [...gains, ...safety])
      groups.set(keyOf(r), { schoolId: r.school_id, grade: r.grade, mvId: r.module_version_id });
    const gainByKey = new Map(gains.map((g) => [`${keyOf(g)}|${g.construct}`, g]));
    const safetyByKey = new Map(safety.map((s) => [keyOf(s), s]));
    const out: OutcomeGroup[] = [...groups.entries()].map(([key, g]) => {
      const v = versionById.get(g.mvId)!;
      const constructs: ConstructOutcome[] = (measured.get(g.mvId) ?? []).map((construct) => {
        const row = gainByKey.get(`${key}|${construct}`);
        const pairs = row?.pairs ?? 0;
        if (!row || pairs < SMALL_GROUP_THRESHOLD)
          return { construct, pairs: String(displayCount(pairs)), preMean: null, postMean: null, gain: null };
        const pre = round1(row.pre_mean ?? 0);
        const post = round1(row.post_mean ?? 0);
        return { construct, pairs: String(pairs), preMean: pre, postMean: post, gain: round1(post - pre) };
      });
      const s = safetyByKey.get(key);
      return {
        schoolId: g.schoolId,
        schoolName: schools.find((x) => x.id === g.schoolId)?.name ?? '',
        grade: g.grade,
        moduleId: v.module_id,
        moduleVersion: v.version,
        moduleTitle: v.title.en ?? Object.values(v.title)[0] ?? v.module_id,
        constructs,
        sessionSafety: s
          ? {
              respondents: String(displayCount(s.respondents)),
              upsetPercent:
                s.respondents >= SMALL_GROUP_THRESHOLD ? round1((100 * s.upset) / s.respondents) : null,
            }
          : null,
      };
    });
    out.sort(
      (a, b) =>
        a.schoolName.localeCompare(b.schoolName) ||
        a.grade - b.grade ||
        a.moduleId.localeCompare(b.moduleId) ||
        a.moduleVersion.localeCompare(b.moduleVersion),
    );
    return { ...base, groups: out };
  }
}
