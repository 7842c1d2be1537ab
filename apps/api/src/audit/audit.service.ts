import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  districtId?: string | null;
  detail?: Record<string, unknown>;
}

/** Records who did or saw what. Reads of student records are audited (FERPA). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.ds.manager): Promise<void> {
    try {
      await manager.getRepository(AuditEvent).save({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        districtId: entry.districtId ?? null,
        detail: entry.detail ?? null,
      });
    } catch (e) {
      // An audit write must not be silently skipped inside a transaction: rethrow there.
      if (manager !== this.ds.manager) throw e;
      this.logger.error(`Audit write failed for ${entry.action}: ${(e as Error).message}`);
    }
  }
}
