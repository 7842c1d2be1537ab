import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GRADE_BANDS } from '@haven/domain';
import { PageArgs } from '../../common/page.args';

const LANGUAGE = /^[a-z]{2}$/;

@ArgsType()
export class ModulesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'K-2, 3-5, 6-8 or 9-12' })
  @IsOptional()
  @IsIn(GRADE_BANDS, { message: `gradeBand must be one of ${GRADE_BANDS.join(', ')}` })
  gradeBand?: string;

  @Field(() => Int, { nullable: true, description: '0 (K) to 12' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'grade must be from 0 (K) to 12' })
  @Max(12, { message: 'grade must be from 0 (K) to 12' })
  grade?: number;

  @Field(() => String, { nullable: true, description: 'Only modules available in this language' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be a two-letter code such as en or es' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'A topic tag, e.g. online-safety' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'topic must be a topic tag such as online-safety' })
  topic?: string;

  @Field(() => String, { nullable: true, description: 'Language of the returned texts (default en)' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'displayLanguage must be a two-letter code such as en or es' })
  displayLanguage?: string;
}

@ArgsType()
export class ModuleVersionArgs {
  @Field(() => ID)
  @Matches(/^[a-z0-9-]{2,80}$/, { message: 'moduleId must be a module id such as online-safety-6-8' })
  moduleId: string;

  @Field(() => String, { nullable: true, description: 'A version such as 1.0.0; the latest when omitted' })
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+$/, { message: 'version must look like 1.0.0' })
  version?: string;

  @Field(() => String, { nullable: true, description: 'Language of the returned texts (default en)' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'displayLanguage must be a two-letter code such as en or es' })
  displayLanguage?: string;
}
