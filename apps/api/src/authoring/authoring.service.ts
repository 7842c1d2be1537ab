import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bumpVersion,
  compileModule,
  CurriculumValidationError,
  diffModuleDocuments,
  formatIssue,
  initialTranslationBasis,
  isTopicTag,
  packModuleZip,
  parseModule,
  readModuleDocument,
  scaffoldModule,
  staleTranslations,
  suggestBump,
  TOPICS,
  unpackModuleZip,
  updateTranslationBasis,
  validateDocument,
  writeModuleFiles,
  anchorKey,
  type ContentAnchor,
  type ContentChange,
  type ModuleDocument,
  type ModuleFiles,
  type VersionBump,
} from '@haven/curriculum';
import {
  missingChecklistItems,
  refusal,
  requiredReviewKinds,
  reviewCredit,
  statusAfterReview,
  type DraftAction,
  type DraftStatus,
  type GradeBand,
  type Role,
  type WorkflowReviewKind,
} from '@haven/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CurriculumLoader, versionSortKey } from '../catalog/curriculum-loader';
import { ModuleVersionEntity } from '../catalog/module-version.entity';
import { appError, badInput, forbidden, notFound } from '../common/errors';
import { TenancyService } from '../tenancy/tenancy.service';
import {
  ModuleDraft,
  ModuleDraftComment,
  ModuleDraftEvent,
  ModuleDraftReview,
  ModuleVersionSource,
  ReviewerQualification,
} from './authoring.entities';
import type {
  AddDraftCommentInput,
  CreateModuleDraftInput,
  ReviewModuleDraftInput,
  SaveModuleDraftInput,
  SubmitModuleDraftInput,
} from './authoring.models';

/** Largest draft document accepted (its JSON), far above any real module. */
export const MAX_DOCUMENT_BYTES = 2_000_000;

const ANCHOR_KINDS = ['module', 'lesson', 'scenario', 'assessment'];

/** The module needs a survivor-informed review: one of its topics carries a content warning. */
export function needsSurvivorReview(doc: ModuleDocument): boolean {
  const topics = Array.isArray(doc.manifest?.topics) ? doc.manifest.topics : [];
  return topics.some((t) => isTopicTag(t) && TOPICS[t].contentWarning);
}

/** A plain-object check of a document's shape before the canonical writer sees it; content is validated later. */
function assertDocumentShape(doc: unknown, moduleId: string): asserts doc is ModuleDocument {
  const d = doc as Partial<ModuleDocument> | null;
  if (!d || typeof d !== 'object' || Array.isArray(d)) throw badInput('The draft is not a module document.');
  if (!d.manifest || typeof d.manifest !== 'object') throw badInput('The draft has no module metadata.');
  for (const key of ['lessons', 'scenarios', 'assessments'] as const)
    if (!Array.isArray(d[key])) throw badInput(`The draft's ${key} must be a list.`);
  if (typeof d.extraFiles !== 'object' || d.extraFiles === null || Array.isArray(d.extraFiles))
    throw badInput("The draft's extraFiles must be an object.");
  if (d.manifest.id !== moduleId)
    throw badInput(`The module id cannot change (it is ${moduleId}); start a new module instead.`);
  if (JSON.stringify(d).length > MAX_DOCUMENT_BYTES)
    throw badInput('The draft is larger than 2 MB: split the module into smaller ones.');
}

/**
 * The authoring studio: drafts, autosave with conflict detection, the review workflow, publishing as an
 * immutable module version, and content files in and out. Which drafts a caller may see is decided by
 * TenancyService; what they may do with one, by the shared workflow (`refusal`).
 */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly loader: CurriculumLoader,
  ) {}

  // ------------------------------------------------------------------ reading

  /** Drafts the actor may see, newest first. */
  async list(actor: Actor): Promise<ModuleDraft[]> {
    const { authorIn, reviewerIn, statusesForReviewers } = this.tenancy.draftVisibility(actor);
    if (!authorIn.length && !reviewerIn.length) return [];
    const qb = this.ds
      .getRepository(ModuleDraft)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.creator', 'creator')
      .leftJoinAndSelect('d.updater', 'updater')
      .leftJoinAndSelect('d.baseVersion', 'base')
      .leftJoinAndSelect('d.publishedVersion', 'published')
      .where('FALSE');
    if (authorIn.length) qb.orWhere('d.district_id IN (:...authorIn)', { authorIn });
    if (reviewerIn.length)
      qb.orWhere('(d.district_id IN (:...reviewerIn) AND d.status IN (:...statuses))', {
        reviewerIn,
        statuses: statusesForReviewers,
      });
    return qb.orderBy('d.updated_at', 'DESC').limit(200).getMany();
  }

  /** One draft the actor may see, or NOT_FOUND (whether it exists elsewhere is not disclosed). */
  async get(actor: Actor, id: string, manager: EntityManager = this.ds.manager): Promise<ModuleDraft> {
    const draft = await manager.getRepository(ModuleDraft).findOne({
      where: { id },
      relations: { creator: true, updater: true, baseVersion: true, publishedVersion: true },
    });
    if (!draft || !this.visible(actor, draft)) throw notFound('Draft');
    return draft;
  }

  private visible(actor: Actor, draft: ModuleDraft): boolean {
    const { authorIn, reviewerIn, statusesForReviewers } = this.tenancy.draftVisibility(actor);
    return (
      authorIn.includes(draft.districtId) ||
      (reviewerIn.includes(draft.districtId) && statusesForReviewers.includes(draft.status))
    );
  }

  rolesFor(actor: Actor, draft: ModuleDraft): Role[] {
    return this.tenancy.rolesInDistrict(actor, draft.districtId);
  }

  /** Why the actor may not take an action on a draft, or undefined. */
  refusalFor(actor: Actor, draft: ModuleDraft, action: DraftAction): string | undefined {
    return refusal(action, {
      status: draft.status,
      roles: this.rolesFor(actor, draft),
      contributor: draft.contributors.includes(actor.userId),
    });
  }

  private require(actor: Actor, draft: ModuleDraft, action: DraftAction): void {
    const why = this.refusalFor(actor, draft, action);
    if (why) throw appError('FORBIDDEN', why);
  }

  validation(draft: ModuleDraft): ReturnType<typeof validateDocument> {
    return validateDocument(draft.document);
  }

  stale(draft: ModuleDraft): ReturnType<typeof staleTranslations> {
    return staleTranslations(draft.document, draft.translationBasis);
  }

  /** The published document this draft started from, if any. */
  async baseDocument(draft: ModuleDraft): Promise<ModuleDocument | undefined> {
    if (!draft.baseVersionId) return undefined;
    return this.documentOfVersion(draft.baseVersionId);
  }

  async changes(draft: ModuleDraft): Promise<ContentChange[]> {
    const base = await this.baseDocument(draft);
    return base ? diffModuleDocuments(base, draft.document) : [];
  }

  async suggestion(draft: ModuleDraft): Promise<{ bump: VersionBump; reasons: string[] }> {
    const base = await this.baseDocument(draft);
    if (!base) return { bump: 'major', reasons: ['A new module is published as version 1.0.0.'] };
    return suggestBump(base, draft.document);
  }

  reviews(draftId: string): Promise<ModuleDraftReview[]> {
    return this.ds.getRepository(ModuleDraftReview).find({
      where: { draftId },
      relations: { reviewer: true },
      order: { createdAt: 'ASC' },
    });
  }

  comments(draftId: string): Promise<ModuleDraftComment[]> {
    return this.ds.getRepository(ModuleDraftComment).find({
      where: { draftId },
      relations: { author: true },
      order: { createdAt: 'ASC' },
    });
  }

  events(draftId: string): Promise<ModuleDraftEvent[]> {
    return this.ds.getRepository(ModuleDraftEvent).find({
      where: { draftId },
      relations: { actor: true },
      order: { at: 'ASC' },
    });
  }

  /** Review kinds the actor is qualified to give. */
  async qualifications(actor: Actor): Promise<WorkflowReviewKind[]> {
    const rows = await this.ds.getRepository(ReviewerQualification).find({ where: { userId: actor.userId } });
    return rows.map((r) => r.kind);
  }

  // ------------------------------------------------------------------ versions and files

  private async versionRow(moduleId: string, version: string): Promise<ModuleVersionEntity> {
    const row = await this.ds.getRepository(ModuleVersionEntity).findOne({ where: { moduleId, version } });
    if (!row) throw notFound(`Module ${moduleId}@${version}`);
    return row;
  }

  /** A published version's stored content files and, when they still parse, their document. */
  private async sourceOfVersion(
    versionId: string,
  ): Promise<{ files: ModuleFiles; document?: ModuleDocument }> {
    const source = await this.ds
      .getRepository(ModuleVersionSource)
      .findOne({ where: { moduleVersionId: versionId } });
    if (!source) throw notFound('The content files of this version');
    return { files: source.files, document: readModuleDocument(source.files).document };
  }

  /** The content files of a published version, as the canonical writer produces them. */
  async filesOfVersion(versionId: string): Promise<ModuleFiles> {
    const { files, document } = await this.sourceOfVersion(versionId);
    return document ? writeModuleFiles(document) : files;
  }

  async documentOfVersion(versionId: string): Promise<ModuleDocument> {
    const { document } = await this.sourceOfVersion(versionId);
    if (!document) throw appError('CONFLICT', 'The stored files of this version no longer parse.');
    return document;
  }

  /** `<module>@<version>` as a zip of its content files. Any staff member may export published content. */
  async exportVersion(moduleId: string, version: string): Promise<Uint8Array> {
    const row = await this.versionRow(moduleId, version);
    return packModuleZip(moduleId, await this.filesOfVersion(row.id));
  }

  async exportDraft(actor: Actor, id: string): Promise<{ moduleId: string; zip: Uint8Array }> {
    const draft = await this.get(actor, id);
    return { moduleId: draft.moduleId, zip: packModuleZip(draft.moduleId, writeModuleFiles(draft.document)) };
  }

  /** Content changes between two published versions of a module. */
  async diffVersions(moduleId: string, from: string, to: string): Promise<ContentChange[]> {
    const [a, b] = await Promise.all([this.versionRow(moduleId, from), this.versionRow(moduleId, to)]);
    return diffModuleDocuments(await this.documentOfVersion(a.id), await this.documentOfVersion(b.id));
  }

  // ------------------------------------------------------------------ writing

  private authorDistrict(actor: Actor, districtId?: string): string {
    const { authorIn } = this.tenancy.draftVisibility(actor);
    if (districtId) {
      if (!authorIn.includes(districtId)) throw forbidden();
      return districtId;
    }
    if (authorIn.length === 0) throw appError('FORBIDDEN', 'Only authors start drafts.');
    if (authorIn.length > 1) throw badInput('You write for several districts: say which one (districtId).');
    return authorIn[0]!;
  }

  async create(actor: Actor, input: CreateModuleDraftInput): Promise<ModuleDraft> {
    const districtId = this.authorDistrict(actor, input.districtId);
    let document: ModuleDocument;
    let baseVersionId: string | null = null;
    if (input.fromVersion) {
      const row = await this.versionRow(input.moduleId, input.fromVersion);
      document = await this.documentOfVersion(row.id);
      baseVersionId = row.id;
    } else {
      const exists = await this.ds
        .getRepository(ModuleVersionEntity)
        .exists({ where: { moduleId: input.moduleId } });
      if (exists)
        throw badInput(
          `A module called ${input.moduleId} is already published: start from one of its versions, or pick another id.`,
        );
      if (!input.gradeBand || !input.title) throw badInput('A new module needs a title and a grade band.');
      const read = readModuleDocument(scaffoldModule(input.moduleId, input.gradeBand as GradeBand));
      if (!read.document) throw new Error('The module skeleton does not parse');
      document = read.document;
      const src = document.manifest.languages[0] ?? 'en';
      const title = document.manifest.title;
      document.manifest.title = typeof title === 'string' ? input.title : { ...title, [src]: input.title };
    }
    return this.insertDraft(actor, districtId, input.moduleId, document, baseVersionId, 'created');
  }

  private async insertDraft(
    actor: Actor,
    districtId: string,
    moduleId: string,
    document: ModuleDocument,
    baseVersionId: string | null,
    action: string,
  ): Promise<ModuleDraft> {
    const id = await this.ds.transaction(async (m) => {
      const open = await m
        .getRepository(ModuleDraft)
        .createQueryBuilder('d')
        .where('d.district_id = :districtId AND d.module_id = :moduleId AND d.status <> :published', {
          districtId,
          moduleId,
          published: 'published',
        })
        .getOne();
      if (open)
        throw appError('CONFLICT', `${moduleId} already has an open draft: continue that one.`, {
          draftId: open.id,
        });
      const now = new Date();
      const inserted = await m.getRepository(ModuleDraft).insert({
        districtId,
        moduleId,
        baseVersionId,
        status: 'draft',
        revision: 1,
        document,
        translationBasis: initialTranslationBasis(document),
        bump: null,
        contributors: [actor.userId],
        createdBy: actor.userId,
        updatedBy: actor.userId,
        updatedAt: now,
        publishedVersionId: null,
      });
      const draftId = (inserted.identifiers[0] as { id: string }).id;
      await this.event(m, actor, draftId, action, 'draft', 1);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: `draft.${action}`,
          targetType: 'module_draft',
          targetId: draftId,
          districtId,
          detail: { moduleId },
        },
        m,
      );
      return draftId;
    });
    return this.get(actor, id);
  }

  /**
   * Saves a whole document over the revision it was edited from. If someone saved in between, nothing is
   * written and a CONFLICT says who and when, so the author decides (never a silent overwrite).
   */
  async save(actor: Actor, input: SaveModuleDraftInput): Promise<ModuleDraft> {
    const draft = await this.get(actor, input.id);
    this.require(actor, draft, 'edit');
    assertDocumentShape(input.document, draft.moduleId);
    try {
      writeModuleFiles(input.document);
    } catch (e) {
      throw badInput(`The draft could not be written as content files: ${(e as Error).message}`);
    }
    if (draft.revision !== input.baseRevision) throw this.conflict(draft);
    const basis = updateTranslationBasis(draft.document, input.document, draft.translationBasis);
    const result = await this.ds
      .createQueryBuilder()
      .update(ModuleDraft)
      .set({
        document: input.document,
        translationBasis: basis,
        revision: () => 'revision + 1',
        updatedBy: actor.userId,
        updatedAt: () => 'now()',
        contributors: () =>
          'CASE WHEN CAST(:actor AS uuid) = ANY(contributors) THEN contributors ELSE array_append(contributors, CAST(:actor AS uuid)) END',
      })
      .where("id = :id AND revision = :base AND status IN ('draft', 'changes_requested')", {
        id: draft.id,
        base: input.baseRevision,
      })
      .setParameter('actor', actor.userId)
      .execute();
    if (!result.affected) throw this.conflict(await this.get(actor, draft.id));
    return this.get(actor, draft.id);
  }

  private conflict(current: ModuleDraft): Error {
    return appError(
      'CONFLICT',
      `${current.updater?.displayName ?? 'Someone'} saved this draft after you opened it (revision ${current.revision}). Review their changes before saving yours.`,
      {
        revision: current.revision,
        updatedBy: current.updater?.displayName ?? null,
        updatedAt: current.updatedAt.toISOString(),
      },
    );
  }

  async submit(actor: Actor, input: SubmitModuleDraftInput): Promise<ModuleDraft> {
    const draft = await this.get(actor, input.id);
    this.require(actor, draft, 'submit');
    const { errors } = this.validation(draft);
    if (errors.length > 0)
      throw badInput(
        `Fix ${errors.length} problem${errors.length === 1 ? '' : 's'} before submitting: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('; ')}`,
        { errors: errors.length },
      );
    await this.transition(actor, draft, 'in_review', 'submitted', input.note, {
      bump: input.bump as VersionBump,
    });
    return this.get(actor, draft.id);
  }

  async withdraw(actor: Actor, id: string): Promise<ModuleDraft> {
    const draft = await this.get(actor, id);
    this.require(actor, draft, 'withdraw');
    await this.transition(actor, draft, 'draft', 'withdrawn');
    return this.get(actor, draft.id);
  }

  async review(actor: Actor, input: ReviewModuleDraftInput): Promise<ModuleDraft> {
    const draft = await this.get(actor, input.id);
    this.require(actor, draft, 'review');
    const kind = input.kind as WorkflowReviewKind;
    const required = requiredReviewKinds(needsSurvivorReview(draft.document));
    if (!required.includes(kind)) throw badInput(`This module does not need a ${kind} review.`);
    if (!(await this.qualifications(actor)).includes(kind))
      throw appError('FORBIDDEN', `You are not recorded as qualified to give a ${kind} review.`);
    if (input.outcome === 'approve') {
      const missing = missingChecklistItems(kind, input.checked);
      if (missing.length)
        throw badInput(`Tick every checklist item to approve (missing: ${missing.join(', ')}).`);
    } else if (!input.notes?.trim()) {
      throw badInput('Say what should change: notes are required when requesting changes.');
    }
    // Only an approval is published, and a reviewer is named there only if they chose it.
    const credit = input.outcome === 'approve' && input.credit === 'name' ? 'name' : 'role';
    await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(ModuleDraft)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id', { id: draft.id })
        .getOneOrFail();
      if (locked.status !== 'in_review' || locked.revision !== draft.revision)
        throw appError('CONFLICT', 'The draft changed while you reviewed it: reload it.');
      await m.getRepository(ModuleDraftReview).insert({
        draftId: draft.id,
        revision: draft.revision,
        kind,
        reviewerId: actor.userId,
        outcome: input.outcome as 'approve' | 'request_changes',
        checked: input.checked.filter((c, i, all) => all.indexOf(c) === i),
        notes: input.notes?.trim() || null,
        credit,
      });
      const approvals = await m.getRepository(ModuleDraftReview).find({
        where: { draftId: draft.id, revision: draft.revision, outcome: 'approve' },
      });
      const next = statusAfterReview(
        input.outcome as 'approve' | 'request_changes',
        required,
        approvals.map((a) => a.kind),
      );
      const action = input.outcome === 'approve' ? `approved:${kind}` : `changes-requested:${kind}`;
      if (next !== draft.status) await m.update(ModuleDraft, { id: draft.id }, { status: next });
      await this.event(m, actor, draft.id, action, next, draft.revision, input.notes?.trim());
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'draft.reviewed',
          targetType: 'module_draft',
          targetId: draft.id,
          districtId: draft.districtId,
          detail: { kind, outcome: input.outcome, credit: input.outcome === 'approve' ? credit : undefined },
        },
        m,
      );
    });
    return this.get(actor, draft.id);
  }

  /**
   * Publishes an approved draft as a new immutable module version: the author's bump applied to the version it
   * started from, the approving reviews written into `review`, compiled and stored with its canonical files,
   * all in one transaction.
   */
  async publish(actor: Actor, id: string): Promise<ModuleDraft> {
    const draft = await this.get(actor, id);
    this.require(actor, draft, 'publish');
    await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(ModuleDraft)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id', { id: draft.id })
        .getOneOrFail();
      if (locked.status !== 'approved' || locked.revision !== draft.revision)
        throw appError('CONFLICT', 'The draft changed: reload it.');
      const approvals = await m.getRepository(ModuleDraftReview).find({
        where: { draftId: draft.id, revision: draft.revision, outcome: 'approve' },
        relations: { reviewer: true },
        order: { createdAt: 'ASC' },
      });
      const latest = await m
        .getRepository(ModuleVersionEntity)
        .createQueryBuilder('v')
        .where('v.module_id = :moduleId', { moduleId: draft.moduleId })
        .orderBy('v.version_sort', 'DESC')
        .getOne();
      const from = draft.baseVersion?.version ?? '0.0.0';
      const version = bumpVersion(from, draft.bump ?? 'patch');
      if (latest && versionSortKey(latest.version) >= versionSortKey(version))
        throw appError(
          'CONFLICT',
          `Version ${latest.version} of ${draft.moduleId} was published after this draft started; ${version} would not be newer. Withdraw the draft and choose a larger change, or start again from ${latest.version}.`,
        );
      const today = new Date().toISOString().slice(0, 10);
      const document: ModuleDocument = {
        ...draft.document,
        manifest: {
          ...draft.document.manifest,
          version,
          review: {
            status: 'approved',
            reviews: approvals.map((a) => ({
              reviewer: reviewCredit(a.kind, a.credit, a.reviewer?.displayName ?? ''),
              kind: a.kind,
              date: today,
              ...(a.notes ? { notes: a.notes } : {}),
            })),
          },
        },
      };
      const files = writeModuleFiles(document);
      let compiled;
      try {
        compiled = compileModule(parseModule(files, { basePath: draft.moduleId }));
      } catch (e) {
        if (e instanceof CurriculumValidationError)
          throw badInput(`The module does not validate: ${e.errors.slice(0, 3).map(formatIssue).join('; ')}`);
        throw e;
      }
      const stored = await this.loader.store(
        compiled,
        { files, origin: 'studio', publishedBy: actor.userId },
        m,
      );
      if (stored !== 'loaded') throw appError('CONFLICT', `${draft.moduleId}@${version} already exists.`);
      const row = await m
        .getRepository(ModuleVersionEntity)
        .findOneByOrFail({ moduleId: draft.moduleId, version });
      await m.update(
        ModuleDraft,
        { id: draft.id },
        {
          status: 'published',
          publishedVersionId: row.id,
          document,
          updatedAt: new Date(),
          updatedBy: actor.userId,
        },
      );
      await this.event(
        m,
        actor,
        draft.id,
        'published',
        'published',
        draft.revision,
        `${draft.moduleId}@${version}`,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'module.published',
          targetType: 'module_version',
          targetId: row.id,
          districtId: draft.districtId,
          detail: { moduleId: draft.moduleId, version, draftId: draft.id },
        },
        m,
      );
    });
    return this.get(actor, draft.id);
  }

  async comment(actor: Actor, input: AddDraftCommentInput): Promise<ModuleDraftComment> {
    const draft = await this.get(actor, input.draftId);
    this.require(actor, draft, 'comment');
    const anchor = input.anchor;
    if (!anchor || !ANCHOR_KINDS.includes((anchor as { kind?: string }).kind ?? ''))
      throw badInput('A comment is anchored to the module, a lesson, a scenario or an assessment.');
    let key: string;
    try {
      key = anchorKey(anchor as ContentAnchor);
    } catch {
      throw badInput('The comment anchor is not valid.');
    }
    if (key.length > 300) throw badInput('The comment anchor is too long.');
    const saved = await this.ds.getRepository(ModuleDraftComment).save({
      draftId: draft.id,
      anchorKey: key,
      anchor,
      body: input.body.trim(),
      authorId: actor.userId,
      revision: draft.revision,
      resolvedAt: null,
      resolvedBy: null,
    });
    return this.ds
      .getRepository(ModuleDraftComment)
      .findOneOrFail({ where: { id: saved.id }, relations: { author: true } });
  }

  async resolveComment(actor: Actor, commentId: string): Promise<ModuleDraftComment> {
    const comment = await this.ds.getRepository(ModuleDraftComment).findOne({ where: { id: commentId } });
    if (!comment) throw notFound('Comment');
    const draft = await this.get(actor, comment.draftId);
    this.require(actor, draft, 'comment');
    await this.ds
      .getRepository(ModuleDraftComment)
      .update({ id: comment.id }, { resolvedAt: new Date(), resolvedBy: actor.userId });
    return this.ds
      .getRepository(ModuleDraftComment)
      .findOneOrFail({ where: { id: comment.id }, relations: { author: true } });
  }

  /** Imports a zip (or the files of a folder) as a new draft. Files that do not parse are refused with every issue. */
  async importFiles(
    actor: Actor,
    input: { zip?: Uint8Array; files?: ModuleFiles; districtId?: string },
  ): Promise<ModuleDraft> {
    const districtId = this.authorDistrict(actor, input.districtId);
    let files: ModuleFiles;
    try {
      files = input.files ?? unpackModuleZip(input.zip!);
    } catch (e) {
      throw badInput((e as Error).message);
    }
    const read = readModuleDocument(files);
    if (!read.document)
      throw badInput(
        `The files are not a module Haven can read: ${read.issues.slice(0, 5).map(formatIssue).join('; ') || 'module.yaml is missing'}`,
        { issues: read.issues.length },
      );
    const moduleId = read.document.manifest.id;
    const latest = await this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .where('v.module_id = :moduleId', { moduleId })
      .orderBy('v.version_sort', 'DESC')
      .getOne();
    return this.insertDraft(actor, districtId, moduleId, read.document, latest?.id ?? null, 'imported');
  }

  // ------------------------------------------------------------------ helpers

  private async transition(
    actor: Actor,
    draft: ModuleDraft,
    to: DraftStatus,
    action: string,
    note?: string,
    extra: Partial<Pick<ModuleDraft, 'bump'>> = {},
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(ModuleDraft)
        .set({ status: to, ...extra })
        .where('id = :id AND status = :from AND revision = :revision', {
          id: draft.id,
          from: draft.status,
          revision: draft.revision,
        })
        .execute();
      if (!result.affected) throw appError('CONFLICT', 'The draft changed: reload it.');
      await this.event(m, actor, draft.id, action, to, draft.revision, note?.trim());
      await this.audit.record(
        {
          actorId: actor.userId,
          action: `draft.${action}`,
          targetType: 'module_draft',
          targetId: draft.id,
          districtId: draft.districtId,
        },
        m,
      );
    });
  }

  private async event(
    m: EntityManager,
    actor: Actor,
    draftId: string,
    action: string,
    toStatus: DraftStatus,
    revision: number,
    note?: string,
  ): Promise<void> {
    await m.getRepository(ModuleDraftEvent).insert({
      draftId,
      actorId: actor.userId,
      action,
      toStatus,
      revision,
      note: note ? note.slice(0, 2000) : null,
    });
  }
}
