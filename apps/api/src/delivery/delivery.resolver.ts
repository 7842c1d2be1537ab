import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, ROSTER_STAFF } from '../auth/policy.decorator';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import { ClassDeliveryModel, RecordDeliveryInput } from './delivery.models';
import { DeliveryService } from './delivery.service';

@Resolver()
export class DeliveryResolver {
  constructor(private readonly deliveries: DeliveryService) {}

  @Allow(['teacher', 'school_admin', 'district_admin'])
  @Mutation(() => ClassDeliveryModel, {
    description:
      "Record a lesson of an assignment taught in class and who was present (the class's teachers and its school's or district's admins, trained to deliver the module)",
  })
  recordDelivery(
    @Args('input') input: RecordDeliveryInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClassDeliveryModel> {
    return this.deliveries.record(actor, input);
  }

  @Allow(ROSTER_STAFF)
  @Query(() => [ClassDeliveryModel], {
    description:
      'Lessons of an assignment taught in class, with who was present (empty: none, or not visible)',
  })
  assignmentDeliveries(
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClassDeliveryModel[]> {
    if (!UUID_PATTERN.test(assignmentId)) return Promise.resolve([]);
    return this.deliveries.ofAssignment(actor, assignmentId);
  }
}
