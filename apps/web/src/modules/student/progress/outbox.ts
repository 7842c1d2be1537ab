import type { EventOutcome } from '../../../gql/graphql';
import type { ProgressEvent } from './progress-event';
import type { Progress } from './progress-state';
import type { OutboxEntry, OutboxStore } from './outbox-store';

export interface EventResult {
  readonly id: string;
  readonly outcome: EventOutcome;
  readonly code?: string | null;
}

export interface SubmitResponse {
  readonly results: readonly EventResult[];
  /** The server's record after the batch. */
  readonly progress: Progress;
}

/** Sends one batch; throws when the batch did not get through (network down, server error, refusal). */
export type SubmitFn = (assignmentId: string, events: readonly ProgressEvent[]) => Promise<SubmitResponse>;

/** `saved`: nothing waiting. `saving`: sending. `offline`: sending failed, kept on the device for a retry. */
export type OutboxStatus = 'saved' | 'saving' | 'offline';

/** What the page says about one assignment: the outbox's status, or `refused` when the server refused it. */
export type SaveState = OutboxStatus | 'refused';

export interface SyncedUpdate {
  readonly assignmentId: string;
  /** The server's record after the batch. */
  readonly progress: Progress;
  /** Events the server refused: dropped from the outbox. */
  readonly rejected: readonly EventResult[];
}

export interface OutboxOptions {
  readonly store: OutboxStore;
  readonly submit: SubmitFn;
  /** At most this many events per request (the server takes up to 100). */
  readonly batchSize?: number;
  /** Delay before retry number `n` (1-based) after a failure. */
  readonly retryDelay?: (n: number) => number;
  readonly schedule?: (run: () => void, ms: number) => () => void;
  readonly now?: () => number;
  /**
   * True when `submit` failed because the server refused the whole batch for its assignment (no longer
   * assigned, not allowed): retrying now would only fail again. That assignment's events are then kept on the
   * device (and tried again by the next page) while the others go on; any other failure is the network's.
   */
  readonly refused?: (error: unknown) => boolean;
  /** Called once, when the outbox is closed. */
  readonly onClose?: () => void;
}

const defaultRetryDelay = (n: number): number => Math.min(30_000, 1_000 * 2 ** (n - 1));
const defaultSchedule = (run: () => void, ms: number): (() => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Progress that is never lost. Every event is written to the store first, then sent in order, in
 * batches, when the network allows. A failed send keeps everything and retries with backoff; an
 * answer of `accepted` or `duplicate` (a retry of something the server already has) removes the
 * event; `rejected` removes it too, and listeners get the server's record to resync from.
 * Events for each assignment are kept in memory as well, so the page can replay them synchronously.
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly submit: SubmitFn;
  private readonly batchSize: number;
  private readonly retryDelay: (n: number) => number;
  private readonly schedule: (run: () => void, ms: number) => () => void;
  private readonly now: () => number;

  private readonly pendingByAssignment = new Map<string, OutboxEntry[]>();
  private readonly loaded = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(update: SyncedUpdate) => void>();
  private readonly statusListeners = new Set<(status: OutboxStatus) => void>();
  private writes: Promise<unknown> = Promise.resolve();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private lastSeq = 0;
  private currentStatus: OutboxStatus = 'saved';
  private readonly refused: (error: unknown) => boolean;
  /** Assignments the server refused during this page: kept, not sent again until the next page. */
  private readonly parked = new Set<string>();
  private closed = false;
  private readonly onClose: (() => void) | undefined;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.submit = options.submit;
    this.batchSize = options.batchSize ?? 50;
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
    this.schedule = options.schedule ?? defaultSchedule;
    this.now = options.now ?? Date.now;
    this.refused = options.refused ?? (() => false);
    this.onClose = options.onClose;
  }

  /**
   * Stops sending for good (the student signed out, or someone else signed in on this page): what is waiting
   * stays in the store for this student's next visit. Events enqueued afterwards are kept, not sent.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.onClose?.();
  }

  /** Closed: it sends nothing more (see `close`). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The server refused this assignment's events on this page, and some are still waiting on the device. */
  isRefused(assignmentId: string): boolean {
    return this.parked.has(assignmentId) && this.pending(assignmentId).length > 0;
  }

  get status(): OutboxStatus {
    return this.currentStatus;
  }

  /** Reads what an earlier page left in the store for this assignment (once), and returns all that is waiting. */
  async load(assignmentId: string): Promise<ProgressEvent[]> {
    let loading = this.loaded.get(assignmentId);
    if (!loading) {
      loading = this.store
        .list(assignmentId)
        .catch(() => [] as OutboxEntry[])
        .then((stored) => {
          const inMemory = this.pendingByAssignment.get(assignmentId) ?? [];
          const seen = new Set(inMemory.map((e) => e.seq));
          const merged = [...stored.filter((e) => !seen.has(e.seq)), ...inMemory].sort(
            (a, b) => a.seq - b.seq,
          );
          for (const e of merged) this.lastSeq = Math.max(this.lastSeq, e.seq);
          this.pendingByAssignment.set(assignmentId, merged);
        });
      this.loaded.set(assignmentId, loading);
    }
    await loading;
    return this.pending(assignmentId);
  }

  /** Events of this assignment not yet delivered, oldest first. */
  pending(assignmentId: string): ProgressEvent[] {
    return (this.pendingByAssignment.get(assignmentId) ?? []).map((e) => e.event);
  }

  /** Keeps the event (memory at once, the store as soon as it can) and sends it when possible. */
  enqueue(assignmentId: string, event: ProgressEvent): Promise<void> {
    this.lastSeq = Math.max(this.lastSeq + 1, this.now() * 1000);
    const entry: OutboxEntry = { assignmentId, seq: this.lastSeq, event };
    const list = this.pendingByAssignment.get(assignmentId) ?? [];
    this.pendingByAssignment.set(assignmentId, [...list, entry]);
    // Even when storage fails the event stays in memory and is sent: nothing is dropped on purpose.
    const write = this.writes.then(() => this.store.add(entry)).catch(() => undefined);
    this.writes = write;
    if (this.currentStatus === 'saved') this.setStatus('saving');
    return write.then(() => this.flush());
  }

  /** Sends everything waiting, in order. Concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Loads every assignment the store has events for (e.g. on start-up), then flushes. */
  async flushAll(): Promise<void> {
    const ids = await this.store.assignments().catch(() => [] as string[]);
    await Promise.all(ids.map((id) => this.load(id)));
    await this.flush();
  }

  /** Back online: retry now, starting the backoff again. */
  online(): Promise<void> {
    this.failures = 0;
    return this.flush();
  }

  subscribe(listener: (update: SyncedUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: OutboxStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: OutboxStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private hasPending(): boolean {
    for (const [assignmentId, list] of this.pendingByAssignment)
      if (list.length && !this.parked.has(assignmentId)) return true;
    return false;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      await this.writes;
      for (const assignmentId of [...this.pendingByAssignment.keys()]) {
        if (this.parked.has(assignmentId)) continue;
        const sent = await this.sendAll(assignmentId);
        if (this.closed) return;
        if (sent === 'refused') {
          // One assignment the server will not take must not hold back the others.
          this.parked.add(assignmentId);
          continue;
        }
        if (sent === 'failed') {
          this.failures += 1;
          this.setStatus('offline');
          this.cancelRetry = this.schedule(() => void this.flush(), this.retryDelay(this.failures));
          return;
        }
      }
    } while (this.again && !this.closed);
    if (this.closed) return;
    this.failures = 0;
    this.setStatus(this.hasPending() ? 'saving' : 'saved');
  }

  /** Sends one assignment's events batch by batch, until none is left, a batch fails, or the server refuses them. */
  private async sendAll(assignmentId: string): Promise<'sent' | 'failed' | 'refused'> {
    for (;;) {
      const batch = (this.pendingByAssignment.get(assignmentId) ?? []).slice(0, this.batchSize);
      if (batch.length === 0) return 'sent';
      if (this.closed) return 'failed';
      if (this.currentStatus !== 'offline' || this.failures === 0) this.setStatus('saving');
      let response: SubmitResponse;
      try {
        response = await this.submit(
          assignmentId,
          batch.map((e) => e.event),
        );
      } catch (error) {
        return this.refused(error) ? 'refused' : 'failed';
      }
      // accepted, duplicate and rejected are all answers: the event leaves the outbox.
      const answered = new Set(response.results.map((r) => r.id));
      const delivered = batch.filter((e) => answered.has(e.event.id));
      if (delivered.length === 0) return 'failed'; // nothing answered: treat as a failure, never loop
      const seqs = new Set(delivered.map((e) => e.seq));
      this.pendingByAssignment.set(
        assignmentId,
        (this.pendingByAssignment.get(assignmentId) ?? []).filter((e) => !seqs.has(e.seq)),
      );
      await this.store.remove(assignmentId, [...seqs]).catch(() => undefined);
      const rejected = response.results.filter((r) => r.outcome === 'rejected');
      for (const listener of this.listeners)
        listener({ assignmentId, progress: response.progress, rejected });
    }
  }
}
