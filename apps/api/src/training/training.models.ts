import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

@ObjectType()
export class TrainingCourseModel {
  @Field()
  code: string;

  @Field()
  title: string;

  @Field(() => Int, { nullable: true, description: 'Months a completion counts; null: it does not expire' })
  validityMonths: number | null;
}

@ObjectType({ description: 'A completion of a training by a staff member' })
export class TrainingRecordModel {
  @Field(() => ID)
  id: string;

  @Field()
  courseCode: string;

  @Field()
  courseTitle: string;

  @Field(() => GraphQLISODateTime)
  completedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;

  @Field({ description: 'haven or external' })
  source: string;

  @Field({ description: 'Unexpired today' })
  current: boolean;

  @Field({ description: 'Expires within 60 days' })
  expiringSoon: boolean;
}

@ObjectType({ description: 'A staff member and the trainings they hold' })
export class StaffTraining {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => [String], { description: 'Their roles within the caller’s scope' })
  roles: string[];

  @Field(() => [TrainingRecordModel])
  records: TrainingRecordModel[];
}

@InputType({ description: 'An admin records a completed training (e.g. an outside certificate)' })
export class RecordTrainingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;

  @Field()
  @Matches(/^[a-z0-9-]{2,60}$/, {
    message: 'courseCode must be a training code such as haven-facilitator-basics',
  })
  courseCode: string;

  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'completedAt must be a date' })
  completedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Defaults to the course validity' })
  @IsOptional()
  @IsDate({ message: 'expiresAt must be a date' })
  expiresAt?: Date;

  @Field({ defaultValue: 'external' })
  @IsIn(['haven', 'external'], { message: 'source must be haven or external' })
  source: 'haven' | 'external' = 'external';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}
