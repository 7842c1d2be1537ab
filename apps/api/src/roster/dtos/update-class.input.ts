import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_CLASS_TEACHERS } from './create-class.input';

/** Most students enrolled or unenrolled in one call. */
export const MAX_ENROLL_BATCH = 200;

@InputType({ description: 'What to change in a class; fields left out stay as they are' })
export class UpdateClassInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'classId must be an id' })
  classId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'gradeLevels needs at least one grade' })
  @ArrayMaxSize(13)
  @IsInt({ each: true })
  @Min(0, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  @Max(12, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  gradeLevels?: number[];

  @Field({ nullable: true, description: 'e.g. 2026-2027' })
  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear must look like 2026-2027' })
  schoolYear?: string;
}

@InputType({ description: 'The complete list of a class’s teachers (replaces the current list)' })
export class SetClassTeachersInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'classId must be an id' })
  classId: string;

  @Field(() => [ID], { description: 'Staff of the class’s school (teachers or school admins); may be empty' })
  @ArrayMaxSize(MAX_CLASS_TEACHERS, { message: `teacherIds may list at most ${MAX_CLASS_TEACHERS} teachers` })
  @IsUUID('all', { each: true, message: 'teacherIds must be ids' })
  teacherIds: string[];
}

@InputType({ description: 'Students of the class’s school to enroll in or unenroll from a class' })
export class ClassStudentsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'classId must be an id' })
  classId: string;

  @Field(() => [ID], { description: `1 to ${MAX_ENROLL_BATCH} students` })
  @ArrayMinSize(1, { message: 'studentIds needs at least one student' })
  @ArrayMaxSize(MAX_ENROLL_BATCH, { message: `studentIds may list at most ${MAX_ENROLL_BATCH} students` })
  @IsUUID('all', { each: true, message: 'studentIds must be ids' })
  studentIds: string[];
}
