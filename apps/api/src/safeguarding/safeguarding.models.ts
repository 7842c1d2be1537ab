import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The longest message a student may send with a talk request (the form says so). */
export const TALK_MESSAGE_MAX = 2000;

@InputType({ description: 'A student asks to talk to a trusted adult; the message is optional' })
export class AskToTalkInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TALK_MESSAGE_MAX, { message: `message must be at most ${TALK_MESSAGE_MAX} characters` })
  message?: string;
}

@ObjectType({ description: 'What a student is told after asking to talk: always the same' })
export class AskToTalkAnswer {
  @Field({ description: 'A trusted adult at your school will follow up' })
  message: string;
}

@ObjectType({
  description: "The caller's safeguarding inbox: whether they are designated staff, and open alerts",
})
export class SafeguardingInbox {
  @Field({ description: 'Designated safeguarding staff of at least one school' })
  designated: boolean;

  @Field(() => Int, { description: 'Alerts not yet acknowledged, in the schools they are designated for' })
  openAlerts: number;
}

@ObjectType({ description: 'A talk request or a concerning reflection, for designated staff only' })
export class SafeguardingAlertModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'talk-request or concerning-phrase' })
  kind: string;

  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field(() => ID)
  studentId: string;

  @Field()
  studentName: string;

  @Field(() => Int, { nullable: true })
  gradeLevel: number | null;

  @Field(() => [String], { description: "The student's classes at the school" })
  classNames: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What the student wrote (every read is audited); null for a talk request without a message',
  })
  text: string | null;

  @Field(() => [String], { description: 'Concern categories matched (see @haven/safeguarding)' })
  categories: string[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgedByName: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ArgsType()
export class SafeguardingAlertsArgs {
  @Field({ defaultValue: 'open', description: 'open or acknowledged' })
  @IsIn(['open', 'acknowledged'], { message: 'status must be open or acknowledged' })
  status: 'open' | 'acknowledged' = 'open';

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200, { message: 'first must be at most 200' })
  first = 50;
}

@InputType()
export class AcknowledgeAlertInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'alertId must be an id' })
  alertId: string;

  @Field({ description: 'What was done (e.g. "Spoke with the student; followed the protocol")' })
  @IsString()
  @MinLength(2, { message: 'Write a short note of what was done' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note: string;
}

@ObjectType({ description: 'A staff member of the school' })
export class SchoolStaffMember {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => [String], { description: 'Their roles at the school' })
  roles: string[];
}

@ObjectType({ description: "A school's designated safeguarding staff member" })
export class SafeguardingDesigneeModel {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => GraphQLISODateTime)
  namedAt: Date;
}

@ObjectType({ description: "A school's designated safeguarding staff, and the staff who could be named" })
export class SchoolSafeguardingStaff {
  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field(() => [SafeguardingDesigneeModel])
  designees: SafeguardingDesigneeModel[];

  @Field(() => [SchoolStaffMember], { description: 'Staff of the school not yet designated' })
  candidates: SchoolStaffMember[];
}

@InputType()
export class DesignateSafeguardingStaffInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'schoolId must be an id' })
  schoolId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;

  @Field(() => String, { nullable: true, description: 'e.g. School counsellor, Safeguarding lead' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title?: string;
}

@InputType()
export class RemoveSafeguardingDesigneeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'schoolId must be an id' })
  schoolId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;
}
