import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModuleVersion } from '@haven/curriculum';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { fromBundle } from '../catalog/catalog.service';
import { localize } from '../catalog/localize';
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import { appError, badInput, notFound } from '../common/errors';
import { ClassSection } from '../identity/class-section.entity';
import { School } from '../identity/school.entity';
import { TenancyService } from '../tenancy/tenancy.service';
import { AssessmentResponse, Assignment, Attempt, ProgressEvent, ScenarioRun } from './learning.entities';
import {
  AssignModuleInput,
  AssignmentModel,
  AssignmentProgressView,
  AssignmentStatus,
  AttemptProgress,
  MoveAssignmentToVersionInput,
  StudentAssignment,
  StudentModule,
  SubmitProgressInput,
  SubmitProgressResult,
} from './learning.models';
import { ModuleBundles } from './module-bundles';
import { TrainingService } from '../training/training.service';
import { ConsentService } from '../consent/consent.service';
import { preparedQuery } from '../database/prepared';
import { batchedCacheLoader, batchLoader } from '../common/batch-loader';
import { RefreshingCache } from '../common/refreshing-cache';
import { AttemptSnapshot, planProgress, ProgressPlan } from './progress-rules';
import { ProgressWriter } from './progress-writer';

function statusOf(attempt: Attempt | undefined): AssignmentStatus {
  if (!attempt) return 'not_started';
  return attempt.status === 'completed' ? 'completed' : 'in_progress';
}

/** How long a student's access to an assignment is remembered between submissions. */
const ACCESS_TTL_MS = 30_000;
const MAX_CACHED_SNAPSHOTS = 50_000;
/** The attempt id of a student who never started (the record reads as not started). */
const NO_ATTEMPT = '00000000-0000-4000-8000-000000000000';

/** The record after a successful write of `plan` on `snap`. */
function afterWrite(snap: AttemptSnapshot, plan: ProgressPlan): AttemptSnapshot {
  const changed = new Set(plan.runs.map((r) => `${r.scenarioId}#${r.runNo}`));
  return {
    ...snap,
    ...plan.attempt,
    version: snap.version + 1,
    runs: [...snap.runs.filter((r) => !changed.has(`${r.scenarioId}#${r.runNo}`)), ...plan.runs],
    answers: [...snap.answers, ...plan.answers],
    seen: new Map(),
  };
}

/** Whether a student may work on an assignment: it is open in one of their classes, and consent allows it. */
interface StudentAccess {
  assignment: Assignment;
  eligible: boolean;
}

/** Assignments, and students' progress through them. Every rule a submitted event must meet lives here. */
@Injectable()
export class LearningService {
  /** Whether a student may work on an assignment, by `student:assignment` (see `studentAssignment`). */
  private readonly access = new RefreshingCache<string, StudentAccess | null>(ACCESS_TTL_MS, 100_000);
  /** Access checks asked for together (a classroom's first steps) go as one, and so do background reloads. */
  private readonly loadAccessOf = batchedCacheLoader((keys: readonly string[]) => this.loadAccess(keys));
  /** Records read together when many students' first steps arrive at once. */
  private readonly snapshotLoads = batchLoader((keys: readonly SnapshotKey[]) => this.loadSnapshots(keys));
  /** The record as this process last wrote it, per student and assignment (see `submit`). */
  private readonly snapshots = new Map<string, AttemptSnapshot>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly bundles: ModuleBundles,
    private readonly audit: AuditService,
    private readonly training: TrainingService,
    private readonly consent: ConsentService,
    private readonly writer: ProgressWriter,
  ) {}

  // ---- teachers -------------------------------------------------------------------------------------

  async assign(actor: Actor, input: AssignModuleInput): Promise<AssignmentModel> {
    const cls = await this.tenancy.findClass(actor, input.classId);
    if (!cls) throw notFound('Class');
    const qb = this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .where('v.module_id = :id', { id: input.moduleId });
    if (input.version) qb.andWhere('v.version = :version', { version: input.version });
    const version = await qb.orderBy('v.version_sort', 'DESC').getOne();
    if (!version)
      throw notFound(
        input.version ? `Module ${input.moduleId} version ${input.version}` : `Module ${input.moduleId}`,
      );
    const opensAt = input.opensAt ?? new Date();
    if (input.dueAt && input.dueAt <= opensAt) throw badInput('dueAt must be after opensAt');
    await this.ensureMayAssign(actor, cls, version, opensAt);
    const row = await this.ds.transaction(async (m) => {
      await this.ensureNotAssigned(m, cls.id, version);
      const saved = await m.getRepository(Assignment).save({
        classId: cls.id,
        moduleVersionId: version.id,
        assignedBy: actor.userId,
        opensAt,
        dueAt: input.dueAt ?? null,
      });
      const school = await m
        .getRepository(ClassSection)
        .findOne({ where: { id: cls.id }, relations: { school: true } });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'assignment.create',
          targetType: 'assignment',
          targetId: saved.id,
          districtId: school?.school?.districtId ?? null,
          detail: { classId: cls.id, module: `${version.moduleId}@${version.version}` },
        },
        m,
      );
      return saved;
    });
    return this.toAssignmentModel(row, version, actor.preferredLanguage);
  }

  /**
   * The checks a module version must pass before `actor` may give it to `cls` (assigning it, or moving an
   * assignment to it): written for the class's grades, and the actor holds the trainings it requires on `at`.
   */
  private async ensureMayAssign(
    actor: Actor,
    cls: ClassSection,
    version: ModuleVersionEntity,
    at: Date,
  ): Promise<void> {
    if (!cls.gradeLevels.some((g) => version.grades.includes(g))) {
      throw badInput(
        `This module is written for grades ${version.grades.join(', ')}; this class is grade ${cls.gradeLevels.join(', ')}. ` +
          'Choose a module for the class’s grade band.',
      );
    }
    const bundle = await this.bundles.get(version.id);
    const missing = await this.training.missing(actor.userId, bundle.facilitator.trainings, at);
    if (missing.length) {
      throw badInput(
        `Only staff trained to deliver this module may assign it. You need: ${missing.map((c) => c.title).join('; ')}. ` +
          'Ask your school or district admin to record the training, or complete it in Haven.',
        { missingTrainings: missing.map((c) => c.code) },
      );
    }
  }

  /**
   * Moves an assignment to a newer version of the same module. Only while no student has started it: a
   * started attempt belongs to the version it was made with (its steps and answers refer to that version).
   * The caller must be allowed to assign the target version to the class, exactly as `assign` checks.
   */
  async moveToVersion(actor: Actor, input: MoveAssignmentToVersionInput): Promise<AssignmentModel> {
    const assignment = await this.ds.getRepository(Assignment).findOne({ where: { id: input.assignmentId } });
    const cls = assignment ? await this.tenancy.findClass(actor, assignment.classId) : null;
    if (!assignment || !cls) throw notFound('Assignment');
    const versions = this.ds.getRepository(ModuleVersionEntity);
    const current = await versions.findOneOrFail({ where: { id: assignment.moduleVersionId } });
    const target = await versions.findOne({ where: { moduleId: current.moduleId, version: input.version } });
    if (!target) throw notFound(`Module ${current.moduleId} version ${input.version}`);
    if (target.versionSort <= current.versionSort) {
      throw badInput(
        `This assignment uses version ${current.version}; it can only move to a newer version of ${current.moduleId}, ` +
          `and ${target.version} is not newer.`,
      );
    }
    const now = new Date();
    await this.ensureMayAssign(actor, cls, target, assignment.opensAt > now ? assignment.opensAt : now);
    const row = await this.ds.transaction(async (m) => {
      // The lock waits for any student whose first step is being recorded (the attempt references this row).
      const locked = await m
        .getRepository(Assignment)
        .findOneOrFail({ where: { id: assignment.id }, lock: { mode: 'pessimistic_write' } });
      if (locked.moduleVersionId !== current.id) {
        throw appError('CONFLICT', 'This assignment was changed at the same time. Reload it and try again.');
      }
      if (await m.getRepository(Attempt).exists({ where: { assignmentId: assignment.id } })) {
        throw badInput(
          `Students have already started this assignment, so it stays on version ${current.version}. ` +
            `To use version ${target.version}, assign it to the class as a new assignment.`,
        );
      }
      await this.ensureNotAssigned(m, cls.id, target);
      await m.getRepository(Assignment).update({ id: assignment.id }, { moduleVersionId: target.id });
      const school = await m.getRepository(School).findOne({ where: { id: cls.schoolId } });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'assignment.move_version',
          targetType: 'assignment',
          targetId: assignment.id,
          districtId: school?.districtId ?? null,
          detail: {
            classId: cls.id,
            from: `${current.moduleId}@${current.version}`,
            to: `${target.moduleId}@${target.version}`,
          },
        },
        m,
      );
      return { ...locked, moduleVersionId: target.id };
    });
    // Students' remembered access holds the assignment as it was: forget it.
    this.access.deleteWhere((key) => key.endsWith(`:${assignment.id}`));
    return this.toAssignmentModel(row, target, actor.preferredLanguage);
  }

  /**
   * A class gets each version of a module once: students would otherwise see the same module twice. (A newer
   * version may be assigned beside an older one that students have started.) Locks the class's row, so two
   * submits of the form, or two teachers of the class, cannot both pass the check. Inside the caller's transaction.
   */
  private async ensureNotAssigned(
    m: EntityManager,
    classId: string,
    version: ModuleVersionEntity,
  ): Promise<void> {
    await m.query(`SELECT id FROM class_section WHERE id = $1 FOR UPDATE`, [classId]);
    const [already]: { id: string }[] = await m.query(
      `SELECT id FROM assignment WHERE class_id = $1 AND module_version_id = $2 LIMIT 1`,
      [classId, version.id],
    );
    if (already)
      throw appError(
        'CONFLICT',
        `Version ${version.version} of ${version.moduleId} is already assigned to this class.`,
        { assignmentId: already.id },
      );
  }

  async classAssignments(actor: Actor, classId: string): Promise<AssignmentModel[]> {
    const rows = await this.tenancy.assignmentsOfClass(actor, classId);
    if (!rows.length) return [];
    const versions = await this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .where('v.id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.moduleVersionId))] })
      .getMany();
    const byId = new Map(versions.map((v) => [v.id, v]));
    return rows.map((r) => this.toAssignmentModel(r, byId.get(r.moduleVersionId)!, actor.preferredLanguage));
  }

  /**
   * Per student of the class: status, steps done, current step, excused topics and reflections. Only for staff
   * who may see the class (TenancyService); every read is audited, as it shows student records. Reflection
   * texts are private to the student and their teachers: only a teacher of the class (a class_teacher row,
   * decided once per request) gets them; admins who may see the class get each reflection without its text.
   */
  async assignmentProgress(actor: Actor, assignmentId: string): Promise<AssignmentProgressView | null> {
    const assignment = await this.ds.getRepository(Assignment).findOne({ where: { id: assignmentId } });
    if (!assignment) return null;
    const cls = await this.tenancy.findClass(actor, assignment.classId);
    if (!cls) return null;
    const b = await this.bundles.get(assignment.moduleVersionId);
    const lang = this.languageFor(actor, b);
    const version = await this.ds
      .getRepository(ModuleVersionEntity)
      .findOneOrFail({ where: { id: assignment.moduleVersionId } });
    const teaches = await this.tenancy.teachesClass(actor, cls.id);
    const rows: {
      id: string;
      username: string;
      display_name: string;
      grade_level: number;
      status: string | null;
      completed_steps: number[] | null;
      step_index: number | null;
      alternative_topics: string[] | null;
      updated_at: Date | null;
      reflections: { id: string; promptId: string; text: string | null; at: string }[];
      needs_follow_up: boolean;
    }[] = await this.ds.query(
      `SELECT u.id, u.username, u.display_name, u.grade_level, t.status, t.completed_steps, t.step_index,
              t.alternative_topics, t.updated_at,
              EXISTS (SELECT 1 FROM safeguarding_alert sa
                       WHERE sa.student_id = u.id AND sa.school_id = $3 AND sa.acknowledged_at IS NULL) AS needs_follow_up,
              coalesce((SELECT json_agg(json_build_object('id', p.id, 'promptId', p.payload->>'promptId',
                                                          'text', CASE WHEN $4 THEN p.payload->>'text' END,
                                                          'at', p.client_at) ORDER BY p.received_at)
                          FROM progress_event p WHERE p.attempt_id = t.id AND p.kind = 'reflection'), '[]'::json) AS reflections
         FROM enrollment e
         JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
         LEFT JOIN attempt t ON t.student_id = u.id AND t.assignment_id = $2
        WHERE e.class_id = $1
        ORDER BY u.display_name, u.username`,
      [assignment.classId, assignment.id, cls.schoolId, teaches],
    );
    await this.audit.record({
      actorId: actor.userId,
      action: 'progress.read',
      targetType: 'assignment',
      targetId: assignment.id,
      districtId:
        (await this.ds.getRepository(School).findOne({ where: { id: cls.schoolId } }))?.districtId ?? null,
      detail: { students: rows.length, reflectionTexts: teaches },
    });
    const excused = await this.consent.ineligibleInClass(assignment.classId, b.id);
    const titles = fromBundle.lessons(b, lang).map((l) => [l.id, l.title] as const);
    const titleOf = (kind: string, id: string): string =>
      (kind === 'lesson'
        ? titles.find(([x]) => x === id)?.[1]
        : kind === 'scenario'
          ? localize(b.scenarios.find((x) => x.id === id)?.title, lang, b.sourceLanguage)
          : localize(b.assessments.find((x) => x.id === id)?.title, lang, b.sourceLanguage)) ?? id;
    return {
      assignment: this.toAssignmentModel(assignment, version, lang),
      steps: b.sequence.map((step, index) => ({
        index,
        kind: step.kind,
        id: step.id,
        title: titleOf(step.kind, step.id),
      })),
      students: rows.map((r) => ({
        student: { id: r.id, username: r.username, displayName: r.display_name, gradeLevel: r.grade_level },
        status: r.status === null ? 'not_started' : r.status === 'completed' ? 'completed' : 'in_progress',
        completedSteps: r.completed_steps ?? [],
        currentStep: r.step_index,
        alternativeTopics: r.alternative_topics ?? [],
        lastActivityAt: r.updated_at,
        reflections: r.reflections.map((x) => ({ ...x, at: new Date(x.at) })),
        excusedForConsent: excused.has(r.id),
        needsFollowUp: r.needs_follow_up,
      })),
    };
  }

  private toAssignmentModel(a: Assignment, v: ModuleVersionEntity, language: string): AssignmentModel {
    return {
      id: a.id,
      classId: a.classId,
      moduleId: v.moduleId,
      version: v.version,
      title: localize(v.title, language, v.sourceLanguage),
      opensAt: a.opensAt,
      dueAt: a.dueAt,
    };
  }

  // ---- students ---------------------------------------------------------------------------------------

  async myLessons(actor: Actor): Promise<StudentAssignment[]> {
    const assignments = await this.tenancy.assignmentsOfStudent(actor);
    if (!assignments.length) return [];
    const ids = assignments.map((a) => a.id);
    const [attempts, classes] = await Promise.all([
      this.ds
        .getRepository(Attempt)
        .createQueryBuilder('t')
        .where('t.student_id = :me AND t.assignment_id IN (:...ids)', { me: actor.userId, ids })
        .getMany(),
      this.ds
        .getRepository(ClassSection)
        .createQueryBuilder('c')
        .where('c.id IN (:...ids)', { ids: [...new Set(assignments.map((a) => a.classId))] })
        .getMany(),
    ]);
    const attemptOf = new Map(attempts.map((t) => [t.assignmentId, t]));
    const classOf = new Map(classes.map((c) => [c.id, c]));
    const bundles = await Promise.all(assignments.map((a) => this.bundles.get(a.moduleVersionId)));
    const answers = await this.consent.eligibilities(
      assignments.map((a, i) => ({ studentId: actor.userId, classId: a.classId, moduleId: bundles[i].id })),
    );
    const out: StudentAssignment[] = [];
    for (const [i, a] of assignments.entries()) {
      const b = bundles[i];
      const lang = this.languageFor(actor, b);
      const attempt = attemptOf.get(a.id);
      const { eligible } = answers[i];
      out.push({
        id: a.id,
        moduleId: b.id,
        title: localize(b.title, lang, b.sourceLanguage),
        summary: localize(b.summary, lang, b.sourceLanguage),
        estimatedMinutes: b.estimatedMinutes,
        className: classOf.get(a.classId)?.name ?? '',
        opensAt: a.opensAt,
        dueAt: a.dueAt,
        status: statusOf(attempt),
        completedSteps: attempt?.completedSteps.length ?? 0,
        totalSteps: b.sequence.length,
        excused: !eligible,
      });
    }
    return out;
  }

  async myModule(actor: Actor, assignmentId: string): Promise<StudentModule | null> {
    const access = await this.freshStudentAssignment(actor, assignmentId);
    if (!access) return null;
    // A student without the parental consent the state requires (or opted out) never receives the content.
    const { assignment, eligible } = access;
    const b = await this.bundles.get(assignment.moduleVersionId);
    const lang = this.languageFor(actor, b);
    const attempt = await this.ds
      .getRepository(Attempt)
      .findOne({ where: { studentId: actor.userId, assignmentId } });
    const lessons = eligible ? fromBundle.lessons(b, lang).map((l) => ({ ...l, notes: [] })) : [];
    const scenarios = eligible ? fromBundle.scenarios(b, lang) : [];
    const assessments = eligible ? fromBundle.assessments(b, lang) : [];
    const titleOf = (kind: string, id: string): string =>
      (kind === 'lesson' ? lessons : kind === 'scenario' ? scenarios : assessments).find((x) => x.id === id)
        ?.title ?? id;
    const alt = (b as ModuleVersion & { alternativeActivity?: Record<string, string> }).alternativeActivity;
    return {
      assignmentId,
      moduleId: b.id,
      version: b.version,
      language: lang,
      title: localize(b.title, lang, b.sourceLanguage),
      contentWarnings: fromBundle.contentWarnings(b, lang),
      alternativeActivity: alt ? localize(alt, lang, b.sourceLanguage) : null,
      steps: eligible
        ? b.sequence.map((s, index) => ({ index, kind: s.kind, id: s.id, title: titleOf(s.kind, s.id) }))
        : [],
      excused: !eligible,
      lessons,
      scenarios,
      assessments,
      progress: await this.progressOf(this.ds.manager, attempt ?? undefined),
    };
  }

  /**
   * The assignment if this student may work on it (tenancy decides), remembered briefly: a class of students
   * submitting steps should not re-check enrolment on every step.
   */
  private async studentAssignment(actor: Actor, assignmentId: string): Promise<StudentAccess | null> {
    if (actor.kind !== 'student') return null;
    const key = `${actor.userId}:${assignmentId}`;
    return this.access.get(key, (why) => this.loadAccessOf(key, why));
  }

  /**
   * `studentAssignment` checked now rather than remembered (opening the module), through the same batched
   * loader; the answer is then remembered, so the first steps after the page opens do not ask again.
   */
  private async freshStudentAssignment(actor: Actor, assignmentId: string): Promise<StudentAccess | null> {
    if (actor.kind !== 'student') return null;
    const key = `${actor.userId}:${assignmentId}`;
    const access = await this.loadAccessOf(key, 'miss');
    this.access.set(key, access);
    return access;
  }

  /** Access for many `student:assignment` keys: one statement for the assignments, one for consent. */
  private async loadAccess(keys: readonly string[]): Promise<(StudentAccess | null)[]> {
    const asked = keys.map((key) => {
      const [studentId, assignmentId] = key.split(':');
      return { studentId, assignmentId };
    });
    const assignments = await this.tenancy.assignmentsForStudents(asked);
    const found = await Promise.all(
      assignments.map(async (assignment, i) =>
        assignment
          ? {
              assignment,
              studentId: asked[i].studentId,
              moduleId: (await this.bundles.get(assignment.moduleVersionId)).id,
            }
          : null,
      ),
    );
    const open = found.filter((f) => f !== null);
    const answers = await this.consent.eligibilities(
      open.map((f) => ({ studentId: f.studentId, classId: f.assignment.classId, moduleId: f.moduleId })),
    );
    const eligible = new Map(open.map((f, i) => [f, answers[i].eligible]));
    return found.map((f) => (f ? { assignment: f.assignment, eligible: eligible.get(f)! } : null));
  }

  private languageFor(actor: Actor, b: ModuleVersion): string {
    return b.languages.includes(actor.preferredLanguage) ? actor.preferredLanguage : b.sourceLanguage;
  }

  /**
   * Applies a batch of events in order, in one transaction, under a lock on the student's attempt, so two
   * devices never interleave. An id seen before is a duplicate (a retry) and changes nothing; an event the
   * rules refuse is rejected with a code and changes nothing; the others are recorded.
   */
  /**
   * Records a batch of events in order. Read the record (one query), decide every event in memory
   * (`planProgress`), then write everything in one statement that only succeeds if the record's version is
   * unchanged; if another device wrote in between, read and decide again. A retried event id is a duplicate
   * and changes nothing; an event the rules refuse is rejected with a code and changes nothing.
   */
  async submit(actor: Actor, input: SubmitProgressInput): Promise<SubmitProgressResult> {
    const access = await this.studentAssignment(actor, input.assignmentId);
    if (!access) throw notFound('Assignment');
    const { assignment } = access;
    if (!access.eligible) {
      // Opted out, or no written consent where the state requires it: nothing of the module is recorded.
      const attempt = await this.ds
        .getRepository(Attempt)
        .findOne({ where: { studentId: actor.userId, assignmentId: assignment.id } });
      return {
        attemptId: attempt?.id ?? NO_ATTEMPT,
        results: input.events.map((e) => ({
          id: e.id,
          outcome: 'rejected' as const,
          code: 'NOT_ELIGIBLE',
          message:
            'This student is excused from this module under the parental consent rules: show the alternative activity.',
        })),
      };
    }
    const bundle = await this.bundles.get(assignment.moduleVersionId);
    const ids = input.events.map((e) => e.id);
    const key = `${actor.userId}:${assignment.id}`;
    for (let attemptNo = 0; attemptNo < 8; attemptNo++) {
      // The last record this process wrote for the student saves a read; the version check catches any other writer.
      const cached = this.snapshots.get(key);
      const snap = cached ?? (await this.snapshot(actor.userId, assignment, ids));
      const plan = planProgress(bundle, snap, input.events);
      // A cached record does not know which event ids were stored before: a refusal may really be a retry.
      if (cached && plan.results.some((r) => r.outcome === 'rejected')) {
        this.snapshots.delete(key);
        continue;
      }
      if (plan.events.length === 0) return { results: plan.results, attemptId: snap.attemptId };
      let written: boolean;
      try {
        written = await this.writer.write(snap, plan);
      } catch (e) {
        const code = (e as { code?: string }).code;
        // An event id already stored (a retry the cached record could not know), or a statement that met
        // another process's in a deadlock and was undone: read the record and judge again.
        if ((code === '23505' && cached) || code === '40P01') {
          this.snapshots.delete(key);
          continue;
        }
        throw e;
      }
      if (written) {
        this.remember(key, afterWrite(snap, plan));
        return { results: plan.results, attemptId: snap.attemptId };
      }
      this.snapshots.delete(key);
    }
    throw appError('CONFLICT', 'This record is being changed from another device. Try again in a moment.');
  }

  private remember(key: string, snap: AttemptSnapshot): void {
    if (this.snapshots.size >= MAX_CACHED_SNAPSHOTS)
      this.snapshots.delete(this.snapshots.keys().next().value as string);
    this.snapshots.delete(key);
    this.snapshots.set(key, snap);
  }

  private snapshot(studentId: string, assignment: Assignment, ids: string[]): Promise<AttemptSnapshot> {
    return this.snapshotLoads.load({ studentId, assignment, ids });
  }

  /**
   * The records of many students (a classroom's first steps reach the server together), with which of the
   * given event ids are stored already and where: one statement, and one more to start the records that do
   * not exist yet. Answers in the order asked.
   */
  private async loadSnapshots(asked: readonly SnapshotKey[]): Promise<AttemptSnapshot[]> {
    const read = (keys: readonly SnapshotKey[]): Promise<(SnapshotRow & { i: string })[]> =>
      preparedQuery<SnapshotRow & { i: string }>(
        this.ds,
        'haven_progress_snapshots',
        `SELECT k.i, t.id, t.version, t.status, t.step_index, t.block_index, t.completed_steps, t.alternative_topics, t.completed_at,
                (SELECT coalesce(json_agg(json_build_array(p.id, p.attempt_id)), '[]'::json)
                   FROM progress_event p WHERE p.id = ANY($3::uuid[])) AS seen,
                (SELECT coalesce(json_agg(json_build_array(r.scenario_id, r.run_no, r.path, r.ended, r.outcome)), '[]'::json)
                   FROM scenario_run r WHERE r.attempt_id = t.id) AS runs,
                (SELECT coalesce(json_agg(json_build_array(a.assessment_id, a.item_id, a.response, a.correct)), '[]'::json)
                   FROM assessment_response a WHERE a.attempt_id = t.id) AS answers
           FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(student_id, assignment_id, i)
           JOIN attempt t ON t.student_id = k.student_id AND t.assignment_id = k.assignment_id`,
        [keys.map((k) => k.studentId), keys.map((k) => k.assignment.id), keys.flatMap((k) => k.ids)],
      );
    const rows = new Map((await read(asked)).map((row) => [Number(row.i) - 1, row]));
    const missing = asked.map((_, i) => i).filter((i) => !rows.has(i));
    if (missing.length > 0) {
      const start = missing.map((i) => asked[i]);
      await this.ds.query(
        `INSERT INTO attempt (student_id, assignment_id, module_version_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
         ON CONFLICT (student_id, assignment_id) DO NOTHING`,
        [
          start.map((k) => k.studentId),
          start.map((k) => k.assignment.id),
          start.map((k) => k.assignment.moduleVersionId),
        ],
      );
      const started = await read(start);
      for (const row of started) rows.set(missing[Number(row.i) - 1], row);
    }
    return asked.map((_, i) => snapshotOf(rows.get(i)!));
  }

  /** The record after a submission (read when the client asks for it). */
  async progressFor(attemptId: string): Promise<AttemptProgress> {
    const attempt = await this.ds.getRepository(Attempt).findOne({ where: { id: attemptId } });
    return this.progressOf(this.ds.manager, attempt ?? undefined);
  }

  private async progressOf(m: EntityManager, attempt: Attempt | undefined): Promise<AttemptProgress> {
    if (!attempt)
      return {
        status: 'not_started',
        stepIndex: 0,
        blockIndex: 0,
        completedSteps: [],
        alternativeTopics: [],
        scenarioRuns: [],
        answers: [],
        reflections: [],
      };
    // One after another: inside a transaction they share one connection.
    const runs = await m
      .getRepository(ScenarioRun)
      .find({ where: { attemptId: attempt.id }, order: { scenarioId: 'ASC', runNo: 'ASC' } });
    const answers = await m.getRepository(AssessmentResponse).find({ where: { attemptId: attempt.id } });
    const reflections = await m
      .getRepository(ProgressEvent)
      .find({ where: { attemptId: attempt.id, kind: 'reflection' }, order: { receivedAt: 'ASC' } });
    return {
      status: statusOf(attempt),
      stepIndex: attempt.stepIndex,
      blockIndex: attempt.blockIndex,
      completedSteps: attempt.completedSteps,
      alternativeTopics: attempt.alternativeTopics,
      scenarioRuns: runs.map((r) => ({
        scenarioId: r.scenarioId,
        runNo: r.runNo,
        path: r.path,
        ended: r.ended,
        outcome: r.outcome,
      })),
      answers: answers.map((a) => ({ assessmentId: a.assessmentId, itemId: a.itemId, response: a.response })),
      reflections: reflections.map((r) => ({
        id: r.id,
        promptId: String(r.payload.promptId ?? ''),
        text: String(r.payload.text ?? ''),
        at: r.clientAt,
      })),
    };
  }
}

/** A student's record on one assignment, with the event ids of the request (see `loadSnapshots`). */
interface SnapshotKey {
  studentId: string;
  assignment: Assignment;
  ids: readonly string[];
}

function snapshotOf(r: SnapshotRow): AttemptSnapshot {
  return {
    attemptId: r.id,
    version: r.version,
    status: r.status,
    stepIndex: r.step_index,
    blockIndex: r.block_index,
    completedSteps: r.completed_steps,
    alternativeTopics: r.alternative_topics,
    completedAt: r.completed_at,
    seen: new Map(r.seen),
    runs: r.runs.map(([scenarioId, runNo, path, ended, outcome]) => ({
      scenarioId,
      runNo,
      path,
      ended,
      outcome,
    })),
    answers: r.answers.map(([assessmentId, itemId, response, correct]) => ({
      assessmentId,
      itemId,
      response,
      correct,
    })),
  };
}

interface SnapshotRow {
  id: string;
  version: number;
  status: AttemptSnapshot['status'];
  step_index: number;
  block_index: number;
  completed_steps: number[];
  alternative_topics: string[];
  completed_at: Date | null;
  seen: [string, string][];
  runs: [string, number, string[], boolean, string | null][];
  answers: [string, string, string, boolean | null][];
}
