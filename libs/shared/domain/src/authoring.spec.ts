import type { Role } from './roles';
import {
  DRAFT_ACTIONS,
  DRAFT_STATUSES,
  missingChecklistItems,
  REVIEW_CHECKLISTS,
  refusal,
  requiredReviewKinds,
  reviewCredit,
  WORKFLOW_REVIEW_KINDS,
  statusAfterReview,
  type DraftAction,
  type DraftStatus,
} from './authoring';

const allowed = (action: DraftAction, status: DraftStatus, roles: Role[], contributor = false): boolean =>
  refusal(action, { status, roles, contributor }) === undefined;

/** Every (action, status) an author and a reviewer may take; everything else is refused. */
const AUTHOR: Record<DraftAction, DraftStatus[]> = {
  edit: ['draft', 'changes_requested'],
  submit: ['draft', 'changes_requested'],
  withdraw: ['in_review', 'approved'],
  review: [],
  publish: ['approved'],
  comment: ['draft', 'in_review', 'changes_requested', 'approved'],
};
const REVIEWER: Record<DraftAction, DraftStatus[]> = {
  edit: [],
  submit: [],
  withdraw: [],
  review: ['in_review'],
  publish: ['approved'],
  comment: ['draft', 'in_review', 'changes_requested', 'approved'],
};

describe('authoring workflow', () => {
  it.each(DRAFT_ACTIONS.flatMap((a) => DRAFT_STATUSES.map((s) => [a, s] as const)))(
    '%s on a %s draft: authors and reviewers as the table says, other roles never',
    (action, status) => {
      expect(allowed(action, status, ['author'])).toBe(AUTHOR[action].includes(status));
      expect(allowed(action, status, ['reviewer'])).toBe(REVIEWER[action].includes(status));
      for (const other of ['teacher', 'school_admin', 'district_admin', 'student'] as Role[])
        expect(allowed(action, status, [other])).toBe(false);
    },
  );

  it('does not let a contributor review their own draft, even holding the reviewer role', () => {
    expect(
      refusal('review', { status: 'in_review', roles: ['author', 'reviewer'], contributor: true }),
    ).toMatch(/another reviewer/);
    expect(allowed('review', 'in_review', ['author', 'reviewer'], false)).toBe(true);
  });

  it('says why an edit is refused in plain words', () => {
    expect(refusal('edit', { status: 'in_review', roles: ['author'], contributor: true })).toBe(
      'The draft is under review. Withdraw it to edit it again.',
    );
    expect(refusal('edit', { status: 'published', roles: ['author'], contributor: true })).toMatch(
      /start a new draft/,
    );
  });

  it('approves only when every required review approved the revision', () => {
    const required = requiredReviewKinds(true);
    expect(required).toEqual(['educator', 'trauma-informed', 'survivor-informed']);
    expect(requiredReviewKinds(false)).toEqual(['educator', 'trauma-informed']);
    expect(statusAfterReview('approve', required, ['educator'])).toBe('in_review');
    expect(statusAfterReview('approve', required, ['educator', 'trauma-informed'])).toBe('in_review');
    expect(statusAfterReview('approve', required, ['educator', 'trauma-informed', 'survivor-informed'])).toBe(
      'approved',
    );
    expect(statusAfterReview('request_changes', required, required)).toBe('changes_requested');
  });

  it('lists the checklist items an approval still lacks', () => {
    expect(missingChecklistItems('survivor-informed', [...REVIEW_CHECKLISTS['survivor-informed']])).toEqual(
      [],
    );
    expect(missingChecklistItems('educator', ['age-appropriate'])).toEqual(
      REVIEW_CHECKLISTS.educator.filter((i) => i !== 'age-appropriate'),
    );
  });
});

describe('review credit in a published module', () => {
  it('credits the kind of review unless the reviewer chose to be named', () => {
    expect(reviewCredit('survivor-informed', 'role', 'Ana Survivor')).toBe('Survivor-informed reviewer');
    expect(reviewCredit('survivor-informed', 'name', 'Ana Survivor')).toBe('Ana Survivor');
    expect(reviewCredit('educator', 'name', '  Dr. Kim Nguyen ')).toBe('Dr. Kim Nguyen');
  });

  it('never writes an empty credit, and never the name for a role-only credit', () => {
    for (const kind of WORKFLOW_REVIEW_KINDS) {
      expect(reviewCredit(kind, 'name', '   ')).toMatch(/reviewer$/);
      expect(reviewCredit(kind, 'role', 'Secret Name')).not.toContain('Secret');
    }
  });
});
