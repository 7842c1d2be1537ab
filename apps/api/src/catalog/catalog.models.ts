import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The catalog as GraphQL sees it. Texts are given in the language the query asked for (falling back to the
 * module's source language); lesson HTML was rendered and sanitised when the module was compiled.
 */
@ObjectType({ description: 'A topic from the controlled vocabulary that mandates refer to' })
export class Topic {
  @Field()
  tag: string;

  @Field()
  label: string;
}

@ObjectType()
export class ContentWarning {
  @Field()
  topic: string;

  @Field()
  text: string;
}

@ObjectType()
export class FacilitatorRequirement {
  @Field(() => [String], { description: 'Trainings the person delivering the module must hold' })
  trainings: string[];

  @Field()
  survivorCoFacilitationRecommended: boolean;
}

@ObjectType()
export class LessonBlock {
  @Field({ description: 'objectives, warm-up, content, discussion, activity, role-play, check or help' })
  kind: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field({ description: 'Sanitised HTML' })
  html: string;
}

@ObjectType()
export class FacilitatorNote {
  @Field(() => String, { nullable: true })
  title: string | null;

  @Field({ description: 'Sanitised HTML, for staff only' })
  html: string;
}

@ObjectType()
export class Lesson {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field(() => Int)
  minutes: number;

  @Field(() => [LessonBlock])
  blocks: LessonBlock[];

  /** Served by LessonResolver.facilitatorNotes (staff only). */
  notes: FacilitatorNote[];
}

@ObjectType()
export class ScenarioEnding {
  @Field()
  outcome: string;

  @Field()
  debrief: string;
}

@ObjectType({ description: 'A scenario variable the conditions and effects use' })
export class ScenarioVariable {
  @Field()
  id: string;

  @Field({ description: 'boolean or number' })
  type: string;

  @Field({ description: 'Starting value as a JSON literal, e.g. false or 0' })
  initial: string;
}

@ObjectType({ description: 'What a choice does to a variable' })
export class VariableEffect {
  @Field()
  variable: string;

  @Field({ description: 'set or add' })
  op: string;

  @Field({ description: 'A JSON literal: the value to set, or the number to add' })
  value: string;
}

@ObjectType()
export class ScenarioChoice {
  @Field()
  id: string;

  @Field()
  text: string;

  @Field()
  next: string;

  @Field()
  feedback: string;

  @Field(() => [String])
  tags: string[];

  @Field(() => String, { nullable: true, description: 'Condition on scenario variables' })
  condition: string | null;

  @Field(() => [VariableEffect], {
    description: 'Variable changes when the choice is taken (all sets, then all adds)',
  })
  effects: VariableEffect[];
}

@ObjectType()
export class ScenarioNode {
  @Field()
  id: string;

  @Field()
  speaker: string;

  @Field(() => String, { nullable: true, description: 'Display name of the speaking character' })
  speakerName: string | null;

  @Field()
  text: string;

  @Field(() => [ScenarioChoice])
  choices: ScenarioChoice[];

  @Field(() => ScenarioEnding, { nullable: true })
  ending: ScenarioEnding | null;
}

@ObjectType()
export class Scenario {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field()
  start: string;

  @Field(() => [ScenarioVariable])
  variables: ScenarioVariable[];

  @Field(() => Int)
  nodeCount: number;

  @Field(() => Int)
  endingCount: number;

  @Field(() => [ScenarioNode])
  nodes: ScenarioNode[];
}

@ObjectType()
export class AssessmentOption {
  @Field()
  id: string;

  @Field()
  text: string;
}

@ObjectType()
export class AssessmentItem {
  @Field()
  id: string;

  @Field({ description: 'multiple-choice, true-false or likert' })
  type: string;

  @Field({ description: 'knowledge, attitudes, help-seeking intention, self-efficacy, …' })
  construct: string;

  @Field()
  prompt: string;

  @Field(() => [AssessmentOption], { description: 'Choices (multiple choice) or scale points (Likert)' })
  options: AssessmentOption[];

  @Field({ description: 'Touches a PPRA-protected area: parental notice applies' })
  sensitive: boolean;
}

@ObjectType()
export class Assessment {
  @Field()
  id: string;

  @Field({ description: 'pre, post or check' })
  kind: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  instructions: string | null;

  @Field(() => [AssessmentItem])
  items: AssessmentItem[];
}

@ObjectType()
export class SequenceStep {
  @Field({ description: 'lesson, scenario or assessment' })
  kind: string;

  @Field()
  id: string;
}

@ObjectType('ModuleVersion', { description: 'One immutable version of a curriculum module' })
export class ModuleVersionView {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The module id, e.g. online-safety-6-8' })
  moduleId: string;

  @Field()
  version: string;

  @Field({ description: 'sha256 of the canonical compiled module' })
  contentHash: string;

  @Field({ description: 'The language these texts are in' })
  language: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  gradeBand: string;

  @Field(() => [Int])
  grades: number[];

  @Field(() => [String])
  languages: string[];

  @Field(() => [Topic])
  topics: Topic[];

  @Field(() => Int)
  estimatedMinutes: number;

  @Field()
  loadedAt: Date;
}
