import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A filing the district’s state rule asks for, from the rule data' })
export class FilingSummary {
  @Field()
  ruleId: string;

  @Field()
  filingId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field()
  recipient: string;

  @Field()
  citation: string;

  @Field({ description: 'annual, by-date, after-event or ongoing' })
  deadlineKind: string;

  @Field(() => String, { nullable: true, description: 'Next due date (YYYY-MM-DD) for dated deadlines' })
  nextDue: string | null;

  @Field(() => Int, { nullable: true, description: 'after-event deadlines: hours after the event' })
  withinHours: number | null;

  @Field({ description: 'verified, secondary-source or uncertain' })
  certainty: string;

  @Field(() => String, { nullable: true })
  evidenceNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Which draft Haven can prepare: fl-implementation-plan, tx-trained-staff, or null',
  })
  draft: string | null;
}

@ObjectType({
  description: 'The rule facts every filing draft repeats: what it is, when, and how sure we are',
})
export class FilingBasis {
  @Field()
  ruleId: string;

  @Field()
  filingId: string;

  @Field()
  title: string;

  @Field()
  citation: string;

  @Field()
  recipient: string;

  @Field({ description: 'verified, secondary-source or uncertain' })
  certainty: string;

  @Field(() => String, { nullable: true })
  evidenceNote: string | null;

  @Field({ description: 'The rule’s own note on what is and is not settled' })
  ruleNote: string;

  @Field({ description: 'When the rule facts were last checked against the sources (YYYY-MM-DD)' })
  reviewedOn: string;
}

@ObjectType()
export class PlanTraining {
  @Field()
  courseTitle: string;

  @Field(() => GraphQLISODateTime)
  completedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;
}

@ObjectType({
  description: 'A staff member who assigned a module to the grade, with their current trainings',
})
export class PlanInstructor {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => [PlanTraining])
  trainings: PlanTraining[];
}

@ObjectType({ description: 'A module version assigned to the grade this school year and how it teaches' })
export class PlanModule {
  @Field()
  moduleId: string;

  @Field()
  title: string;

  @Field()
  version: string;

  @Field()
  licence: string;

  @Field(() => Int)
  lessons: number;

  @Field(() => Int)
  scenarios: number;

  @Field(() => [String], { description: 'Assessment kinds in sequence: pre, post, check' })
  assessments: string[];

  @Field(() => Int, { description: 'Estimated minutes of the module' })
  minutes: number;

  @Field({ description: 'delivered (a student of the grade completed it) or assigned' })
  status: string;

  @Field(() => Int, { description: 'Classes of the grade it was assigned to' })
  classes: number;
}

@ObjectType()
export class PlanGrade {
  @Field(() => Int, { description: '0 is kindergarten' })
  grade: number;

  @Field(() => [PlanModule])
  modules: PlanModule[];

  @Field(() => Int, { description: 'Sum of the estimated minutes of the modules' })
  minutes: number;

  @Field(() => [PlanInstructor])
  instructors: PlanInstructor[];
}

@ObjectType({ description: 'Florida: a draft of the annual implementation plan, from what Haven recorded' })
export class FloridaPlanDraft {
  @Field()
  districtName: string;

  @Field({ description: 'The school year whose assignments and deliveries the draft is built from' })
  schoolYear: string;

  @Field({ description: 'The school year the plan is for' })
  planYear: string;

  @Field({ description: 'YYYY-MM-DD, from the rule data' })
  dueOn: string;

  @Field(() => FilingBasis)
  basis: FilingBasis;

  @Field(() => [PlanGrade], { description: 'Grades of the district’s schools, K-12 order' })
  grades: PlanGrade[];

  @Field(() => GraphQLISODateTime)
  generatedAt: Date;
}

@ObjectType()
export class TrainedStaffCompletion {
  @Field()
  courseCode: string;

  @Field()
  courseTitle: string;

  @Field(() => GraphQLISODateTime)
  completedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;

  @Field({ description: 'haven or external' })
  source: string;

  @Field()
  current: boolean;
}

@ObjectType()
export class TrainedStaffMember {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => [TrainedStaffCompletion], { description: 'Oldest first' })
  completions: TrainedStaffCompletion[];
}

@ObjectType({ description: 'Texas: the names of trained staff, with completion and expiry dates' })
export class TexasTrainedStaffDraft {
  @Field()
  districtName: string;

  @Field(() => FilingBasis)
  basis: FilingBasis;

  @Field(() => [String], { description: 'The trainings the rule names' })
  trainings: string[];

  @Field(() => [TrainedStaffMember])
  staff: TrainedStaffMember[];

  @Field(() => GraphQLISODateTime)
  generatedAt: Date;
}
