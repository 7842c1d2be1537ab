import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { TrainingRecordModel } from '../training/training.models';

/** Most languages a profile lists. */
export const MAX_PROFILE_LANGUAGES = 12;

@ObjectType({ description: 'A staff member’s facilitator profile (written by them only)' })
export class FacilitatorProfileModel {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  pronouns: string | null;

  @Field()
  bio: string;

  @Field(() => [String], { description: 'Languages they facilitate in (BCP 47 tags such as en, es)' })
  languages: string[];

  @Field({ description: 'Shown in the district’s facilitator directory' })
  listed: boolean;

  @Field({ description: 'They chose to be listed as a survivor facilitator' })
  survivorFacilitator: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'What they chose to share, in their own words; null when not listed as a survivor facilitator',
  })
  survivorStatement: string | null;

  @Field(() => [TrainingRecordModel], { description: 'From their training records, not self-declared' })
  trainings: TrainingRecordModel[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@InputType({
  description: 'The caller’s own profile; survivor status is set separately and only by its owner',
})
export class FacilitatorProfileInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(120, { message: 'displayName must be at most 120 characters' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'pronouns must be at most 40 characters' })
  pronouns?: string | null;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000, { message: 'bio must be at most 2000 characters' })
  bio: string = '';

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_PROFILE_LANGUAGES, { message: `languages: at most ${MAX_PROFILE_LANGUAGES}` })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, {
    each: true,
    message: 'each language must be a language tag such as en or es',
  })
  languages: string[] = [];

  @Field({ defaultValue: false, description: 'Show the profile in the district directory' })
  @IsBoolean()
  listed: boolean = false;
}

@InputType({ description: 'The caller chooses to be listed as a survivor facilitator, with their own text' })
export class SurvivorListingInput {
  @Field({ description: 'What they choose to share; shown as written' })
  @IsString()
  @Matches(/\S/, { message: 'statement must not be empty' })
  @MaxLength(2000, { message: 'statement must be at most 2000 characters' })
  statement: string;
}
