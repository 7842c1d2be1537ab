import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
