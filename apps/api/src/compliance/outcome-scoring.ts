import { LIKERT_SCALES, type CompiledAssessment } from '@haven/curriculum';

/** The constructs reported as pre/post gains, in display order; session safety is reported on its own. */
export const GAIN_CONSTRUCTS = ['knowledge', 'attitudes', 'help-seeking-intention', 'self-efficacy'] as const;
export const SESSION_SAFETY = 'session-safety';

/** How one item of one module version's pre or post assessment is scored (0-100). */
export interface ItemScoring {
  moduleVersionId: string;
  assessmentId: string;
  kind: 'pre' | 'post';
  itemId: string;
  construct: string;
  /** The correct answer as recorded ("true", an option id), for keyed items. */
  key: string | null;
  /** Number of Likert points, for Likert items. */
  points: number | null;
  reverse: boolean;
}

/**
 * Scoring rules from a module version's assessments: keyed items (multiple choice, true/false) score 100 when
 * the answer matches the key, 0 otherwise; Likert items score (value - 1) / (points - 1) * 100, reversed for
 * `reverse` items. Items with neither (an unkeyed multiple choice) are not scored.
 */
export function scoringRules(
  moduleVersionId: string,
  assessments: readonly CompiledAssessment[],
): ItemScoring[] {
  const out: ItemScoring[] = [];
  for (const a of assessments) {
    if (a.kind !== 'pre' && a.kind !== 'post') continue;
    for (const it of a.items) {
      const base = {
        moduleVersionId,
        assessmentId: a.id,
        kind: a.kind,
        itemId: it.id,
        construct: it.construct,
      };
      if (it.type === 'likert') {
        const scale: Record<string, readonly string[]> | undefined = LIKERT_SCALES[it.scale];
        const points = scale?.en?.length ?? Object.values(it.labels)[0]?.length ?? 0;
        if (points >= 2) out.push({ ...base, key: null, points, reverse: it.reverse });
      } else if (a.answerKey[it.id] !== undefined) {
        out.push({ ...base, key: String(a.answerKey[it.id]), points: null, reverse: false });
      }
    }
  }
  return out;
}

/** The gain constructs a module version asks both before and after (only those can have matched pairs). */
export function measuredConstructs(rules: readonly ItemScoring[], moduleVersionId: string): string[] {
  const asked = (kind: 'pre' | 'post') =>
    new Set(
      rules.filter((r) => r.moduleVersionId === moduleVersionId && r.kind === kind).map((r) => r.construct),
    );
  const pre = asked('pre');
  const post = asked('post');
  return GAIN_CONSTRUCTS.filter((c) => pre.has(c) && post.has(c));
}

/** Whose answers are scored: every class of some schools in a school year, or the attempts of one assignment. */
export type ScoringFilter = { schoolIds: readonly string[]; schoolYear: string } | { assignmentId: string };

/**
 * The `WITH … per_student` SQL that scores answers, shared by the district outcomes report and the class
 * insights so both read the same numbers: each student's first answer to each item of the pre/post assessments
 * in the filter, scored 0-100 by `rules` (passed as an unnest table); then per student a mean per construct and
 * assessment kind (`low`: some item of that construct scored under 50). Columns of `per_student`: school_id,
 * grade, student_id, module_version_id, kind, construct, score, low. Append a SELECT over `per_student`.
 */
export function scoredAnswers(
  rules: readonly ItemScoring[],
  filter: ScoringFilter,
): { sql: string; params: unknown[] } {
  const col = <K extends keyof ItemScoring>(k: K) => rules.map((r) => r[k]);
  const params: unknown[] = [
    col('moduleVersionId'),
    col('assessmentId'),
    col('kind'),
    col('itemId'),
    col('construct'),
    col('key'),
    col('points'),
    col('reverse'),
  ];
  let where: string;
  if ('assignmentId' in filter) {
    params.push(filter.assignmentId);
    where = 'a.id = $9::uuid';
  } else {
    params.push([...filter.schoolIds], filter.schoolYear);
    where = 'c.school_id = ANY($9::uuid[]) AND c.school_year = $10';
  }
  const sql = `WITH rules AS (
        SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                             $7::int[], $8::boolean[])
          AS x(module_version_id, assessment_id, kind, item_id, construct, key, points, reverse)),
      answers AS (
        SELECT DISTINCT ON (t.student_id, t.module_version_id, r.assessment_id, r.item_id)
               c.school_id, u.grade_level AS grade, t.student_id, t.module_version_id, r.assessment_id, r.item_id,
               r.response
          FROM assessment_response r
          JOIN attempt t ON t.id = r.attempt_id
          JOIN assignment a ON a.id = t.assignment_id
          JOIN class_section c ON c.id = a.class_id
          JOIN app_user u ON u.id = t.student_id
         WHERE ${where}
         ORDER BY t.student_id, t.module_version_id, r.assessment_id, r.item_id, r.answered_at),
      scored AS (
        SELECT s.school_id, s.grade, s.student_id, s.module_version_id, x.kind, x.construct,
               CASE WHEN x.key IS NOT NULL THEN CASE WHEN s.response = x.key THEN 100.0 ELSE 0.0 END
                    WHEN s.response ~ '^[0-9]+$' AND s.response::int BETWEEN 1 AND x.points THEN
                      (CASE WHEN x.reverse THEN x.points - s.response::int ELSE s.response::int - 1 END) * 100.0
                        / (x.points - 1)
               END AS score
          FROM answers s
          JOIN rules x ON x.module_version_id = s.module_version_id AND x.assessment_id = s.assessment_id
                      AND x.item_id = s.item_id),
      per_student AS (
        SELECT school_id, grade, student_id, module_version_id, kind, construct, avg(score) AS score,
               bool_or(score < 50) AS low
          FROM scored WHERE score IS NOT NULL
         GROUP BY school_id, grade, student_id, module_version_id, kind, construct)`;
  return { sql, params };
}
