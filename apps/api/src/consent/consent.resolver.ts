import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, ROSTER_STAFF } from '../auth/policy.decorator';
import { notFound } from '../common/errors';
import { ClassConsent, ConsentRecordModel, RecordConsentInput } from './consent.models';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import { ConsentService } from './consent.service';

@Resolver()
export class ConsentResolver {
  constructor(private readonly consent: ConsentService) {}

  @Allow(ROSTER_STAFF)
  @Query(() => ClassConsent, {
    nullable: true,
    description: "A class's parental consent under the state's consent model (null: not visible)",
  })
  classConsent(
    @Args('classId', { type: () => ID }) classId: string,
    @Args('schoolYear') schoolYear: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClassConsent | null> {
    if (!UUID_PATTERN.test(classId)) return Promise.resolve(null);
    return this.consent.classConsent(actor, classId, schoolYear);
  }

  @Allow(ROSTER_STAFF)
  @Mutation(() => ConsentRecordModel, {
    description: "Teachers and admins of a student's class: record a parent's opt-out or written consent",
  })
  recordConsent(
    @Args('input') input: RecordConsentInput,
    @CurrentActor() actor: Actor,
  ): Promise<ConsentRecordModel> {
    return this.consent.record(actor, input);
  }

  @Allow(ROSTER_STAFF)
  @Mutation(() => Boolean, { description: 'Remove a consent record entered by mistake' })
  removeConsent(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<boolean> {
    if (!UUID_PATTERN.test(id)) return Promise.reject(notFound('Consent record'));
    return this.consent.remove(actor, id);
  }
}
