import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, ROSTER_STAFF } from '../auth/policy.decorator';
import { ClassInsights, ClassInsightsArgs } from './class-insights.models';
import { ClassInsightsService } from './class-insights.service';

@Resolver()
export class ClassInsightsResolver {
  constructor(private readonly insights: ClassInsightsService) {}

  // The same callers as assignmentProgress; the class itself is checked by TenancyService in the service.
  @Allow(ROSTER_STAFF)
  @Query(() => ClassInsights, {
    description:
      "Class insights for an assignment (the class's teachers and its school and district admins; audited): pre/post means per construct over matched pairs and the share choosing each scenario option, hidden under 5 students. NOT_FOUND outside the caller's classes.",
  })
  classInsights(@Args() args: ClassInsightsArgs, @CurrentActor() actor: Actor): Promise<ClassInsights> {
    return this.insights.insights(actor, args.assignmentId, args.displayLanguage);
  }
}
