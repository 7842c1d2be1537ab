import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Assessment, ContentWarning, Lesson, Scenario } from '../catalog/catalog.models';
import { Student } from '../roster/roster.models';
import { PROGRESS_KINDS, type ProgressKind } from './learning.entities';

export const AssignmentStatusEnum = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  completed: 'completed',
} as const;
export type AssignmentStatus = keyof typeof AssignmentStatusEnum;
registerEnumType(AssignmentStatusEnum, { name: 'AssignmentStatus' });

export const ProgressKindEnum = Object.fromEntries(PROGRESS_KINDS.map((k) => [k, k])) as {
  [K in ProgressKind]: K;
};
registerEnumType(ProgressKindEnum, { name: 'ProgressKind', description: 'What a progress event records' });

export const EventOutcomeEnum = {
  accepted: 'accepted',
  duplicate: 'duplicate',
  rejected: 'rejected',
} as const;
export type EventOutcome = keyof typeof EventOutcomeEnum;
registerEnumType(EventOutcomeEnum, { name: 'EventOutcome' });

const ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

@ObjectType({ description: 'Where a class stands on an assignment (students enrolled now)' })
export class AssignmentSummary {
  @Field(() => Int)
  enrolled: number;

  @Field(() => Int)
  notStarted: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  completed: number;
}

@ObjectType({ description: 'A module given to a class' })
export class AssignmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  classId: string;

  @Field()
  moduleId: string;

  @Field()
  version: string;

  @Field()
  title: string;

  @Field(() => GraphQLISODateTime)
  opensAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  dueAt: Date | null;
}

@InputType()
export class AssignModuleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'classId must be an id' })
  classId: string;

  @Field()
  @Matches(/^[a-z0-9-]{2,80}$/, { message: 'moduleId must be a module id such as online-safety-6-8' })
  moduleId: string;

  @Field(() => String, { nullable: true, description: 'A version such as 1.0.0; the latest when omitted' })
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+$/, { message: 'version must look like 1.0.0' })
  version?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Defaults to now' })
  @IsOptional()
  @IsDate({ message: 'opensAt must be a date and time' })
  opensAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'dueAt must be a date and time' })
  dueAt?: Date;
}

@InputType({ description: 'Move an assignment nobody has started to a newer version of its module' })
export class MoveAssignmentToVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId must be an id' })
  assignmentId: string;

  @Field({ description: 'A newer published version of the same module, such as 1.2.0' })
  @Matches(/^\d+\.\d+\.\d+$/, { message: 'version must look like 1.0.0' })
  version: string;
}

@ObjectType({ description: "An assignment as the student sees it, in the student's language" })
export class StudentAssignment {
  @Field(() => ID, { description: 'The assignment id' })
  id: string;

  @Field()
  moduleId: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field(() => Int)
  estimatedMinutes: number;

  @Field()
  className: string;

  @Field(() => GraphQLISODateTime)
  opensAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  dueAt: Date | null;

  @Field(() => AssignmentStatusEnum)
  status: AssignmentStatus;

  @Field(() => Int, { description: 'Steps done' })
  completedSteps: number;

  @Field(() => Int)
  totalSteps: number;

  @Field({ description: 'Not eligible under the parental consent model: the alternative activity instead' })
  excused: boolean;
}

@ObjectType()
export class StudentStep {
  @Field(() => Int)
  index: number;

  @Field({ description: 'lesson, scenario or assessment' })
  kind: string;

  @Field()
  id: string;

  @Field()
  title: string;
}

@ObjectType()
export class ScenarioRunModel {
  @Field()
  scenarioId: string;

  @Field(() => Int)
  runNo: number;

  @Field(() => [String], { description: 'Choice ids taken, in order' })
  path: string[];

  @Field()
  ended: boolean;

  @Field(() => String, { nullable: true })
  outcome: string | null;
}

@ObjectType()
export class AnsweredItem {
  @Field()
  assessmentId: string;

  @Field()
  itemId: string;

  @Field()
  response: string;
}

@ObjectType()
export class ReflectionModel {
  @Field(() => ID)
  id: string;

  @Field()
  promptId: string;

  @Field()
  text: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({
  description:
    "A student's reflection in a class's progress view: the text only for the class's own teachers; other staff who may see the class (school, district or platform admins) see that it was written, not what",
})
export class StaffReflectionModel {
  @Field(() => ID)
  id: string;

  @Field()
  promptId: string;

  @Field(() => String, {
    nullable: true,
    description: "The student's words; null unless the reader teaches the class",
  })
  text: string | null;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({
  description: "The student's record for one assignment: enough to resume exactly where they were",
})
export class AttemptProgress {
  @Field(() => AssignmentStatusEnum)
  status: AssignmentStatus;

  @Field(() => Int)
  stepIndex: number;

  @Field(() => Int)
  blockIndex: number;

  @Field(() => [Int])
  completedSteps: number[];

  @Field(() => [String], { description: 'Topics for which the student chose the alternative activity' })
  alternativeTopics: string[];

  @Field(() => [ScenarioRunModel])
  scenarioRuns: ScenarioRunModel[];

  @Field(() => [AnsweredItem])
  answers: AnsweredItem[];

  @Field(() => [ReflectionModel])
  reflections: ReflectionModel[];
}

@ObjectType({
  description: 'An assigned module as the student plays it (no facilitator notes, no answer keys)',
})
export class StudentModule {
  @Field(() => ID)
  assignmentId: string;

  @Field()
  moduleId: string;

  @Field()
  version: string;

  @Field()
  language: string;

  @Field()
  title: string;

  @Field(() => [ContentWarning])
  contentWarnings: ContentWarning[];

  @Field(() => String, { nullable: true })
  alternativeActivity: string | null;

  @Field(() => [StudentStep])
  steps: StudentStep[];

  @Field(() => [Lesson])
  lessons: Lesson[];

  @Field(() => [Scenario])
  scenarios: Scenario[];

  @Field(() => [Assessment])
  assessments: Assessment[];

  @Field(() => AttemptProgress)
  progress: AttemptProgress;

  @Field({
    description:
      'Not eligible under the parental consent model (opted out, or no written consent where required): lessons, scenarios and assessments are empty; show alternativeActivity',
  })
  excused: boolean;
}

@InputType({ description: 'One thing the student did, with an id the browser generated (retries reuse it)' })
export class ProgressEventInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID generated by the client' })
  id: string;

  @Field(() => ProgressKindEnum)
  @IsIn(PROGRESS_KINDS, { message: `kind must be one of ${PROGRESS_KINDS.join(', ')}` })
  kind: ProgressKind;

  @Field(() => GraphQLISODateTime, { description: 'When it happened on the device' })
  @IsDate({ message: 'at must be a date and time' })
  at: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  stepIndex?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  blockIndex?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'scenarioId must be an id' })
  scenarioId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  runNo?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'choiceId must be an id' })
  choiceId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'assessmentId must be an id' })
  assessmentId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'itemId must be an id' })
  itemId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  response?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'promptId must be an id' })
  promptId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Reflection text (private to the student and their teachers)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'text must be at most 4000 characters' })
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic tag' })
  topic?: string;
}

@InputType()
export class SubmitProgressInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId must be an id' })
  assignmentId: string;

  @Field(() => [ProgressEventInput], { description: 'In the order they happened; at most 100' })
  @ArrayMinSize(1, { message: 'events must not be empty' })
  @ArrayMaxSize(100, { message: 'events must hold at most 100 events' })
  @ValidateNested({ each: true })
  @Type(() => ProgressEventInput)
  events: ProgressEventInput[];
}

@ObjectType()
export class EventResult {
  @Field(() => ID)
  id: string;

  @Field(() => EventOutcomeEnum)
  outcome: EventOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, e.g. CHOICE_NOT_AVAILABLE' })
  code: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;
}

@ObjectType()
export class SubmitProgressResult {
  @Field(() => [EventResult])
  results: EventResult[];

  /** Resolved on demand by SubmitProgressResultResolver.progress. */
  attemptId: string;
}

@ObjectType({ description: "One student's progress through an assignment, for their teacher" })
export class StudentProgressRow {
  @Field(() => Student)
  student: Student;

  @Field(() => AssignmentStatusEnum)
  status: AssignmentStatus;

  @Field(() => [Int], { description: 'Indexes of the steps done' })
  completedSteps: number[];

  @Field(() => Int, { nullable: true, description: 'The step the student is on (null when not started)' })
  currentStep: number | null;

  @Field(() => [String], {
    description: 'Topics for which the student took the alternative activity (excused)',
  })
  alternativeTopics: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastActivityAt: Date | null;

  @Field(() => [StaffReflectionModel], {
    description:
      "Private reflections: every one is listed, but its text is visible to the student and the class's teachers only",
  })
  reflections: StaffReflectionModel[];

  @Field({ description: 'Excused under the parental consent model (opted out, or consent missing)' })
  excusedForConsent: boolean;

  @Field({
    description:
      "The school's designated safeguarding staff have an open alert about this student (no details: they follow up)",
  })
  needsFollowUp: boolean;
}

@ObjectType({ description: 'Where every student of the class is in an assignment' })
export class AssignmentProgressView {
  @Field(() => AssignmentModel)
  assignment: AssignmentModel;

  @Field(() => [StudentStep])
  steps: StudentStep[];

  @Field(() => [StudentProgressRow])
  students: StudentProgressRow[];
}
