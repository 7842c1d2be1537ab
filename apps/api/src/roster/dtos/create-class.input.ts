import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

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
}
