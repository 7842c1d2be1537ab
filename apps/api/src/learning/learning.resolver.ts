import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, ROSTER_STAFF } from '../auth/policy.decorator';
import type { GqlContext } from '../auth/request-context';
import { versionSortKey } from '../catalog/curriculum-loader';
import { ClassSection } from '../identity/class-section.entity';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import {
  AttemptProgress,
  AssignModuleInput,
  AssignmentProgressView,
  AssignmentModel,
  AssignmentSummary,
  MoveAssignmentToVersionInput,
  StudentAssignment,
  StudentModule,
  SubmitProgressInput,
  SubmitProgressResult,
} from './learning.models';
import { LearningService } from './learning.service';

@Resolver()
export class LearningResolver {
  constructor(private readonly learning: LearningService) {}

  @Allow(ROSTER_STAFF)
  @Mutation(() => AssignmentModel, {
    description: 'Assign a module version to a class the caller teaches or runs',
  })
  assignModule(
    @Args('input') input: AssignModuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentModel> {
    return this.learning.assign(actor, input);
  }

  @Allow(ROSTER_STAFF)
  @Mutation(() => AssignmentModel, {
    description:
      'Move an assignment to a newer version of its module, while no student has started it (same checks as assignModule)',
  })
  moveAssignmentToVersion(
    @Args('input') input: MoveAssignmentToVersionInput,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentModel> {
    return this.learning.moveToVersion(actor, input);
  }

  @Allow(ROSTER_STAFF)
  @Query(() => AssignmentProgressView, {
    nullable: true,
    description:
      "Teachers: every student's progress in an assignment of a class they may see; every read is audited",
  })
  assignmentProgress(
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentProgressView | null> | null {
    return UUID_PATTERN.test(assignmentId) ? this.learning.assignmentProgress(actor, assignmentId) : null;
  }

  @Allow(['student'])
  @Query(() => [StudentAssignment], { description: 'Students: what is assigned to them, in their language' })
  myLessons(@CurrentActor() actor: Actor): Promise<StudentAssignment[]> {
    return this.learning.myLessons(actor);
  }

  @Allow(['student'])
  @Query(() => StudentModule, {
    nullable: true,
    description: 'Students: an assigned module with their progress',
  })
  myAssignment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<StudentModule | null> | null {
    return UUID_PATTERN.test(id) ? this.learning.myModule(actor, id) : null;
  }

  @Allow(['student'])
  @Mutation(() => SubmitProgressResult, {
    description: 'Students: record progress events in order; retries with the same ids are recognised',
  })
  submitProgress(
    @Args('input') input: SubmitProgressInput,
    @CurrentActor() actor: Actor,
  ): Promise<SubmitProgressResult> {
    return this.learning.submit(actor, input);
  }
}

@Resolver(() => ClassSection)
export class ClassAssignmentsResolver {
  constructor(private readonly learning: LearningService) {}

  @Allow(ROSTER_STAFF)
  @ResolveField(() => [AssignmentModel])
  assignments(@Parent() c: ClassSection, @CurrentActor() actor: Actor): Promise<AssignmentModel[]> {
    return this.learning.classAssignments(actor, c.id);
  }
}

@Resolver(() => AssignmentModel)
export class AssignmentModelResolver {
  @Allow(ROSTER_STAFF)
  @ResolveField(() => String, {
    nullable: true,
    description:
      "The latest published version of the module when it is newer than the assignment's (null when it is the latest)",
  })
  async newerVersion(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<string | null> {
    const [latest] = await ctx.loaders.moduleVersions.load(a.moduleId);
    return latest && versionSortKey(latest) > versionSortKey(a.version) ? latest : null;
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => AssignmentSummary, {
    description: 'How many of the students enrolled now have not started, are in progress, have completed',
  })
  async summary(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<AssignmentSummary> {
    const s = await ctx.loaders.assignmentSummary.load(a.id);
    return {
      enrolled: s.enrolled,
      notStarted: s.enrolled - s.started,
      inProgress: s.started - s.completed,
      completed: s.completed,
    };
  }
}

@Resolver(() => SubmitProgressResult)
export class SubmitProgressResultResolver {
  constructor(private readonly learning: LearningService) {}

  @Allow(['student'])
  @ResolveField(() => AttemptProgress, {
    description: 'The record after these events: the one truth across devices (read after the write commits)',
  })
  progress(@Parent() result: SubmitProgressResult): Promise<AttemptProgress> {
    return this.learning.progressFor(result.attemptId);
  }
}
