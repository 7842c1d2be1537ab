import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import { ClassSection } from '../identity/class-section.entity';
import { User } from '../identity/user.entity';

/** A module version given to a class, open from `opensAt` (and due by `dueAt`). */
@Entity({ name: 'assignment' })
@Index('IDX_assignment_class', ['classId'])
@Check('CHK_assignment_dates', `"due_at" IS NULL OR "due_at" > "opens_at"`)
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ManyToOne(() => ClassSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  classSection?: ClassSection;

  @Index('IDX_assignment_module_version')
  @Column({ name: 'module_version_id', type: 'uuid' })
  moduleVersionId: string;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_version_id' })
  moduleVersion?: ModuleVersionEntity;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by' })
  assigner?: User;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type AttemptStatus = 'in_progress' | 'completed';

/** Where a student is in an assignment: one row per student and assignment, whatever the device. */
@Entity({ name: 'attempt' })
@Index('UQ_attempt_student_assignment', ['studentId', 'assignmentId'], { unique: true })
@Index('IDX_attempt_assignment', ['assignmentId'])
@Check('CHK_attempt_status', `"status" IN ('in_progress', 'completed')`)
@Check('CHK_attempt_step', `"step_index" >= 0 AND "block_index" >= 0`)
export class Attempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;

  @Column({ name: 'module_version_id', type: 'uuid' })
  moduleVersionId: string;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_version_id' })
  moduleVersion?: ModuleVersionEntity;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status: AttemptStatus;

  /** Index into the module's sequence of the step the student is on. */
  @Column({ name: 'step_index', type: 'integer', default: 0 })
  stepIndex: number;

  /** Within a lesson: the block the student is on. */
  @Column({ name: 'block_index', type: 'integer', default: 0 })
  blockIndex: number;

  /** Steps done (sequence indexes). */
  @Column({ name: 'completed_steps', type: 'integer', array: true, default: () => "'{}'" })
  completedSteps: number[];

  /** Topics whose content warning the student answered by taking the alternative activity. */
  @Column({ name: 'alternative_topics', type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  alternativeTopics: string[];

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Bumped by every write: submissions from two devices cannot overwrite each other (optimistic concurrency). */
  @Column({ type: 'integer', default: 0 })
  version: number;
}

/** One play-through of a scenario; "try a different path" starts the next run. */
@Entity({ name: 'scenario_run' })
@Check('CHK_scenario_run_outcome', `"ended" = ("outcome" IS NOT NULL)`)
export class ScenarioRun {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @PrimaryColumn({ name: 'scenario_id', type: 'varchar', length: 80 })
  scenarioId: string;

  @PrimaryColumn({ name: 'run_no', type: 'integer' })
  runNo: number;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Attempt;

  /** Choice ids in order, each checked by the scenario engine before it was accepted. */
  @Column({ type: 'varchar', length: 80, array: true, default: () => "'{}'" })
  path: string[];

  @Column({ type: 'boolean', default: false })
  ended: boolean;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A student's answer to one assessment item; the first answer stands. */
@Entity({ name: 'assessment_response' })
export class AssessmentResponse {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @PrimaryColumn({ name: 'assessment_id', type: 'varchar', length: 80 })
  assessmentId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 80 })
  itemId: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Attempt;

  @Column({ type: 'varchar', length: 80 })
  response: string;

  /** Against the answer key, where the item has one. */
  @Column({ type: 'boolean', nullable: true })
  correct: boolean | null;

  @CreateDateColumn({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;
}

export const PROGRESS_KINDS = [
  'lesson_position',
  'step_complete',
  'scenario_choice',
  'scenario_restart',
  'assessment_response',
  'reflection',
  'content_alternative',
] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

/**
 * Every submission, keyed by the id the browser generated for it: a retry of the same id is recognised and
 * never recorded twice. Reflections live here (private: the student and their teachers).
 */
@Entity({ name: 'progress_event' })
@Index('IDX_progress_event_attempt', ['attemptId', 'receivedAt'])
@Check(
  'CHK_progress_event_kind',
  `"kind" IN ('lesson_position', 'step_complete', 'scenario_choice', 'scenario_restart', 'assessment_response', 'reflection', 'content_alternative')`,
)
export class ProgressEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Attempt;

  @Column({ type: 'varchar', length: 30 })
  kind: ProgressKind;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'client_at', type: 'timestamptz' })
  clientAt: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
