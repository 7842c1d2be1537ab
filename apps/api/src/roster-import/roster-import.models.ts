import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ObjectType({ description: 'How many records of each kind an import created, updated or deactivated' })
export class ImportKindCounts {
  @Field(() => Int)
  schools: number;

  @Field(() => Int)
  classes: number;

  @Field(() => Int)
  students: number;

  @Field(() => Int)
  staff: number;

  @Field(() => Int)
  enrollments: number;
}

@ObjectType({
  description: 'A problem found in a OneRoster file: an error rejects the row, a warning explains it',
})
export class ImportIssue {
  @Field({ description: 'e.g. users.csv' })
  file: string;

  @Field(() => Int, {
    nullable: true,
    description: 'CSV line, the header being line 1; null for a whole file',
  })
  line: number | null;

  @Field({ description: 'error or warning' })
  severity: string;

  @Field({ description: 'e.g. UNKNOWN_GRADE' })
  code: string;

  @Field()
  message: string;

  @Field({ nullable: true, description: 'What to change in the source system' })
  hint?: string;

  @Field({ nullable: true })
  sourcedId?: string;
}

@ObjectType('ImportRun', { description: 'One OneRoster import into a district (dry runs are not recorded)' })
export class ImportRunModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  districtId: string;

  @Field(() => String, { nullable: true, description: 'Who ran it; null when run from the command line' })
  startedByName: string | null;

  @Field()
  fileName: string;

  @Field({ description: 'all-or-nothing or valid-rows' })
  mode: string;

  @Field({ description: 'applied, unchanged (nothing to do) or rejected (errors, nothing written)' })
  status: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => ImportKindCounts)
  created: ImportKindCounts;

  @Field(() => ImportKindCounts)
  updated: ImportKindCounts;

  @Field(() => ImportKindCounts)
  deactivated: ImportKindCounts;

  @Field(() => Int)
  errorCount: number;

  @Field(() => Int)
  warningCount: number;

  @Field(() => Int, { description: 'New students (their PINs were shown once, to the admin who ran it)' })
  createdStudentCount: number;

  @Field(() => [ImportIssue], { description: 'The first 500 issues, errors first' })
  issues: ImportIssue[];
}

@ArgsType()
export class ImportRunsArgs {
  @Field(() => ID, { nullable: true, description: 'Platform admins: the district (default: the caller’s)' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => Int, { defaultValue: 20, description: 'How many, newest first (1 to 100)' })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(100, { message: 'first must be at most 100' })
  first = 20;
}

@ArgsType()
export class SchoolImportRunsArgs {
  @Field(() => ID, { nullable: true, description: 'One of the caller’s schools (default: all of them)' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => Int, { defaultValue: 20, description: 'How many, newest first (1 to 100)' })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(100, { message: 'first must be at most 100' })
  first = 20;
}
