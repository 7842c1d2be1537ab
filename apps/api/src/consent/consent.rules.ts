import { rulesForState, type ConsentModel, type StateCode } from '@haven/mandates';
import type { ConsentKind } from './consent.entity';

const STRICTNESS: Record<ConsentModel, number> = { none: 0, 'opt-out': 1, 'opt-in-written': 2 };

/** The district's consent model: the strictest instruction rule of its state (no rule: none). */
export function consentModelOf(state: string): ConsentModel {
  let model: ConsentModel = 'none';
  for (const r of rulesForState(state as StateCode)) {
    const m = r.instruction?.consent.value;
    if (m && STRICTNESS[m] > STRICTNESS[model]) model = m;
  }
  return model;
}

/** Records that apply: whole-year ones, and, with a module, that module's. */
export function applying<T extends { kind: ConsentKind; moduleId: string | null }>(
  records: readonly T[],
  moduleId?: string,
): T[] {
  return records.filter((r) => r.moduleId === null || (moduleId !== undefined && r.moduleId === moduleId));
}

/** May the student receive the instruction? Opt-out: unless opted out; opt-in: only with written consent. */
export function isEligible(model: ConsentModel, records: readonly { kind: ConsentKind }[]): boolean {
  if (model === 'opt-out') return !records.some((r) => r.kind === 'opt-out');
  if (model === 'opt-in-written') return records.some((r) => r.kind === 'written-consent');
  return true;
}

export function consentStatus(model: ConsentModel, records: readonly { kind: ConsentKind }[]): string {
  if (model === 'opt-out') return isEligible(model, records) ? 'eligible' : 'opted-out';
  if (model === 'opt-in-written') return isEligible(model, records) ? 'consent-on-file' : 'consent-missing';
  return 'eligible';
}
