import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { ConstructOutcome } from '../compliance/outcomes.models';

@ArgsType()
export class ClassInsightsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId must be an assignment id' })
  assignmentId: string;

  @Field(() => String, {
    nullable: true,
    description: "Language of the scenario texts (default: the caller's language, else the module's)",
  })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'displayLanguage must be a two-letter code such as en or es' })
  displayLanguage?: string;
}

@ObjectType({
  description:
    'How many of the students who reached a scenario node chose one option there (null when fewer than 5 reached it)',
})
export class ChoiceInsight {
  @Field(() => ID)
  choiceId: string;

  @Field({ description: 'The option as the student read it' })
  text: string;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-100, one decimal) of the students who reached the node',
  })
  percent: number | null;
}

@ObjectType({
  description: 'One scenario node with choices: what the class chose there on their first play-through',
})
export class NodeInsight {
  @Field(() => ID)
  nodeId: string;

  @Field({ description: 'What the student read at this node' })
  text: string;

  @Field({
    description: 'Students whose first play-through reached this node; "<5" under 5 (then nothing is shown)',
  })
  reached: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Students who reached the node and have not chosen yet (null under 5)',
  })
  notYetChosen: number | null;

  @Field(() => [ChoiceInsight], { description: 'Every option of the node, in authored order' })
  choices: ChoiceInsight[];
}

@ObjectType({ description: "The class's choices in one scenario of the module version" })
export class ScenarioInsight {
  @Field(() => ID)
  scenarioId: string;

  @Field()
  title: string;

  @Field(() => [NodeInsight], { description: 'The nodes with choices, in authored order' })
  nodes: NodeInsight[];
}

@ObjectType({
  description:
    'Aggregates of one assignment for its class: pre/post means per construct over matched pairs and the share choosing each scenario option. Groups under 5 students are hidden.',
})
export class ClassInsights {
  @Field(() => ID)
  assignmentId: string;

  @Field({ description: 'Language of the scenario texts' })
  language: string;

  @Field(() => [ConstructOutcome], {
    description:
      'The gain constructs the module asks before and after (session safety is only reported across a school and grade)',
  })
  constructs: ConstructOutcome[];

  @Field(() => [ScenarioInsight])
  scenarios: ScenarioInsight[];
}
