import { Args, Query, Resolver } from '@nestjs/graphql';
import { schoolYearOf } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import { COMPLIANCE_READERS } from './compliance.resolver';
import { OutcomesReport } from './outcomes.models';
import { OutcomesService } from './outcomes.service';

@Resolver()
export class OutcomesResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Allow(COMPLIANCE_READERS)
  @Query(() => OutcomesReport, {
    nullable: true,
    description:
      'Pre/post gains per construct, school, grade and module version (audited). District admins: their district; school admins: their school. Groups under 5 matched pairs are hidden.',
  })
  outcomesReport(
    @Args('schoolYear', { type: () => String, nullable: true }) schoolYear: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<OutcomesReport | null> {
    return this.outcomes.report(actor, schoolYear ?? schoolYearOf(new Date()));
  }
}
