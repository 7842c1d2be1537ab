import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/errors';
import { TenancyService } from '../tenancy/tenancy.service';
import { TrainingService } from '../training/training.service';
import { FacilitatorProfile } from './facilitator-profile.entity';
import {
  FacilitatorProfileInput,
  FacilitatorProfileModel,
  SurvivorListingInput,
} from './facilitators.models';

/**
 * Facilitator profiles. There is no way to name another user: every write is the caller's own profile, so no
 * one (admins included) edits someone else's profile or sets their survivor status. Withdrawing a survivor
 * listing deletes the text at once. Audit entries never hold the profile's text.
 */
@Injectable()
export class FacilitatorsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
    private readonly training: TrainingService,
  ) {}

  async mine(actor: Actor): Promise<FacilitatorProfileModel | null> {
    const row = await this.ds.getRepository(FacilitatorProfile).findOne({ where: { userId: actor.userId } });
    return row ? (await this.withTrainings([row], false))[0] : null;
  }

  async save(actor: Actor, input: FacilitatorProfileInput): Promise<FacilitatorProfileModel> {
    const displayName = input.displayName.trim();
    if (!displayName) throw badInput('displayName is required');
    const pronouns = input.pronouns?.trim() || null;
    const languages = [...new Set(input.languages)];
    await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(FacilitatorProfile)
        .values({
          userId: actor.userId,
          displayName,
          pronouns,
          bio: input.bio.trim(),
          languages,
          listed: input.listed,
        })
        .orUpdate(['display_name', 'pronouns', 'bio', 'languages', 'listed', 'updated_at'], ['user_id'])
        .execute();
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'facilitator.profile.save',
          targetType: 'user',
          targetId: actor.userId,
          detail: { listed: input.listed },
        },
        m,
      );
    });
    return (await this.mine(actor))!;
  }

  /** The caller chooses to be listed as a survivor facilitator, sharing exactly `statement`. */
  async listAsSurvivor(actor: Actor, input: SurvivorListingInput): Promise<FacilitatorProfileModel> {
    const statement = input.statement.trim();
    if (!statement) throw badInput('statement must not be empty');
    await this.ds.transaction(async (m) => {
      const r = await m
        .getRepository(FacilitatorProfile)
        .update({ userId: actor.userId }, { survivorStatement: statement });
      if (!r.affected) throw badInput('Save your facilitator profile first.');
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'facilitator.survivor.list',
          targetType: 'user',
          targetId: actor.userId,
        },
        m,
      );
    });
    return (await this.mine(actor))!;
  }

  /** Withdraws the survivor listing: the text is deleted now, not hidden. */
  async withdrawSurvivor(actor: Actor): Promise<FacilitatorProfileModel | null> {
    await this.ds.transaction(async (m) => {
      await m.getRepository(FacilitatorProfile).update({ userId: actor.userId }, { survivorStatement: null });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'facilitator.survivor.withdraw',
          targetType: 'user',
          targetId: actor.userId,
        },
        m,
      );
    });
    return this.mine(actor);
  }

  /** Listed profiles of staff in the caller's district(s), by name; trainings shown are the current ones. */
  async directory(actor: Actor): Promise<FacilitatorProfileModel[]> {
    const districts = this.tenancy.staffDistricts(actor);
    if (!districts.length) return [];
    const rows = await this.ds
      .getRepository(FacilitatorProfile)
      .createQueryBuilder('p')
      .innerJoin('app_user', 'u', `u.id = p.user_id AND u.kind = 'staff' AND u.disabled_at IS NULL`)
      .where('p.listed')
      .andWhere(
        `EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = p.user_id AND g.district_id IN (:...districts))`,
        { districts },
      )
      .orderBy('p.display_name')
      .addOrderBy('p.user_id')
      .getMany();
    return this.withTrainings(rows, true);
  }

  private async withTrainings(
    rows: FacilitatorProfile[],
    currentOnly: boolean,
  ): Promise<FacilitatorProfileModel[]> {
    const records = await this.training.recordsFor(rows.map((r) => r.userId));
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      pronouns: r.pronouns,
      bio: r.bio,
      languages: r.languages,
      listed: r.listed,
      survivorFacilitator: r.survivorStatement !== null,
      survivorStatement: r.survivorStatement,
      trainings: (records.get(r.userId) ?? []).filter((t) => !currentOnly || t.current),
      updatedAt: r.updatedAt,
    }));
  }
}
