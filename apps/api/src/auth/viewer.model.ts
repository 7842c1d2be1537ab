import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@haven/domain';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import type { UserKind } from '../identity/user.entity';
import { RoleEnum, UserKindEnum } from '../roster/roster.models';

@ObjectType({ description: 'The signed-in user.' })
export class Viewer {
  @Field(() => ID)
  id: string;

  @Field(() => UserKindEnum)
  kind: UserKind;

  @Field()
  displayName: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field({ description: 'Where the web app sends this user after sign-in, e.g. /teacher' })
  home: string;

  @Field({ description: 'en or es' })
  preferredLanguage: string;

  @Field(() => District, { nullable: true })
  district: District | null;

  @Field(() => School, { nullable: true })
  school: School | null;
}
