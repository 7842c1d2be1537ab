import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageArgs } from '../common/page.args';
import { ROLES } from '@haven/domain';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in (typeof ROLES)[number]]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do, within a district or school' });

export const UserKindEnum = { staff: 'staff', student: 'student' } as const;
registerEnumType(UserKindEnum, { name: 'UserKind' });

@ObjectType({ description: 'A staff member as others see them.' })
export class StaffMember {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  email: string;
}

@ObjectType({ description: 'A student as their teachers see them: only what the class needs.' })
export class Student {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => Int)
  gradeLevel: number;
}

@ArgsType()
export class SchoolStudentsArgs extends PageArgs {
  @Field(() => [Int], { nullable: true, description: 'Only students in these grades (0 = kindergarten)' })
  @IsOptional()
  @ArrayMaxSize(13)
  @IsInt({ each: true })
  @Min(0, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  @Max(12, { each: true, message: 'gradeLevels must be from 0 (K) to 12' })
  gradeLevels?: number[];
}
