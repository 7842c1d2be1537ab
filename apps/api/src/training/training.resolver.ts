import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import { STAFF_ROLES } from '@haven/domain';
import {
  RecordTrainingInput,
  StaffTraining,
  TrainingCourseModel,
  TrainingRecordModel,
} from './training.models';
import { TrainingService } from './training.service';

const TRAINING_ADMINS = ['school_admin', 'district_admin', 'platform_admin'] as const;

@Resolver()
export class TrainingResolver {
  constructor(private readonly training: TrainingService) {}

  @Allow(STAFF_ROLES)
  @Query(() => [TrainingCourseModel], { description: 'Trainings staff can hold' })
  trainingCourses(): Promise<TrainingCourseModel[]> {
    return this.training.courses();
  }

  @Allow(STAFF_ROLES)
  @Query(() => [TrainingRecordModel], { description: "The caller's own training records" })
  myTrainings(@CurrentActor() actor: Actor): Promise<TrainingRecordModel[]> {
    return this.training.mine(actor);
  }

  @Allow(TRAINING_ADMINS)
  @Query(() => [StaffTraining], {
    description: 'Admins: staff in their school or district with their trainings',
  })
  staffTraining(@CurrentActor() actor: Actor): Promise<StaffTraining[]> {
    return this.training.staff(actor);
  }

  @Allow(TRAINING_ADMINS)
  @Mutation(() => TrainingRecordModel, {
    description: 'Admins: record a completed training for staff in their scope',
  })
  recordTraining(
    @Args('input') input: RecordTrainingInput,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingRecordModel> {
    return this.training.record(actor, input);
  }
}
