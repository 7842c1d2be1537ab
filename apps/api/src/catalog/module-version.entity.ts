import type { LanguageMap, ModuleVersion } from '@haven/curriculum';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One immutable version of a curriculum module, compiled from `curricula/` (or, later, the authoring studio).
 * The list columns serve catalog queries; `bundle` holds the whole compiled module (sanitised HTML, scenarios,
 * assessments with answer keys) and is read only when a version is opened.
 */
@Entity({ name: 'module_version' })
@Index('UQ_module_version', ['moduleId', 'version'], { unique: true })
@Index('IDX_module_version_band', ['gradeBand'])
@Check('CHK_module_version_band', `"grade_band" IN ('K-2', '3-5', '6-8', '9-12')`)
@Check('CHK_module_version_hash', `"content_hash" ~ '^[0-9a-f]{64}$'`)
export class ModuleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'varchar', length: 80 })
  moduleId: string;

  @Column({ type: 'varchar', length: 40 })
  version: string;

  /** Zero-padded major.minor.patch, so versions sort correctly as text. */
  @Column({ name: 'version_sort', type: 'varchar', length: 40 })
  versionSort: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'jsonb' })
  title: LanguageMap;

  @Column({ type: 'jsonb' })
  summary: LanguageMap;

  @Column({ name: 'grade_band', type: 'varchar', length: 5 })
  gradeBand: string;

  @Column({ type: 'smallint', array: true })
  grades: number[];

  @Column({ type: 'varchar', length: 10, array: true })
  languages: string[];

  @Column({ name: 'source_language', type: 'varchar', length: 10 })
  sourceLanguage: string;

  @Column({ type: 'varchar', length: 60, array: true })
  topics: string[];

  @Column({ name: 'estimated_minutes', type: 'integer' })
  estimatedMinutes: number;

  @Column({ type: 'jsonb', select: false })
  bundle: ModuleVersion;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;
}
