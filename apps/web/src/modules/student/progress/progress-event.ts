import type { ProgressKind } from '../../../gql/graphql';

/** One thing the student did, as kept on the device and sent to `submitProgress`. */
export interface ProgressEvent {
  /** Generated on the device; a retry reuses it, so the server recognises a duplicate. */
  readonly id: string;
  readonly kind: ProgressKind;
  /** ISO date and time on the device. */
  readonly at: string;
  readonly stepIndex?: number;
  readonly blockIndex?: number;
  readonly scenarioId?: string;
  readonly runNo?: number;
  readonly choiceId?: string;
  readonly assessmentId?: string;
  readonly itemId?: string;
  readonly response?: string;
  readonly promptId?: string;
  readonly text?: string;
  readonly topic?: string;
}

export type NewProgressEvent = Omit<ProgressEvent, 'id' | 'at'>;

function randomId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Old browsers without randomUUID: a v4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function progressEvent(fields: NewProgressEvent, now: Date = new Date()): ProgressEvent {
  return { ...fields, id: randomId(), at: now.toISOString() };
}
