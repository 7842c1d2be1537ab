import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Pre/post results for one construct on a 0-100 scale. With fewer than 5 matched pairs, pairs is "<5" and the means are null.',
})
export class ConstructOutcome {
  @Field({ description: 'knowledge, attitudes, help-seeking-intention or self-efficacy' })
  construct: string;

  @Field({ description: 'Students who answered this construct in both the pre and the post assessment' })
  pairs: string;

  @Field(() => Float, { nullable: true, description: 'Mean pre score (0-100) of the matched students' })
  preMean: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean post score (0-100) of the matched students' })
  postMean: number | null;

  @Field(() => Float, { nullable: true, description: 'Post mean minus pre mean, in points' })
  gain: number | null;
}

@ObjectType({ description: 'Session-safety answers in the post assessment' })
export class SessionSafetyOutcome {
  @Field({ description: 'Students who answered a session-safety item; "<5" under 5' })
  respondents: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-100) answering that the session felt upsetting or unsafe; null under 5',
  })
  upsetPercent: number | null;
}

@ObjectType({ description: 'Outcomes of one module version in one school and grade' })
export class OutcomeGroup {
  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field(() => Int)
  grade: number;

  @Field()
  moduleId: string;

  @Field()
  moduleVersion: string;

  @Field({ description: 'Module title in English' })
  moduleTitle: string;

  @Field(() => [ConstructOutcome], { description: 'The constructs the module asks before and after' })
  constructs: ConstructOutcome[];

  @Field(() => SessionSafetyOutcome, { nullable: true })
  sessionSafety: SessionSafetyOutcome | null;
}

@ObjectType({ description: 'Pre/post gains per construct, school, grade and module version' })
export class OutcomesReport {
  @Field()
  districtName: string;

  @Field()
  schoolYear: string;

  @Field(() => GraphQLISODateTime)
  generatedAt: Date;

  @Field(() => [OutcomeGroup])
  groups: OutcomeGroup[];
}
