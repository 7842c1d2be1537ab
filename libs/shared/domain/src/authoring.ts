import type { Role } from './roles';

/**
 * The review workflow of a module draft in the authoring studio:
 *
 * - draft → in_review (an author submits; changes_requested → in_review likewise);
 * - in_review → changes_requested (a reviewer asks for changes);
 * - in_review → approved (once every required review approves the same revision);
 * - in_review or approved → draft (an author withdraws it to edit again);
 * - approved → published (an author or reviewer publishes a new immutable module version).
 *
 * Nobody reviews a draft they wrote part of.
 */
export const DRAFT_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const DRAFT_ACTIONS = ['edit', 'submit', 'withdraw', 'review', 'publish', 'comment'] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

/** The reviews the studio's workflow asks for. `survivor-informed` only when the module's topics need it. */
export const WORKFLOW_REVIEW_KINDS = ['educator', 'trauma-informed', 'survivor-informed'] as const;
export type WorkflowReviewKind = (typeof WORKFLOW_REVIEW_KINDS)[number];

/**
 * What each review checks. The ids are stored with a review; the web app shows their text (translated). An
 * approval needs every item ticked.
 */
export const REVIEW_CHECKLISTS: Readonly<Record<WorkflowReviewKind, readonly string[]>> = {
  educator: [
    'age-appropriate',
    'objectives-met',
    'interactive',
    'reading-level',
    'facilitator-notes',
    'assessment-aligned',
  ],
  'trauma-informed': [
    'no-graphic-content',
    'content-warnings',
    'alternative-activity',
    'no-victim-blaming',
    'help-on-every-lesson',
    'disclosure-guidance',
  ],
  'survivor-informed': [
    'authentic',
    'no-sensationalism',
    'dignity',
    'recruitment-realistic',
    'survivor-consent',
  ],
};

export type ReviewOutcome = 'approve' | 'request_changes';

/**
 * How an approving reviewer is credited in the published module (its `review.reviews` entry travels with every
 * copy of the module's files). Survivors and other reviewers may not want their name there: `role` (the
 * default) credits the kind of review only, `name` credits their name, which they must choose themselves.
 */
export const REVIEW_CREDITS = ['role', 'name'] as const;
export type ReviewCredit = (typeof REVIEW_CREDITS)[number];

const CREDIT_BY_ROLE: Readonly<Record<WorkflowReviewKind, string>> = {
  educator: 'Educator reviewer',
  'trauma-informed': 'Trauma-informed reviewer',
  'survivor-informed': 'Survivor-informed reviewer',
};

/** The `reviewer` written into a published module for one approval. */
export function reviewCredit(kind: WorkflowReviewKind, credit: ReviewCredit, reviewerName: string): string {
  const name = reviewerName.trim();
  return credit === 'name' && name ? name : CREDIT_BY_ROLE[kind];
}

export interface DraftContext {
  status: DraftStatus;
  /** Roles the caller holds in the draft's district. */
  roles: readonly Role[];
  /** The caller created the draft or saved one of its revisions. */
  contributor: boolean;
}

/** Why an action is refused, or undefined when it is allowed. Pure: the API and the web app ask the same. */
export function refusal(action: DraftAction, ctx: DraftContext): string | undefined {
  const author = ctx.roles.includes('author');
  const reviewer = ctx.roles.includes('reviewer');
  switch (action) {
    case 'edit':
      if (!author) return 'Only authors edit drafts.';
      if (ctx.status !== 'draft' && ctx.status !== 'changes_requested')
        return ctx.status === 'published'
          ? 'This draft has been published; start a new draft from the published version.'
          : 'The draft is under review. Withdraw it to edit it again.';
      return undefined;
    case 'submit':
      if (!author) return 'Only authors submit drafts for review.';
      if (ctx.status !== 'draft' && ctx.status !== 'changes_requested')
        return 'Only a draft or a draft with requested changes can be submitted.';
      return undefined;
    case 'withdraw':
      if (!author) return 'Only authors withdraw drafts from review.';
      if (ctx.status !== 'in_review' && ctx.status !== 'approved')
        return 'Only a draft in review or approved can be withdrawn.';
      return undefined;
    case 'review':
      if (!reviewer) return 'Only reviewers review drafts.';
      if (ctx.contributor) return 'You wrote part of this draft: another reviewer must review it.';
      if (ctx.status !== 'in_review') return 'Only a draft in review can be reviewed.';
      return undefined;
    case 'publish':
      if (!author && !reviewer) return 'Only authors and reviewers publish modules.';
      if (ctx.status !== 'approved') return 'Only an approved draft can be published.';
      return undefined;
    case 'comment':
      if (!author && !reviewer) return 'Only authors and reviewers comment on drafts.';
      if (ctx.status === 'published') return 'This draft has been published.';
      return undefined;
  }
}

/** The status after a review is recorded, given every review of the current revision. */
export function statusAfterReview(
  outcome: ReviewOutcome,
  required: readonly WorkflowReviewKind[],
  approvedKinds: readonly WorkflowReviewKind[],
): DraftStatus {
  if (outcome === 'request_changes') return 'changes_requested';
  return required.every((k) => approvedKinds.includes(k)) ? 'approved' : 'in_review';
}

/** Kinds of review a module needs: educator and trauma-informed always, survivor-informed when its topics need it. */
export function requiredReviewKinds(needsSurvivorReview: boolean): WorkflowReviewKind[] {
  return needsSurvivorReview
    ? ['educator', 'trauma-informed', 'survivor-informed']
    : ['educator', 'trauma-informed'];
}

/** Checklist items of `kind` missing from `checked`; an approval needs none missing. */
export function missingChecklistItems(kind: WorkflowReviewKind, checked: readonly string[]): string[] {
  return REVIEW_CHECKLISTS[kind].filter((item) => !checked.includes(item));
}
