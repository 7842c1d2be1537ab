import type { ContentAnchor, ModuleDocument, ModuleFiles, TranslationBasis } from '@haven/curriculum';
import type { DraftStatus, ReviewCredit, ReviewOutcome, WorkflowReviewKind } from '@haven/domain';
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
import { District } from '../identity/district.entity';
import { User } from '../identity/user.entity';

/**
 * The content files a module version was published from, kept beside the immutable compiled version so a
 * version can be exported as files and a new draft started from it. Insert-only, like the version.
 */
@Entity({ name: 'module_version_source' })
export class ModuleVersionSource {
  @PrimaryColumn({ name: 'module_version_id', type: 'uuid' })
  moduleVersionId: string;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_version_id' })
  moduleVersion?: ModuleVersionEntity;

  /** Path relative to the module folder → file text, exactly as the canonical writer produced it. */
  @Column({ type: 'jsonb' })
  files: ModuleFiles;

  /** `curricula` (loaded from the repository) or `studio` (published from a draft). */
  @Column({ type: 'varchar', length: 10 })
  origin: 'curricula' | 'studio';

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: User;
}

/**
 * A module being written in the authoring studio, in one district. At most one open (unpublished) draft per
 * module and district. `revision` grows with every save: a save names the revision it was based on, so two
 * authors never silently overwrite each other.
 */
@Entity({ name: 'module_draft' })
@Index('IDX_module_draft_district_status', ['districtId', 'status'])
@Index('UQ_module_draft_open', ['districtId', 'moduleId'], { unique: true, where: `"status" <> 'published'` })
@Check(
  'CHK_module_draft_status',
  `"status" IN ('draft', 'in_review', 'changes_requested', 'approved', 'published')`,
)
@Check('CHK_module_draft_bump', `"bump" IS NULL OR "bump" IN ('patch', 'minor', 'major')`)
export class ModuleDraft {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @Column({ name: 'module_id', type: 'varchar', length: 80 })
  moduleId: string;

  /** The published version this draft started from; null for a new module. */
  @Column({ name: 'base_version_id', type: 'uuid', nullable: true })
  baseVersionId: string | null;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'base_version_id' })
  baseVersion?: ModuleVersionEntity;

  @Column({ type: 'varchar', length: 20 })
  status: DraftStatus;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'jsonb' })
  document: ModuleDocument;

  /** When each translated field was last written, as a hash of its source text then (see staleTranslations). */
  @Column({ name: 'translation_basis', type: 'jsonb' })
  translationBasis: TranslationBasis;

  /** The version bump the author chose when submitting. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  bump: 'patch' | 'minor' | 'major' | null;

  /** Users who created or saved a revision (they may not review it). */
  @Column({ type: 'uuid', array: true })
  contributors: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by' })
  updater?: User;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The version published from this draft. */
  @Column({ name: 'published_version_id', type: 'uuid', nullable: true })
  publishedVersionId: string | null;

  @ManyToOne(() => ModuleVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_version_id' })
  publishedVersion?: ModuleVersionEntity;
}

/** One review of one revision of a draft: a checklist, an outcome and notes. */
@Entity({ name: 'module_draft_review' })
@Index('IDX_module_draft_review_draft', ['draftId'])
@Check('CHK_module_draft_review_kind', `"kind" IN ('educator', 'trauma-informed', 'survivor-informed')`)
@Check('CHK_module_draft_review_outcome', `"outcome" IN ('approve', 'request_changes')`)
@Check('CHK_module_draft_review_credit', `"credit" IN ('role', 'name')`)
export class ModuleDraftReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId: string;

  @ManyToOne(() => ModuleDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id' })
  draft?: ModuleDraft;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 20 })
  kind: WorkflowReviewKind;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column({ type: 'varchar', length: 20 })
  outcome: ReviewOutcome;

  /** Ids of the checklist items the reviewer ticked. */
  @Column({ type: 'varchar', length: 40, array: true })
  checked: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** How an approval credits the reviewer in the published module (`reviewCredit`). */
  @Column({ type: 'varchar', length: 10, default: 'role' })
  credit: ReviewCredit;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A comment anchored to a place in the draft: a lesson block, a scenario node, an assessment item, a field. */
@Entity({ name: 'module_draft_comment' })
@Index('IDX_module_draft_comment_draft', ['draftId'])
export class ModuleDraftComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId: string;

  @ManyToOne(() => ModuleDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id' })
  draft?: ModuleDraft;

  @Column({ name: 'anchor_key', type: 'varchar', length: 300 })
  anchorKey: string;

  @Column({ type: 'jsonb' })
  anchor: ContentAnchor;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'integer' })
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by' })
  resolver?: User;
}

/** What happened to a draft, in order: created, saved (coalesced), submitted, reviewed, withdrawn, published. */
@Entity({ name: 'module_draft_event' })
@Index('IDX_module_draft_event_draft', ['draftId', 'at'])
export class ModuleDraftEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId: string;

  @ManyToOne(() => ModuleDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id' })
  draft?: ModuleDraft;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: DraftStatus;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}

/** Kinds of review a reviewer is qualified to give (survivor-informed review is given by survivor leaders). */
@Entity({ name: 'reviewer_qualification' })
@Check('CHK_reviewer_qualification_kind', `"kind" IN ('educator', 'trauma-informed', 'survivor-informed')`)
export class ReviewerQualification {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind: WorkflowReviewKind;
}
