import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  IsInt,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { GRADE_BANDS, REVIEW_CREDITS, WORKFLOW_REVIEW_KINDS, type DraftStatus } from '@haven/domain';
import type { ContentAnchor, ModuleDocument, TranslationBasis } from '@haven/curriculum';

const BUMPS = ['patch', 'minor', 'major'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@ObjectType({ description: 'A validation issue of a draft, pointing at a place in the module' })
export class DraftIssueModel {
  @Field({ description: 'error or warning' })
  severity: string;

  @Field()
  code: string;

  @Field()
  message: string;

  @Field()
  hint: string;

  @Field({ description: 'Content file and line in the canonical files' })
  file: string;

  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true, description: 'The anchor (see ContentAnchor), as its key' })
  anchorKey: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  anchor: ContentAnchor | null;
}

@ObjectType()
export class DraftValidationModel {
  @Field(() => [DraftIssueModel])
  errors: DraftIssueModel[];

  @Field(() => [DraftIssueModel])
  warnings: DraftIssueModel[];
}

@ObjectType({ description: 'A translated field whose source text changed after it was translated' })
export class StaleTranslationModel {
  @Field()
  key: string;

  @Field()
  anchorKey: string;

  @Field()
  lang: string;

  @Field()
  label: string;
}

@ObjectType()
export class DiffPartModel {
  @Field()
  value: string;

  @Field()
  added: boolean;

  @Field()
  removed: boolean;
}

@ObjectType({ description: 'One change of content between two versions of a module' })
export class ContentChangeModel {
  @Field()
  anchorKey: string;

  @Field()
  label: string;

  @Field({ description: 'added, removed or changed' })
  change: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;

  @Field(() => [DiffPartModel], { nullable: true, description: 'Word diff of a changed text' })
  parts: DiffPartModel[] | null;
}

@ObjectType()
export class BumpSuggestionModel {
  @Field({ description: 'patch, minor or major' })
  bump: string;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType()
export class DraftReviewModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'educator, trauma-informed or survivor-informed' })
  kind: string;

  @Field({ description: 'approve or request_changes' })
  outcome: string;

  @Field(() => [String])
  checked: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Int)
  revision: number;

  @Field({ description: 'The review is of the current revision' })
  current: boolean;

  @Field()
  reviewerName: string;

  @Field({ description: 'How the published module credits this approval: role or name' })
  credit: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType()
export class DraftCommentModel {
  @Field(() => ID)
  id: string;

  @Field()
  anchorKey: string;

  @Field(() => GraphQLJSONObject)
  anchor: ContentAnchor;

  @Field()
  body: string;

  @Field()
  authorName: string;

  @Field(() => Int)
  revision: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field()
  resolved: boolean;
}

@ObjectType()
export class DraftEventModel {
  @Field()
  action: string;

  @Field()
  toStatus: string;

  @Field(() => Int)
  revision: number;

  @Field()
  actorName: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({ description: 'A module being written or reviewed in the authoring studio' })
export class ModuleDraftModel {
  @Field(() => ID)
  id: string;

  @Field()
  moduleId: string;

  @Field({ description: "Title in the module's source language" })
  title: string;

  @Field(() => String, { description: 'draft, in_review, changes_requested, approved or published' })
  status: DraftStatus;

  @Field(() => Int, { description: 'Grows with every save; a save names the revision it started from' })
  revision: number;

  @Field(() => String, { nullable: true, description: 'The version bump chosen by the author on submitting' })
  bump: string | null;

  @Field(() => String, { nullable: true, description: 'The published version this draft started from' })
  baseVersion: string | null;

  @Field(() => String, { nullable: true, description: 'The version published from this draft' })
  publishedVersion: string | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field()
  updatedByName: string;

  @Field()
  createdByName: string;

  /** Internal: for field resolvers. */
  districtId: string;
  contributors: string[];
  document: ModuleDocument;
  baseVersionId: string | null;
  translationBasis: TranslationBasis;
}

@InputType()
export class CreateModuleDraftInput {
  @Field({ description: 'The module id (a new module), or an existing module to revise with fromVersion' })
  @Matches(SLUG, { message: 'moduleId must be lowercase words joined by hyphens, e.g. safe-online-6-8' })
  @MaxLength(80, { message: 'moduleId must be at most 80 characters' })
  moduleId: string;

  @Field(() => String, { nullable: true, description: 'Start from this published version of the module' })
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+$/, { message: 'fromVersion must be a version such as 1.2.0' })
  fromVersion?: string;

  @Field(() => String, { nullable: true, description: 'Grade band of a new module: K-2, 3-5, 6-8 or 9-12' })
  @IsOptional()
  @IsIn(GRADE_BANDS, { message: 'gradeBand must be K-2, 3-5, 6-8 or 9-12' })
  gradeBand?: string;

  @Field(() => String, { nullable: true, description: 'Title of a new module (source language)' })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'title must be at least 3 characters' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @Field(() => ID, { nullable: true, description: 'Only for authors in several districts' })
  @IsOptional()
  @IsUUID('all', { message: 'districtId must be an id' })
  districtId?: string;
}

@InputType()
export class SaveModuleDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => Int, { description: 'The revision this document was edited from' })
  @IsInt({ message: 'baseRevision must be a whole number' })
  @Min(1, { message: 'baseRevision must be at least 1' })
  baseRevision: number;

  @Field(() => GraphQLJSONObject, { description: 'The whole ModuleDocument' })
  @IsObject({ message: 'document must be an object' })
  document: ModuleDocument;
}

@InputType()
export class SubmitModuleDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field({ description: 'patch, minor or major: how the published version number grows' })
  @IsIn(BUMPS, { message: 'bump must be patch, minor or major' })
  bump: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;
}

@InputType()
export class ReviewModuleDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field({ description: 'educator, trauma-informed or survivor-informed' })
  @IsIn(WORKFLOW_REVIEW_KINDS, { message: 'kind must be educator, trauma-informed or survivor-informed' })
  kind: string;

  @Field({ description: 'approve or request_changes' })
  @IsIn(['approve', 'request_changes'], { message: 'outcome must be approve or request_changes' })
  outcome: string;

  @Field(() => [String], { description: 'Checklist items ticked' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  checked: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  notes?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'How an approval credits the reviewer in the published module: role (the kind of review only; the default) or name',
  })
  @IsOptional()
  @IsIn(REVIEW_CREDITS, { message: 'credit must be role or name' })
  credit?: string;
}

@InputType()
export class AddDraftCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'draftId must be an id' })
  draftId: string;

  @Field(() => GraphQLJSONObject, {
    description: 'A ContentAnchor: {kind: module|lesson|scenario|assessment, …}',
  })
  @IsObject({ message: 'anchor must be an object' })
  anchor: ContentAnchor;

  @Field()
  @IsString()
  @MinLength(1, { message: 'the comment is empty' })
  @MaxLength(4000, { message: 'a comment must be at most 4000 characters' })
  body: string;
}

export { BUMPS, SLUG };
