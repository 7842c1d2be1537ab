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
import { User } from '../identity/user.entity';

/** A training staff can hold, e.g. `haven-facilitator-basics`; modules name the ones their facilitator needs. */
@Entity({ name: 'training_course' })
@Check('CHK_training_course_validity', `"validity_months" IS NULL OR "validity_months" > 0`)
export class TrainingCourse {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** How long a completion counts; null: it does not expire. */
  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths: number | null;
}

/** A staff member's completion of a training: through Haven, or an outside certificate entered by an admin. */
@Entity({ name: 'training_record' })
@Index('IDX_training_record_user', ['userId'])
@Index('IDX_training_record_course', ['courseCode'])
@Check('CHK_training_record_source', `"source" IN ('haven', 'external')`)
@Check('CHK_training_record_dates', `"expires_at" IS NULL OR "expires_at" > "completed_at"`)
export class TrainingRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'course_code', type: 'varchar', length: 60 })
  courseCode: string;

  @ManyToOne(() => TrainingCourse, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_code' })
  course?: TrainingCourse;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  source: 'haven' | 'external';

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
