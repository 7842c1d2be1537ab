import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Student } from '../roster/roster.models';
import { CONSENT_KINDS, type ConsentKind } from './consent.entity';

@ObjectType({ description: "A parent's or guardian's opt-out or written consent on file" })
export class ConsentRecordModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  studentId: string;

  @Field()
  schoolYear: string;

  @Field({ description: 'opt-out or written-consent' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'Null: every module of the school year' })
  moduleId: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;
}

@ObjectType({ description: "A student's consent status under the district's consent model" })
export class StudentConsent {
  @Field(() => Student)
  student: Student;

  @Field(() => [ConsentRecordModel])
  records: ConsentRecordModel[];

  @Field({
    description: 'May receive the instruction (whole-year records; a module-only record gates that module)',
  })
  eligible: boolean;

  @Field({ description: 'eligible, opted-out, consent-on-file or consent-missing' })
  status: string;

  @Field({ description: 'An opt-out is on file, but the state has no opt-out for this instruction' })
  optOutNotRecognised: boolean;
}

@ObjectType({ description: "A class's parental consent under the district's state consent model" })
export class ClassConsent {
  @Field(() => ID)
  classId: string;

  @Field()
  schoolYear: string;

  @Field({ description: 'none, opt-out or opt-in-written (the strictest of the state rules)' })
  model: string;

  @Field()
  state: string;

  @Field(() => [StudentConsent])
  students: StudentConsent[];
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'studentId must be an id' })
  studentId: string;

  @Field()
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear must look like 2026-2027' })
  schoolYear: string;

  @Field(() => String, { description: 'opt-out or written-consent' })
  @IsIn(CONSENT_KINDS, { message: 'kind must be opt-out or written-consent' })
  kind: ConsentKind;

  @Field(() => String, { nullable: true, description: 'Only this module; omit for the whole school year' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,80}$/, { message: 'moduleId must be a module id' })
  moduleId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}
