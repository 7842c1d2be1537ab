/**
 * The answers a student has picked but not sent yet, kept for this tab only (sessionStorage), so a reload
 * mid-test does not lose them. Quick exit clears sessionStorage; sending the answers clears the draft.
 * Only item ids and the chosen option values are stored: never the questions' or options' texts.
 */
const DRAFT_PREFIX = 'haven.assessmentDraft.';

export interface DraftKey {
  /** The signed-in student, when known: two students on one shared tab never see each other's picks. */
  readonly viewerId: string | undefined;
  readonly assignmentId: string;
  readonly assessmentId: string;
}

export function draftStorageKey({ viewerId, assignmentId, assessmentId }: DraftKey): string {
  return `${DRAFT_PREFIX}${viewerId ?? ''}.${assignmentId}.${assessmentId}`;
}

/** The stored draft, or an empty one (nothing stored, unreadable, or storage unavailable). */
export function readDraft(key: DraftKey): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(draftStorageKey(key));
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const draft: Record<string, string> = {};
    for (const [itemId, value] of Object.entries(parsed)) {
      if (typeof value === 'string') draft[itemId] = value;
    }
    return draft;
  } catch {
    return {};
  }
}

export function writeDraft(key: DraftKey, draft: Record<string, string>): void {
  try {
    if (Object.keys(draft).length === 0) window.sessionStorage.removeItem(draftStorageKey(key));
    else window.sessionStorage.setItem(draftStorageKey(key), JSON.stringify(draft));
  } catch {
    // Storage off or full: the picks stay on the page, as before.
  }
}

export function clearDraft(key: DraftKey): void {
  try {
    window.sessionStorage.removeItem(draftStorageKey(key));
  } catch {
    // nothing stored then
  }
}
