import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compileModule,
  formatIssue,
  listModuleDirs,
  loadModule,
  validateCurricula,
  type ModuleFiles,
  type ModuleVersion,
} from '@haven/curriculum';
import { DataSource, EntityManager } from 'typeorm';
import { ModuleVersionSource } from '../authoring/authoring.entities';
import { ModuleVersionEntity } from './module-version.entity';

export interface LoadReport {
  loaded: string[];
  unchanged: string[];
  /** Modules whose files changed while their version number did not, and modules that fail validation. */
  refused: { module: string; reason: string }[];
}

/** "1.10.2" → "000001.000010.000002" so that text order is version order. */
export function versionSortKey(version: string): string {
  const [core] = version.split(/[-+]/);
  return core
    .split('.')
    .map((n) => n.padStart(6, '0'))
    .join('.');
}

/**
 * Loads `curricula/` into the database as immutable module versions, idempotently by content hash: an
 * unchanged module is skipped, a new version is added, and a changed module whose version number did not
 * change is refused with a message that says what to do.
 */
@Injectable()
export class CurriculumLoader {
  private readonly logger = new Logger(CurriculumLoader.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async loadDirectory(dir: string): Promise<LoadReport> {
    const parsed = await Promise.all((await listModuleDirs(dir)).map((d) => loadModule(d)));
    const validation = validateCurricula(parsed);
    const report: LoadReport = { loaded: [], unchanged: [], refused: [] };
    const valid: { version: ModuleVersion; files: ModuleFiles }[] = [];
    validation.modules.forEach((m, i) => {
      if (m.result.errors.length > 0) {
        report.refused.push({
          module: m.id ?? m.dir,
          reason: `${m.result.errors.length} validation error(s): ${m.result.errors.slice(0, 3).map(formatIssue).join('; ')}`,
        });
      } else {
        valid.push({ version: compileModule(parsed[i]), files: parsed[i].files });
      }
    });
    for (const { version, files } of valid) {
      const outcome = await this.store(version, { files, origin: 'curricula', publishedBy: null });
      if (outcome === 'loaded') report.loaded.push(`${version.id}@${version.version}`);
      else if (outcome === 'unchanged') report.unchanged.push(`${version.id}@${version.version}`);
      else report.refused.push({ module: `${version.id}@${version.version}`, reason: outcome.refused });
    }
    for (const r of report.refused)
      this.logger.error(`Curriculum module ${r.module} not loaded: ${r.reason}`);
    return report;
  }

  /**
   * Stores one compiled version, with the content files it was compiled from, unless it is already there.
   * Pass a transaction's manager to store it as part of a larger change (publishing a draft).
   */
  async store(
    version: ModuleVersion,
    source: Omit<ModuleVersionSource, 'moduleVersionId'>,
    manager?: EntityManager,
  ): Promise<'loaded' | 'unchanged' | { refused: string }> {
    const work = async (m: EntityManager): Promise<'loaded' | 'unchanged' | { refused: string }> => {
      const repo = m.getRepository(ModuleVersionEntity);
      const existing = await repo.findOne({ where: { moduleId: version.id, version: version.version } });
      if (existing) {
        if (existing.contentHash === version.contentHash) {
          // Versions loaded before their files were kept get them now (same content, so the same files).
          await m
            .createQueryBuilder()
            .insert()
            .into(ModuleVersionSource)
            .values({ ...source, moduleVersionId: existing.id })
            .orIgnore()
            .execute();
          return 'unchanged';
        }
        return {
          refused:
            `its files changed but its version is still ${version.version} (stored hash ${existing.contentHash.slice(0, 12)}…, ` +
            `files ${version.contentHash.slice(0, 12)}…). Published versions are immutable: raise "version" in module.yaml.`,
        };
      }
      const inserted = await repo.insert({
        moduleId: version.id,
        version: version.version,
        versionSort: versionSortKey(version.version),
        contentHash: version.contentHash,
        title: version.title,
        summary: version.summary,
        gradeBand: version.gradeBand,
        grades: version.grades,
        languages: version.languages,
        sourceLanguage: version.sourceLanguage,
        topics: version.topics,
        estimatedMinutes: version.estimatedMinutes,
        bundle: version,
      });
      await m
        .getRepository(ModuleVersionSource)
        .insert({ ...source, moduleVersionId: (inserted.identifiers[0] as { id: string }).id });
      return 'loaded';
    };
    return manager ? work(manager) : this.ds.transaction(work);
  }
}
