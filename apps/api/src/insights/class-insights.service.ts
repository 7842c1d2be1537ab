import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModuleVersion } from '@haven/curriculum';
import { displayCount, SMALL_GROUP_THRESHOLD } from '@haven/mandates';
import { choose, start, type ScenarioState } from '@haven/scenario-engine';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { localize } from '../catalog/localize';
import { notFound } from '../common/errors';
import {
  measuredConstructs,
  scoredAnswers,
  scoringRules,
  SESSION_SAFETY,
} from '../compliance/outcome-scoring';
import { ConstructOutcome } from '../compliance/outcomes.models';
import { School } from '../identity/school.entity';
import { Assignment } from '../learning/learning.entities';
import { ModuleBundles } from '../learning/module-bundles';
import { TenancyService } from '../tenancy/tenancy.service';
import { ClassInsights, NodeInsight, ScenarioInsight } from './class-insights.models';

const round1 = (n: number): number => Math.round(n * 10) / 10;

type Scenario = ModuleVersion['scenarios'][number];

/**
 * Per node of a scenario, the choice a student made there on their first visit, replaying the recorded path
 * (choice ids) through the scenario engine from the start node. `reached` holds every node visited, the start
 * node included. A path that no longer replays stops at its first refused step.
 */
export function choicesAlongPath(
  scenario: Scenario,
  path: readonly string[],
): { reached: Set<string>; choiceAt: Map<string, string> } {
  let state: ScenarioState = start(scenario);
  const reached = new Set<string>([state.nodeId]);
  const choiceAt = new Map<string, string>();
  for (const choiceId of path) {
    const at = state.nodeId;
    try {
      state = choose(scenario, state, choiceId).state;
    } catch {
      break;
    }
    if (!choiceAt.has(at)) choiceAt.set(at, choiceId);
    reached.add(state.nodeId);
  }
  return { reached, choiceAt };
}

/** Share of a class choosing each option of each node, from each student's first run of each scenario. */
export function scenarioInsights(
  b: ModuleVersion,
  lang: string,
  runs: readonly { scenario_id: string; path: string[] }[],
): ScenarioInsight[] {
  return b.scenarios.map((sc) => {
    const walks = runs.filter((r) => r.scenario_id === sc.id).map((r) => choicesAlongPath(sc, r.path));
    const nodes: NodeInsight[] = sc.nodes
      .filter((n) => n.choices.length > 0)
      .map((n) => {
        const reachedBy = walks.filter((w) => w.reached.has(n.id));
        const shown = reachedBy.length >= SMALL_GROUP_THRESHOLD;
        const counts = n.choices.map((c) => reachedBy.filter((w) => w.choiceAt.get(n.id) === c.id).length);
        const chosen = counts.reduce((s, x) => s + x, 0);
        return {
          nodeId: n.id,
          text: localize(n.text, lang, b.sourceLanguage),
          reached: String(displayCount(reachedBy.length)),
          notYetChosen: shown ? reachedBy.length - chosen : null,
          choices: n.choices.map((c, i) => ({
            choiceId: c.id,
            text: localize(c.text, lang, b.sourceLanguage),
            count: shown ? counts[i]! : null,
            percent: shown ? round1((100 * counts[i]!) / reachedBy.length) : null,
          })),
        };
      });
    return { scenarioId: sc.id, title: localize(sc.title, lang, b.sourceLanguage), nodes };
  });
}

/**
 * Class insights for the teacher of an assignment: aggregates only, no student named. Who may read them is
 * decided exactly as for the assignment's progress (the class through TenancyService); every read is audited.
 */
@Injectable()
export class ClassInsightsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly bundles: ModuleBundles,
    private readonly audit: AuditService,
  ) {}

  async insights(actor: Actor, assignmentId: string, displayLanguage?: string): Promise<ClassInsights> {
    const assignment = await this.ds.getRepository(Assignment).findOne({ where: { id: assignmentId } });
    const cls = assignment ? await this.tenancy.findClass(actor, assignment.classId) : null;
    if (!assignment || !cls) throw notFound('The assignment');
    const b = await this.bundles.get(assignment.moduleVersionId);
    const wanted = displayLanguage ?? actor.preferredLanguage;
    const lang = b.languages.includes(wanted) ? wanted : b.sourceLanguage;

    // Pre/post: the district report's scoring, over this assignment's attempts only; session safety is left to
    // the district report (across a school and grade), where a class's few answers cannot point to a student.
    const rules = scoringRules(assignment.moduleVersionId, b.assessments);
    const gains: { construct: string; pairs: number; pre_mean: number; post_mean: number }[] = [];
    if (rules.length) {
      const { sql, params } = scoredAnswers(rules, { assignmentId: assignment.id });
      gains.push(
        ...((await this.ds.query(
          `${sql}
           SELECT pre.construct, count(*)::int AS pairs, avg(pre.score)::float8 AS pre_mean,
                  avg(post.score)::float8 AS post_mean
             FROM per_student pre
             JOIN per_student post ON post.student_id = pre.student_id
              AND post.module_version_id = pre.module_version_id AND post.construct = pre.construct
              AND post.kind = 'post'
            WHERE pre.kind = 'pre' AND pre.construct <> '${SESSION_SAFETY}'
            GROUP BY pre.construct`,
          params,
        )) as typeof gains),
      );
    }
    const constructs: ConstructOutcome[] = measuredConstructs(rules, assignment.moduleVersionId).map(
      (construct) => {
        const row = gains.find((g) => g.construct === construct);
        const pairs = row?.pairs ?? 0;
        if (!row || pairs < SMALL_GROUP_THRESHOLD)
          return { construct, pairs: String(displayCount(pairs)), preMean: null, postMean: null, gain: null };
        const pre = round1(row.pre_mean);
        const post = round1(row.post_mean);
        return { construct, pairs: String(pairs), preMean: pre, postMean: post, gain: round1(post - pre) };
      },
    );

    // Each student's first run of each scenario (run_no 1); its path holds choice ids in order.
    const runs: { scenario_id: string; path: string[] }[] = await this.ds.query(
      `SELECT r.scenario_id, r.path
         FROM scenario_run r
         JOIN attempt t ON t.id = r.attempt_id
        WHERE t.assignment_id = $1 AND t.module_version_id = $2 AND r.run_no = 1`,
      [assignment.id, assignment.moduleVersionId],
    );

    await this.audit.record({
      actorId: actor.userId,
      action: 'insights.read',
      targetType: 'assignment',
      targetId: assignment.id,
      districtId:
        (await this.ds.getRepository(School).findOne({ where: { id: cls.schoolId } }))?.districtId ?? null,
    });
    return {
      assignmentId: assignment.id,
      language: lang,
      constructs,
      scenarios: scenarioInsights(b, lang, runs),
    };
  }
}
