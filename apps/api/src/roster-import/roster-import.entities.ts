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
import { District } from '../identity/district.entity';
import { User } from '../identity/user.entity';

export type RosterSourceKind = 'school' | 'class' | 'user' | 'enrollment';

/**
 * Which Haven record a OneRoster `sourcedId` of a district stands for. One table rather than a column per
 * entity: users have no district of their own (staff may even work in several), enrollments have no single
 * id, and sourcedIds are only unique within the district's SIS.
 * - school, class, user: `entity_id` is the school, class or user;
 * - enrollment: `entity_id` is the class, `member_id` the student (enrollment) or teacher (class_teacher).
 */
@Entity({ name: 'roster_source' })
@Check('CHK_roster_source_kind', `"kind" IN ('school', 'class', 'user', 'enrollment')`)
@Check('CHK_roster_source_member', `("kind" = 'enrollment') = ("member_id" IS NOT NULL)`)
@Index('IDX_roster_source_entity', ['kind', 'entityId'])
export class RosterSource {
  @PrimaryColumn({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: RosterSourceKind;

  @PrimaryColumn({ name: 'sourced_id', type: 'varchar', length: 255 })
  sourcedId: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  /** Schools and classes the SIS no longer lists (Haven keeps them for their history). */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}

export type ImportMode = 'all-or-nothing' | 'valid-rows';
export type ImportStatus = 'applied' | 'unchanged' | 'rejected';

/** One OneRoster import into a district: who ran it, on what, what it changed and what was wrong. */
@Entity({ name: 'import_run' })
@Index('IDX_import_run_district_at', ['districtId', 'createdAt'])
@Check('CHK_import_run_mode', `"mode" IN ('all-or-nothing', 'valid-rows')`)
@Check('CHK_import_run_status', `"status" IN ('applied', 'unchanged', 'rejected')`)
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  /** Null when run from the command line. */
  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'started_by' })
  starter?: User;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 20 })
  mode: ImportMode;

  @Column({ type: 'varchar', length: 20 })
  status: ImportStatus;

  /** `ImportCounts`: what was created, updated and deactivated, and how many errors and warnings. */
  @Column({ type: 'jsonb' })
  counts: Record<string, unknown>;

  /** The first `MAX_STORED_ISSUES` issues (errors first). */
  @Column({ type: 'jsonb' })
  issues: unknown[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
