import { Args, Query, Resolver } from '@nestjs/graphql';
import { schoolYearOf } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import { FilingSummary, FloridaPlanDraft, TexasTrainedStaffDraft } from './filings.models';
import { FilingsService } from './filings.service';

/** Filings are the district's: only its district admins draft them. */
export const FILING_READERS = ['district_admin'] as const;

@Resolver()
export class FilingsResolver {
  constructor(private readonly filings: FilingsService) {}

  @Allow(FILING_READERS)
  @Query(() => [FilingSummary], { description: "Filings the district's state asks for, with deadlines" })
  stateFilings(@CurrentActor() actor: Actor): Promise<FilingSummary[]> {
    return this.filings.list(actor);
  }

  @Allow(FILING_READERS)
  @Query(() => FloridaPlanDraft, {
    nullable: true,
    description: 'Florida districts: a draft implementation plan from the school year (current by default)',
  })
  floridaPlanDraft(
    @Args('schoolYear', { type: () => String, nullable: true }) schoolYear: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<FloridaPlanDraft | null> {
    return this.filings.floridaPlan(actor, schoolYear ?? schoolYearOf(new Date()));
  }

  @Allow(FILING_READERS)
  @Query(() => TexasTrainedStaffDraft, {
    nullable: true,
    description: 'Texas districts: the names of trained staff with completion and expiry dates',
  })
  texasTrainedStaffDraft(@CurrentActor() actor: Actor): Promise<TexasTrainedStaffDraft | null> {
    return this.filings.texasTrainedStaff(actor);
  }
}
