import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ModuleVersion } from '@haven/curriculum';
import type { Role } from '@haven/domain';
import { Allow } from '../auth/policy.decorator';
import type { GqlContext } from '../auth/request-context';
import {
  Assessment,
  ContentWarning,
  FacilitatorNote,
  FacilitatorRequirement,
  Lesson,
  ModuleVersionView,
  Scenario,
  SequenceStep,
} from './catalog.models';
import { CatalogService, fromBundle, ModuleVersionRow } from './catalog.service';
import { ModulesArgs, ModuleVersionArgs } from './dtos/catalog.args';
import { localizeOrNull } from './localize';

/** Staff who browse the catalog: those who teach, run, write or review modules. */
export const CATALOG_READERS: readonly Role[] = [
  'teacher',
  'school_admin',
  'district_admin',
  'author',
  'reviewer',
  'platform_admin',
];

@Resolver(() => ModuleVersionView)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Allow(CATALOG_READERS)
  @Query(() => [ModuleVersionView], { description: 'The latest version of each module, filtered' })
  modules(@Args() args: ModulesArgs): Promise<ModuleVersionRow[]> {
    return this.catalog.list(args);
  }

  @Allow(CATALOG_READERS)
  @Query(() => ModuleVersionView, {
    nullable: true,
    description: 'A module version (the latest if none is named)',
  })
  moduleVersion(@Args() args: ModuleVersionArgs): Promise<ModuleVersionRow | null> {
    return this.catalog.find(args.moduleId, args.version, args.displayLanguage);
  }

  private async bundle(row: ModuleVersionRow, ctx: GqlContext): Promise<ModuleVersion> {
    const bundle = await ctx.loaders.moduleBundle.load(row.id);
    if (!bundle) throw new Error(`Module version ${row.id} has no bundle`);
    return bundle;
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [String], { description: 'Every version of this module, newest first' })
  versions(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<string[]> {
    return ctx.loaders.moduleVersions.load(row.moduleId);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [String], { description: 'Learning objectives' })
  async objectives(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<string[]> {
    return fromBundle.objectives(await this.bundle(row, ctx), row.language);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [ContentWarning])
  async contentWarnings(
    @Parent() row: ModuleVersionRow,
    @Context() ctx: GqlContext,
  ): Promise<ContentWarning[]> {
    return fromBundle.contentWarnings(await this.bundle(row, ctx), row.language);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => FacilitatorRequirement)
  async facilitator(
    @Parent() row: ModuleVersionRow,
    @Context() ctx: GqlContext,
  ): Promise<FacilitatorRequirement> {
    const { facilitator } = await this.bundle(row, ctx);
    return {
      trainings: facilitator.trainings,
      survivorCoFacilitationRecommended: facilitator.survivorCoFacilitationRecommended,
    };
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => String, {
    nullable: true,
    description: 'What a student does instead if they step away',
  })
  async alternativeActivity(
    @Parent() row: ModuleVersionRow,
    @Context() ctx: GqlContext,
  ): Promise<string | null> {
    const b = (await this.bundle(row, ctx)) as ModuleVersion & {
      alternativeActivity?: Record<string, string>;
    };
    return localizeOrNull(b.alternativeActivity, row.language, b.sourceLanguage);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => String, {
    nullable: true,
    description: 'Plain-text letter for parents and guardians (paragraphs separated by blank lines)',
  })
  async parentNotice(
    @Parent() row: ModuleVersionRow,
    @Context() ctx: GqlContext,
    @Args('language', { type: () => String, nullable: true }) language: string | undefined,
  ): Promise<string | null> {
    const b = await this.bundle(row, ctx);
    const lang = language && /^[a-z]{2}$/.test(language) ? language : row.language;
    return localizeOrNull(b.parentNotice, lang, b.sourceLanguage);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => String)
  async licence(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<string> {
    return (await this.bundle(row, ctx)).licence;
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => String, { description: 'draft, in-review or approved' })
  async reviewStatus(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<string> {
    return (await this.bundle(row, ctx)).review.status;
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [SequenceStep], { description: 'Lessons, scenarios and assessments in teaching order' })
  async sequence(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<SequenceStep[]> {
    return (await this.bundle(row, ctx)).sequence.map((s) => ({ kind: s.kind, id: s.id }));
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [Lesson])
  async lessons(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<Lesson[]> {
    return fromBundle.lessons(await this.bundle(row, ctx), row.language);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [Scenario])
  async scenarios(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<Scenario[]> {
    return fromBundle.scenarios(await this.bundle(row, ctx), row.language);
  }

  @Allow(CATALOG_READERS)
  @ResolveField(() => [Assessment], { description: 'Items without answer keys' })
  async assessments(@Parent() row: ModuleVersionRow, @Context() ctx: GqlContext): Promise<Assessment[]> {
    return fromBundle.assessments(await this.bundle(row, ctx), row.language);
  }
}

@Resolver(() => Lesson)
export class LessonResolver {
  @Allow(CATALOG_READERS)
  @ResolveField(() => [FacilitatorNote], { description: 'Teacher-only notes: never shown to students' })
  facilitatorNotes(@Parent() lesson: Lesson): FacilitatorNote[] {
    return lesson.notes;
  }
}
