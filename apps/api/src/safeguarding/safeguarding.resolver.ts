import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, SCHOOL_MANAGERS } from '../auth/policy.decorator';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import {
  AcknowledgeAlertInput,
  AskToTalkAnswer,
  AskToTalkInput,
  DesignateSafeguardingStaffInput,
  RemoveSafeguardingDesigneeInput,
  SafeguardingAlertModel,
  SafeguardingAlertsArgs,
  SafeguardingInbox,
  SchoolSafeguardingStaff,
} from './safeguarding.models';
import { SafeguardingService } from './safeguarding.service';

@Resolver()
export class SafeguardingResolver {
  constructor(private readonly safeguarding: SafeguardingService) {}

  @Allow(['student'])
  @Mutation(() => AskToTalkAnswer, {
    description: "Students: ask to talk to a trusted adult; the school's designated staff are told at once",
  })
  askToTalk(
    @Args('input', { type: () => AskToTalkInput, nullable: true }) input: AskToTalkInput | null,
    @CurrentActor() actor: Actor,
  ): Promise<AskToTalkAnswer> {
    return this.safeguarding.askToTalk(actor, input?.message);
  }

  @Allow(STAFF_ROLES)
  @Query(() => SafeguardingInbox, {
    description: 'Whether the caller is designated safeguarding staff, and how many alerts are open',
  })
  safeguardingInbox(@CurrentActor() actor: Actor): Promise<SafeguardingInbox> {
    return this.safeguarding.inbox(actor);
  }

  @Allow(STAFF_ROLES)
  @Query(() => [SafeguardingAlertModel], {
    description: "Designated staff: their schools' alerts, with what the student wrote (every read audited)",
  })
  safeguardingAlerts(
    @Args() args: SafeguardingAlertsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<SafeguardingAlertModel[]> {
    return this.safeguarding.alerts(actor, args);
  }

  @Allow(STAFF_ROLES)
  @Mutation(() => SafeguardingAlertModel, {
    description: 'Designated staff: acknowledge an alert with a note of what was done',
  })
  acknowledgeSafeguardingAlert(
    @Args('input') input: AcknowledgeAlertInput,
    @CurrentActor() actor: Actor,
  ): Promise<SafeguardingAlertModel> {
    return this.safeguarding.acknowledge(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Query(() => SchoolSafeguardingStaff, {
    nullable: true,
    description: "Admins: a school's designated safeguarding staff and the staff who could be named",
  })
  schoolSafeguardingStaff(
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolSafeguardingStaff | null> {
    if (!UUID_PATTERN.test(schoolId)) return Promise.resolve(null);
    return this.safeguarding.staffOf(actor, schoolId);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => SchoolSafeguardingStaff, {
    description: "Admins: name a member of the school's staff as designated safeguarding staff",
  })
  designateSafeguardingStaff(
    @Args('input') input: DesignateSafeguardingStaffInput,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolSafeguardingStaff> {
    return this.safeguarding.designate(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => SchoolSafeguardingStaff, {
    description: 'Admins: remove a designated safeguarding staff member of the school',
  })
  removeSafeguardingDesignee(
    @Args('input') input: RemoveSafeguardingDesigneeInput,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolSafeguardingStaff> {
    return this.safeguarding.removeDesignee(actor, input);
  }
}
