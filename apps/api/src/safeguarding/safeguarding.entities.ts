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
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';

export const ALERT_KINDS = ['talk-request', 'concerning-phrase'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * A school's designated safeguarding staff (counsellor, safeguarding lead): the people told at once when
 * a student asks to talk or a reflection raises a concern. Named by the school's or district's admins
 * from the school's staff.
 */
@Entity({ name: 'safeguarding_designee' })
@Index('IDX_safeguarding_designee_user', ['userId'])
export class SafeguardingDesignee {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** What the school calls them, e.g. "School counsellor". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ name: 'named_by', type: 'uuid', nullable: true })
  namedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'named_by' })
  namer?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A student asked to talk to someone, or a reflection matched a concerning phrase. Read only by the
 * school's designated staff (every read audited); the student's teachers see a flag, never the text.
 */
@Entity({ name: 'safeguarding_alert' })
@Index('IDX_safeguarding_alert_school_open', ['schoolId', 'acknowledgedAt'])
@Index('IDX_safeguarding_alert_student', ['studentId'])
@Check('CHK_safeguarding_alert_kind', `"kind" IN ('talk-request', 'concerning-phrase')`)
// An acknowledger always comes with a time (the acknowledger may later be deleted: SET NULL).
@Check('CHK_safeguarding_alert_ack', `"acknowledged_by" IS NULL OR "acknowledged_at" IS NOT NULL`)
export class SafeguardingAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @Column({ type: 'varchar', length: 20 })
  kind: AlertKind;

  /** The reflection, or the student's optional message; null for a talk request without one. */
  @Column({ name: 'source_text', type: 'text', nullable: true })
  sourceText: string | null;

  /** Concern categories matched (@haven/safeguarding); empty for a talk request without a match. */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  categories: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledged_by' })
  acknowledger?: User;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;
}
