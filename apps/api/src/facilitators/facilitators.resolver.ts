import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import {
  FacilitatorProfileInput,
  FacilitatorProfileModel,
  SurvivorListingInput,
} from './facilitators.models';
import { FacilitatorsService } from './facilitators.service';

/** Staff who deliver Haven in a district: they write their own profile; admins cannot write it for them. */
export const FACILITATOR_ROLES = ['teacher', 'school_admin', 'district_admin'] as const;

@Resolver()
export class FacilitatorsResolver {
  constructor(private readonly facilitators: FacilitatorsService) {}

  @Allow(FACILITATOR_ROLES)
  @Query(() => FacilitatorProfileModel, {
    nullable: true,
    description: "The caller's own facilitator profile",
  })
  myFacilitatorProfile(@CurrentActor() actor: Actor): Promise<FacilitatorProfileModel | null> {
    return this.facilitators.mine(actor);
  }

  @Allow(FACILITATOR_ROLES)
  @Mutation(() => FacilitatorProfileModel, { description: "Create or update the caller's own profile" })
  saveMyFacilitatorProfile(
    @Args('input') input: FacilitatorProfileInput,
    @CurrentActor() actor: Actor,
  ): Promise<FacilitatorProfileModel> {
    return this.facilitators.save(actor, input);
  }

  @Allow(FACILITATOR_ROLES)
  @Mutation(() => FacilitatorProfileModel, {
    description: 'The caller chooses to be listed as a survivor facilitator, sharing only the text they give',
  })
  listMeAsSurvivorFacilitator(
    @Args('input') input: SurvivorListingInput,
    @CurrentActor() actor: Actor,
  ): Promise<FacilitatorProfileModel> {
    return this.facilitators.listAsSurvivor(actor, input);
  }

  @Allow(FACILITATOR_ROLES)
  @Mutation(() => FacilitatorProfileModel, {
    nullable: true,
    description: 'The caller withdraws their survivor listing; the text is deleted at once',
  })
  withdrawSurvivorListing(@CurrentActor() actor: Actor): Promise<FacilitatorProfileModel | null> {
    return this.facilitators.withdrawSurvivor(actor);
  }

  @Allow(STAFF_ROLES)
  @Query(() => [FacilitatorProfileModel], {
    description: "Listed facilitator profiles of staff in the caller's district",
  })
  facilitatorDirectory(@CurrentActor() actor: Actor): Promise<FacilitatorProfileModel[]> {
    return this.facilitators.directory(actor);
  }
}
