import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

@ObjectType({
  description: 'A lesson taught to the class in person (facilitation mode), with who was present',
})
export class ClassDeliveryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID)
  classId: string;

  @Field({ description: 'The lesson of the assigned module version' })
  lessonId: string;

  @Field({ description: "The lesson's title in the caller's language" })
  lessonTitle: string;

  @Field(() => GraphQLISODateTime)
  deliveredAt: Date;

  @Field(() => Int, { description: 'Minutes taught' })
  minutes: number;

  @Field({ description: 'Who taught it' })
  deliveredByName: string;

  @Field(() => [ID], { description: 'Students recorded as present (they received the instruction)' })
  presentStudentIds: string[];
}

@InputType()
export class RecordDeliveryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId must be an id' })
  assignmentId: string;

  @Field()
  @Matches(/^[a-z0-9-]{1,80}$/, { message: 'lessonId must be a lesson id' })
  lessonId: string;

  @Field(() => Int, { description: 'Minutes taught (1 to 600)' })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(600, { message: 'minutes must be at most 600' })
  minutes: number;

  @Field(() => [ID], { description: 'Students of the class who were present (at most 200)' })
  @ArrayMaxSize(200, { message: 'at most 200 students can be marked present' })
  @IsUUID('all', { each: true, message: 'presentStudentIds must be student ids' })
  presentStudentIds: string[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was taught (default: now)' })
  @IsOptional()
  @IsDate({ message: 'deliveredAt must be a date' })
  deliveredAt?: Date;
}
