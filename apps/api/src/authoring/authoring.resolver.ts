import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DRAFT_ACTIONS, requiredReviewKinds, STAFF_ROLES, type Role } from '@haven/domain';
import type { ContentChange, ModuleDocument } from '@haven/curriculum';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import { badInput, notFound } from '../common/errors';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import type { ModuleDraft, ModuleDraftComment } from './authoring.entities';
import {
  AddDraftCommentInput,
  BumpSuggestionModel,
  ContentChangeModel,
  CreateModuleDraftInput,
  DraftCommentModel,
  DraftEventModel,
  DraftIssueModel,
  DraftReviewModel,
  DraftValidationModel,
  ModuleDraftModel,
  ReviewModuleDraftInput,
  SaveModuleDraftInput,
  StaleTranslationModel,
  SubmitModuleDraftInput,
} from './authoring.models';
import { AuthoringService, needsSurvivorReview } from './authoring.service';
import { draftPreview } from './preview';

/** Authors and reviewers work in the studio. */
export const STUDIO_ROLES: readonly Role[] = ['author', 'reviewer'];

function sourceTitle(doc: ModuleDocument): string {
  const t = doc.manifest?.title;
  if (typeof t === 'string') return t;
  const src = doc.manifest?.languages?.[0] ?? 'en';
  return (t && (t[src] ?? Object.values(t)[0])) || doc.manifest?.id || '';
}

export function toDraftModel(d: ModuleDraft): ModuleDraftModel {
  return {
    id: d.id,
    moduleId: d.moduleId,
    title: sourceTitle(d.document),
    status: d.status,
    revision: d.revision,
    bump: d.bump,
    baseVersion: d.baseVersion?.version ?? null,
    publishedVersion: d.publishedVersion?.version ?? null,
    updatedAt: d.updatedAt,
    updatedByName: d.updater?.displayName ?? '',
    createdByName: d.creator?.displayName ?? '',
    districtId: d.districtId,
    contributors: d.contributors,
    document: d.document,
    baseVersionId: d.baseVersionId,
    translationBasis: d.translationBasis,
  };
}

function toChangeModel(c: ContentChange): ContentChangeModel {
  return {
    anchorKey: c.anchorKey ?? '',
    label: c.label,
    change: c.change,
    before: c.before ?? null,
    after: c.after ?? null,
    parts: c.parts
      ? c.parts.map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true }))
      : null,
  };
}

function toCommentModel(c: ModuleDraftComment): DraftCommentModel {
  return {
    id: c.id,
    anchorKey: c.anchorKey,
    anchor: c.anchor,
    body: c.body,
    authorName: c.author?.displayName ?? '',
    revision: c.revision,
    createdAt: c.createdAt,
    resolved: c.resolvedAt !== null,
  };
}

@Resolver(() => ModuleDraftModel)
export class AuthoringResolver {
  constructor(private readonly authoring: AuthoringService) {}

  private async entity(actor: Actor, id: string): Promise<ModuleDraft> {
    if (!UUID_PATTERN.test(id)) throw notFound('Draft');
    return this.authoring.get(actor, id);
  }

  @Allow(STUDIO_ROLES)
  @Query(() => [ModuleDraftModel], {
    description: 'Authors: the drafts of their district. Reviewers: drafts waiting for them or done',
  })
  async moduleDrafts(@CurrentActor() actor: Actor): Promise<ModuleDraftModel[]> {
    return (await this.authoring.list(actor)).map(toDraftModel);
  }

  @Allow(STUDIO_ROLES)
  @Query(() => ModuleDraftModel, { description: 'One draft the caller may see' })
  async moduleDraft(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    return toDraftModel(await this.entity(actor, id));
  }

  @Allow(STUDIO_ROLES)
  @Query(() => [String], { description: 'Kinds of review the caller is qualified to give' })
  myReviewQualifications(@CurrentActor() actor: Actor): Promise<string[]> {
    return this.authoring.qualifications(actor);
  }

  @Allow(STAFF_ROLES)
  @Query(() => [ContentChangeModel], {
    description: 'What changed in a module between two published versions (content, not files)',
  })
  async moduleVersionDiff(
    @Args('moduleId') moduleId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<ContentChangeModel[]> {
    if (![moduleId, from, to].every((v) => v.length <= 80)) throw badInput('The names are too long.');
    return (await this.authoring.diffVersions(moduleId, from, to)).map(toChangeModel);
  }

  @Allow(['author'])
  @Mutation(() => ModuleDraftModel, {
    description: 'Authors: start a new module, or a new version of a published one',
  })
  async createModuleDraft(
    @Args('input') input: CreateModuleDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    return toDraftModel(await this.authoring.create(actor, input));
  }

  @Allow(['author'])
  @Mutation(() => ModuleDraftModel, {
    description: 'Authors: save the whole document over the revision it was edited from (CONFLICT if not)',
  })
  async saveModuleDraft(
    @Args('input') input: SaveModuleDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    return toDraftModel(await this.authoring.save(actor, input));
  }

  @Allow(['author'])
  @Mutation(() => ModuleDraftModel, { description: 'Authors: send a draft without errors for review' })
  async submitModuleDraft(
    @Args('input') input: SubmitModuleDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    return toDraftModel(await this.authoring.submit(actor, input));
  }

  @Allow(['author'])
  @Mutation(() => ModuleDraftModel, { description: 'Authors: take a draft back from review to edit it' })
  async withdrawModuleDraft(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    await this.entity(actor, id);
    return toDraftModel(await this.authoring.withdraw(actor, id));
  }

  @Allow(['reviewer'])
  @Mutation(() => ModuleDraftModel, {
    description: 'Reviewers: record a checklist review that approves or requests changes',
  })
  async reviewModuleDraft(
    @Args('input') input: ReviewModuleDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    return toDraftModel(await this.authoring.review(actor, input));
  }

  @Allow(STUDIO_ROLES)
  @Mutation(() => ModuleDraftModel, {
    description: 'Publish an approved draft as a new immutable module version',
  })
  async publishModuleDraft(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ModuleDraftModel> {
    await this.entity(actor, id);
    return toDraftModel(await this.authoring.publish(actor, id));
  }

  @Allow(STUDIO_ROLES)
  @Mutation(() => DraftCommentModel, {
    description: 'Comment on a place in a draft: a lesson block, a node, an item or a field',
  })
  async addDraftComment(
    @Args('input') input: AddDraftCommentInput,
    @CurrentActor() actor: Actor,
  ): Promise<DraftCommentModel> {
    return toCommentModel(await this.authoring.comment(actor, input));
  }

  @Allow(STUDIO_ROLES)
  @Mutation(() => DraftCommentModel, { description: 'Mark a comment as dealt with' })
  async resolveDraftComment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<DraftCommentModel> {
    if (!UUID_PATTERN.test(id)) throw notFound('Comment');
    return toCommentModel(await this.authoring.resolveComment(actor, id));
  }

  // ---------------------------------------------------------------- fields

  @Allow(STUDIO_ROLES)
  @ResolveField(() => GraphQLJSONObject, { description: 'The whole ModuleDocument' })
  document(@Parent() d: ModuleDraftModel): ModuleDocument {
    return d.document;
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => DraftValidationModel, {
    description: "The curriculum library's validation, each issue anchored",
  })
  validation(@Parent() d: ModuleDraftModel): DraftValidationModel {
    const v = this.authoring.validation({ document: d.document } as ModuleDraft);
    const map = (i: (typeof v.errors)[number]): DraftIssueModel => ({
      severity: i.severity,
      code: i.code,
      message: i.message,
      hint: i.hint,
      file: i.file,
      line: i.line,
      anchorKey: i.anchorKey ?? null,
      anchor: i.anchor ?? null,
    });
    return { errors: v.errors.map(map), warnings: v.warnings.map(map) };
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => GraphQLJSONObject, {
    description: 'Lessons rendered as students see them, and scenarios as the engine plays them',
  })
  preview(@Parent() d: ModuleDraftModel): object {
    return draftPreview(d.document);
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [StaleTranslationModel], {
    description: 'Translated fields whose source changed since they were translated',
  })
  staleTranslations(@Parent() d: ModuleDraftModel): StaleTranslationModel[] {
    return this.authoring.stale({ ...d } as unknown as ModuleDraft).map((s) => ({
      key: s.key,
      anchorKey: s.anchorKey ?? s.key.split('@')[0]!,
      lang: s.lang,
      label: s.label,
    }));
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [ContentChangeModel], {
    description: 'Changes from the version this draft started from',
  })
  async changes(@Parent() d: ModuleDraftModel): Promise<ContentChangeModel[]> {
    return (await this.authoring.changes({ ...d } as unknown as ModuleDraft)).map(toChangeModel);
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => BumpSuggestionModel, { description: 'patch, minor or major, and why' })
  suggestedBump(@Parent() d: ModuleDraftModel): Promise<BumpSuggestionModel> {
    return this.authoring.suggestion({ ...d } as unknown as ModuleDraft);
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [String], { description: 'Reviews this module needs before it can be published' })
  requiredReviews(@Parent() d: ModuleDraftModel): string[] {
    return requiredReviewKinds(needsSurvivorReview(d.document));
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [DraftReviewModel])
  async reviews(@Parent() d: ModuleDraftModel): Promise<DraftReviewModel[]> {
    return (await this.authoring.reviews(d.id)).map((r) => ({
      id: r.id,
      kind: r.kind,
      outcome: r.outcome,
      checked: r.checked,
      notes: r.notes,
      revision: r.revision,
      current: r.revision === d.revision,
      reviewerName: r.reviewer?.displayName ?? '',
      credit: r.credit,
      createdAt: r.createdAt,
    }));
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [DraftCommentModel])
  async comments(@Parent() d: ModuleDraftModel): Promise<DraftCommentModel[]> {
    return (await this.authoring.comments(d.id)).map(toCommentModel);
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [DraftEventModel], { description: 'What happened to the draft, oldest first' })
  async events(@Parent() d: ModuleDraftModel): Promise<DraftEventModel[]> {
    return (await this.authoring.events(d.id)).map((e) => ({
      action: e.action,
      toStatus: e.toStatus,
      revision: e.revision,
      actorName: e.actor?.displayName ?? '',
      note: e.note,
      at: e.at,
    }));
  }

  @Allow(STUDIO_ROLES)
  @ResolveField(() => [String], {
    description: 'What the caller may do now: edit, submit, withdraw, review, publish, comment',
  })
  allowedActions(@Parent() d: ModuleDraftModel, @CurrentActor() actor: Actor): string[] {
    const draft = { ...d } as unknown as ModuleDraft;
    return DRAFT_ACTIONS.filter((a) => this.authoring.refusalFor(actor, draft, a) === undefined);
  }
}
