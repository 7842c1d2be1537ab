import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../identity/user.entity';

export const CONSENT_KINDS = ['opt-out', 'written-consent'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/**
 * A parent's or guardian's decision about a student's trafficking-prevention instruction for a school year:
 * an opt-out (California: passive opt-out) or written consent (Texas: opt-in before instruction). With a
 * module id it applies to that module only.
 */
@Entity({ name: 'consent_record' })
@Index('IDX_consent_record_student_year', ['studentId', 'schoolYear'])
@Check('CHK_consent_record_kind', `"kind" IN ('opt-out', 'written-consent')`)
@Check('CHK_consent_record_year', `"school_year" ~ '^[0-9]{4}-[0-9]{4}$'`)
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ConsentKind;

  /** Null: every module of the school year. */
  @Column({ name: 'module_id', type: 'varchar', length: 80, nullable: true })
  moduleId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
