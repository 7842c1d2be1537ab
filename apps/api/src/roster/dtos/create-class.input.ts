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

/** Most co-teachers of one class. */
export const MAX_CLASS_TEACHERS = 20;

@InputType()
export class CreateClassInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'schoolId must be an id' })
  schoolId: string;

  @Field()
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

  @Field(() => [Int])
  @ArrayMinSize(1, { message: 'gradeLevels needs at least one grade' })
  @ArrayMaxSize(13)
  @IsInt({ each: true })
  @Min(0, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  @Max(12, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  gradeLevels: number[];

  @Field({ description: 'e.g. 2026-2027' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear must look like 2026-2027' })
  schoolYear: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Teachers of the class: staff of the school (teachers or school admins), at most 20',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_CLASS_TEACHERS, { message: `teacherIds may list at most ${MAX_CLASS_TEACHERS} teachers` })
  @IsUUID('all', { each: true, message: 'teacherIds must be ids' })
  teacherIds?: string[];
}
