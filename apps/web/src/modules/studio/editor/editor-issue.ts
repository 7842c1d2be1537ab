import type { ContentAnchor } from '@haven/curriculum';

/**
 * A validation issue as the editors show it. Structurally the library's `AnchoredIssue` (an `Issue` with
 * the place in the module it points at), without depending on it.
 */
export interface EditorIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint: string;
  anchorKey?: string;
  anchor?: ContentAnchor;
}

/** True when `field` is `prefix` or lies under it (`objectives.2.text` is under `objectives` and `objectives.2`). */
export function fieldUnder(field: string | undefined, prefix: string): boolean {
  return field !== undefined && (field === prefix || field.startsWith(`${prefix}.`));
}

/** Issues on module.yaml whose field is `prefix` or lies under it. */
export function moduleIssues(issues: readonly EditorIssue[], prefix: string): EditorIssue[] {
  return issues.filter((i) => i.anchor?.kind === 'module' && fieldUnder(i.anchor.field, prefix));
}

/**
 * Issues of one scenario. `node`: `undefined` for every issue of the scenario, `null` for scenario-level
 * ones only (no node), or a node id. `field`, when given, narrows to that field (or under it).
 */
export function scenarioIssues(
  issues: readonly EditorIssue[],
  scenario: string,
  node?: string | null,
  field?: string,
): EditorIssue[] {
  return issues.filter((i) => {
    const a = i.anchor;
    if (a?.kind !== 'scenario' || a.scenario !== scenario) return false;
    if (node === null && a.node !== undefined) return false;
    if (typeof node === 'string' && a.node !== node) return false;
    return field === undefined || fieldUnder(a.field, field);
  });
}

/** Issues of one assessment; `item` as `node` in `scenarioIssues`. */
export function assessmentIssues(
  issues: readonly EditorIssue[],
  assessment: string,
  item?: string | null,
  field?: string,
): EditorIssue[] {
  return issues.filter((i) => {
    const a = i.anchor;
    if (a?.kind !== 'assessment' || a.assessment !== assessment) return false;
    if (item === null && a.item !== undefined) return false;
    if (typeof item === 'string' && a.item !== item) return false;
    return field === undefined || fieldUnder(a.field, field);
  });
}

/** Issues of one lesson file; `block` as `node` in `scenarioIssues`. */
export function lessonIssues(
  issues: readonly EditorIssue[],
  lesson: string,
  lang: string,
  block?: number | null,
): EditorIssue[] {
  return issues.filter((i) => {
    const a = i.anchor;
    if (a?.kind !== 'lesson' || a.lesson !== lesson || a.lang !== lang) return false;
    if (block === null) return a.block === undefined;
    if (typeof block === 'number') return a.block === block;
    return true;
  });
}

export const hasErrors = (issues: readonly EditorIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');
