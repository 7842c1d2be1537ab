import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModuleVersion } from '@haven/curriculum';
import { DataSource, EntityManager } from 'typeorm';
import { ModuleVersionEntity } from '../catalog/module-version.entity';

const MAX_CACHED = 200;

/**
 * Compiled modules by version id, kept in memory: versions are immutable, so a cached bundle is never stale,
 * and the scenario engine's per-scenario preparation (a WeakMap on the scenario object) is reused.
 */
@Injectable()
export class ModuleBundles {
  private readonly cache = new Map<string, ModuleVersion>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(moduleVersionId: string, manager: EntityManager = this.ds.manager): Promise<ModuleVersion> {
    const hit = this.cache.get(moduleVersionId);
    if (hit) return hit;
    const row = await manager
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .select(['v.id', 'v.bundle'])
      .where('v.id = :id', { id: moduleVersionId })
      .getOne();
    if (!row) throw new Error(`Module version ${moduleVersionId} does not exist`);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(moduleVersionId, row.bundle);
    return row.bundle;
  }
}
