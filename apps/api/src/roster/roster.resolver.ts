import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow, ROSTER_STAFF, SCHOOL_MANAGERS } from '../auth/policy.decorator';
import type { GqlContext } from '../auth/request-context';
import { AuditService } from '../audit/audit.service';
import { PageArgs } from '../common/page.args';
import { ClassSection } from '../identity/class-section.entity';
import { District } from '../identity/district.entity';
import { School } from '../identity/school.entity';
import { TenancyService, UUID_PATTERN } from '../tenancy/tenancy.service';
import { CreateClassInput } from './dtos/create-class.input';
import { ClassStudentsInput, SetClassTeachersInput, UpdateClassInput } from './dtos/update-class.input';
import { SchoolStudentsArgs, StaffMember, Student } from './roster.models';
import { RosterService } from './roster.service';

const validId = (id: string): boolean => UUID_PATTERN.test(id);

@Resolver(() => District)
export class DistrictResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Allow(['district_admin', 'platform_admin'])
  @Query(() => District, { nullable: true, description: 'A district the caller administers; null otherwise' })
  district(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<District | null> | null {
    return validId(id) ? this.tenancy.findDistrict(actor, id) : null;
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => [School])
  schools(
    @Parent() district: District,
    @Args() { first }: PageArgs,
    @CurrentActor() actor: Actor,
  ): Promise<School[]> {
    return this.tenancy.listSchools(actor, first, district.id);
  }
}

@Resolver(() => School)
export class SchoolResolver {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly roster: RosterService,
  ) {}

  @Allow(ROSTER_STAFF)
  @Query(() => School, { nullable: true, description: 'A school the caller may see; null otherwise' })
  school(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<School | null> | null {
    return validId(id) ? this.tenancy.findSchool(actor, id) : null;
  }

  @Allow(ROSTER_STAFF)
  @Query(() => [School], { description: 'The schools the caller may see' })
  schools(@Args() { first }: PageArgs, @CurrentActor() actor: Actor): Promise<School[]> {
    return this.tenancy.listSchools(actor, first);
  }

  @Allow('authenticated')
  @ResolveField(() => District)
  district(@Parent() school: School, @Context() ctx: GqlContext): Promise<District | null> {
    return ctx.loaders.district.load(school.districtId);
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => [ClassSection])
  classes(
    @Parent() school: School,
    @Args() { first }: PageArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection[]> {
    return this.tenancy.listClasses(actor, first, school.id);
  }

  @Allow(SCHOOL_MANAGERS)
  @ResolveField(() => [StaffMember], {
    description: 'Staff who may teach the school’s classes (teachers and school admins); managers only',
  })
  staff(@Parent() school: School, @CurrentActor() actor: Actor): Promise<StaffMember[]> {
    return this.roster.staffOfSchool(actor, school.id);
  }

  @Allow(SCHOOL_MANAGERS)
  @ResolveField(() => [Student], {
    description: 'The school’s students, to enroll in classes; managers only; every read is audited',
  })
  students(
    @Parent() school: School,
    @Args() { first, gradeLevels }: SchoolStudentsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Student[]> {
    return this.roster.studentsOfSchool(actor, school.id, first, gradeLevels);
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => Int)
  classCount(@Parent() school: School, @Context() ctx: GqlContext): Promise<number> {
    return ctx.loaders.classCountOfSchool.load(school.id);
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => Int)
  studentCount(@Parent() school: School, @Context() ctx: GqlContext): Promise<number> {
    return ctx.loaders.studentCountOfSchool.load(school.id);
  }
}

@Resolver(() => ClassSection)
export class ClassResolver {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly roster: RosterService,
    private readonly audit: AuditService,
  ) {}

  @Allow(ROSTER_STAFF)
  @Query(() => [ClassSection], {
    description: 'Teachers: the classes they teach. Admins: the classes of their tenant.',
  })
  classes(
    @Args() { first }: PageArgs,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection[]> {
    if (schoolId && !validId(schoolId)) return Promise.resolve([]);
    return this.tenancy.listClasses(actor, first, schoolId ?? undefined);
  }

  @Allow(ROSTER_STAFF)
  @Query(() => ClassSection, {
    name: 'class',
    nullable: true,
    description: 'A class the caller may see; null otherwise',
  })
  classById(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection | null> | null {
    return validId(id) ? this.tenancy.findClass(actor, id) : null;
  }

  @Allow(['student'])
  @Query(() => [ClassSection], { description: 'Students: the classes they are enrolled in' })
  myClasses(@CurrentActor() actor: Actor): Promise<ClassSection[]> {
    return this.tenancy.classesOfStudent(actor);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => ClassSection)
  createClass(@Args('input') input: CreateClassInput, @CurrentActor() actor: Actor): Promise<ClassSection> {
    return this.roster.createClass(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => ClassSection, { description: 'Rename a class or change its grades or school year' })
  updateClass(@Args('input') input: UpdateClassInput, @CurrentActor() actor: Actor): Promise<ClassSection> {
    return this.roster.updateClass(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => ClassSection, { description: 'Replace the teachers of a class (staff of its school)' })
  setClassTeachers(
    @Args('input') input: SetClassTeachersInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection> {
    return this.roster.setClassTeachers(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => ClassSection, {
    description: 'Enroll students of the class’s school (already enrolled: kept)',
  })
  enrollStudents(
    @Args('input') input: ClassStudentsInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection> {
    return this.roster.enrollStudents(actor, input);
  }

  @Allow(SCHOOL_MANAGERS)
  @Mutation(() => ClassSection, { description: 'Unenroll students from a class (not enrolled: ignored)' })
  unenrollStudents(
    @Args('input') input: ClassStudentsInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClassSection> {
    return this.roster.unenrollStudents(actor, input);
  }

  @Allow('authenticated')
  @ResolveField(() => School)
  school(@Parent() c: ClassSection, @Context() ctx: GqlContext): Promise<School | null> {
    return ctx.loaders.school.load(c.schoolId);
  }

  @Allow('authenticated')
  @ResolveField(() => [StaffMember])
  async teachers(@Parent() c: ClassSection, @Context() ctx: GqlContext): Promise<StaffMember[]> {
    const users = await ctx.loaders.teachersOfClass.load(c.id);
    return users.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email ?? '' }));
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => [Student], { description: 'The roster: staff only; every read is audited' })
  async students(
    @Parent() c: ClassSection,
    @Args() { first }: PageArgs,
    @Context() ctx: GqlContext,
    @CurrentActor() actor: Actor,
  ): Promise<Student[]> {
    const users = (await ctx.loaders.studentsOfClass.load(c.id)).slice(0, first);
    const school = await ctx.loaders.school.load(c.schoolId);
    await this.audit.record({
      actorId: actor.userId,
      action: 'roster.read',
      targetType: 'class',
      targetId: c.id,
      districtId: school?.districtId ?? null,
      detail: { students: users.length },
    });
    return users.map((u) => ({
      id: u.id,
      username: u.username ?? '',
      displayName: u.displayName,
      gradeLevel: u.gradeLevel ?? 0,
    }));
  }

  @Allow(ROSTER_STAFF)
  @ResolveField(() => Int)
  studentCount(@Parent() c: ClassSection, @Context() ctx: GqlContext): Promise<number> {
    return ctx.loaders.studentCountOfClass.load(c.id);
  }
}
