import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { homeFor } from '@haven/domain';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import { User } from '../identity/user.entity';
import { Actor, rolesOf } from './actor';
import { CurrentActor } from './current-actor.decorator';
import { LanguageArgs, StaffSignInInput, StudentSignInInput } from './dtos/sign-in.input';
import { AuthService } from './auth.service';
import { Allow } from './policy.decorator';
import type { GqlContext } from './request-context';
import { SessionService } from './session.service';
import { Viewer } from './viewer.model';

type ViewerRow = Viewer & { districtId: string | null; schoolId: string | null };

function toViewer(actor: Actor): ViewerRow {
  const roles = rolesOf(actor);
  const scoped = actor.grants.find((g) => g.schoolId) ?? actor.grants.find((g) => g.districtId);
  return {
    id: actor.userId,
    kind: actor.kind,
    displayName: actor.displayName,
    roles,
    home: homeFor(roles),
    preferredLanguage: actor.preferredLanguage,
    districtId: scoped?.districtId ?? null,
    schoolId: scoped?.schoolId ?? null,
    district: null,
    school: null,
  };
}

@Resolver(() => Viewer)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Allow('public')
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user, or null' })
  me(@CurrentActor() actor: Actor | null): Viewer | null {
    return actor ? toViewer(actor) : null;
  }

  @Allow('public')
  @Mutation(() => Viewer, { description: 'Staff sign-in with email and password' })
  async signIn(@Args('input') input: StaffSignInInput, @Context() ctx: GqlContext): Promise<Viewer> {
    return toViewer(await this.auth.staffSignIn(input, ctx.req, ctx.res));
  }

  @Allow('public')
  @Mutation(() => Viewer, { description: "Student sign-in with the school's code, a username and a PIN" })
  async studentSignIn(@Args('input') input: StudentSignInInput, @Context() ctx: GqlContext): Promise<Viewer> {
    return toViewer(await this.auth.studentSignIn(input, ctx.req, ctx.res));
  }

  @Allow('public')
  @Mutation(() => Boolean, { description: 'Ends the session; true even when there was none' })
  async signOut(@Context() ctx: GqlContext): Promise<boolean> {
    await this.sessions.end(ctx.req, ctx.res);
    return true;
  }

  @Allow('authenticated')
  @Mutation(() => Viewer)
  async setPreferredLanguage(
    @Args() { language }: LanguageArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Viewer> {
    await this.ds.getRepository(User).update({ id: actor.userId }, { preferredLanguage: language });
    const updated = { ...actor, preferredLanguage: language };
    this.sessions.remember(updated);
    return toViewer(updated);
  }

  @Allow('authenticated')
  @ResolveField(() => District, { nullable: true })
  district(@Parent() viewer: ViewerRow, @Context() ctx: GqlContext): Promise<District | null> | null {
    return viewer.districtId ? ctx.loaders.district.load(viewer.districtId) : null;
  }

  @Allow('authenticated')
  @ResolveField(() => School, { nullable: true })
  school(@Parent() viewer: ViewerRow, @Context() ctx: GqlContext): Promise<School | null> | null {
    return viewer.schoolId ? ctx.loaders.school.load(viewer.schoolId) : null;
  }
}
