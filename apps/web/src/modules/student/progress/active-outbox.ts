/**
 * The page's running outbox, as the sign-out button sees it. A module of its own so that the first page load
 * does not carry the outbox code: the outbox registers here when it starts.
 */
export interface ActiveOutbox {
  /** Sends what is waiting, giving up after `ms` (what is left stays on the device for the student's next visit). */
  settle(ms: number): Promise<void>;
  /** Stops sending: called before the session ends, so nothing goes out under the next one. */
  close(): void;
}

let active: ActiveOutbox | null = null;

export function setActiveOutbox(outbox: ActiveOutbox | null): void {
  active = outbox;
}

/** Before signing out: send what can be sent quickly, then stop. */
export async function settleAndCloseOutbox(ms = 3000): Promise<void> {
  const outbox = active;
  if (!outbox) return;
  try {
    await outbox.settle(ms);
  } finally {
    outbox.close();
    if (active === outbox) active = null;
  }
}
