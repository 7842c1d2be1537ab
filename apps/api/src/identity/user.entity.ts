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
import { School } from './school.entity';

export type UserKind = 'staff' | 'student';

/**
 * A person who signs in. Staff sign in with email + password. Students sign in with their school's code, a
 * username and a short password or PIN; Haven keeps no email, birth date or surname for them (COPPA: the
 * minimum), only a display name chosen by the school, a username and a grade.
 */
@Entity({ name: 'app_user' })
@Check('CHK_user_kind', `"kind" IN ('staff', 'student')`)
@Check(
  'CHK_user_identity',
  `("kind" = 'staff' AND "email" IS NOT NULL) OR ("kind" = 'student' AND "username" IS NOT NULL AND "school_id" IS NOT NULL AND "grade_level" IS NOT NULL AND "email" IS NULL)`,
)
@Check('CHK_user_grade', `"grade_level" IS NULL OR "grade_level" BETWEEN 0 AND 12`)
@Check('CHK_user_language', `"preferred_language" IN ('en', 'es')`)
@Index('UQ_user_school_username', ['schoolId', 'username'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: UserKind;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  /** Lower-cased; staff only. */
  @Index('UQ_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Students only: unique within their school. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  /** Students only: the school whose code they sign in with. */
  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ name: 'grade_level', type: 'smallint', nullable: true })
  gradeLevel: number | null;

  /** argon2id hash of the password (staff) or PIN/short password (students). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'preferred_language', type: 'varchar', length: 5, default: 'en' })
  preferredLanguage: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
