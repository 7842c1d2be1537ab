import type { ProgressEvent } from './progress-event';

/** One event waiting to be delivered, in the order it happened (`seq`) within its assignment. */
export interface OutboxEntry {
  readonly assignmentId: string;
  readonly seq: number;
  readonly event: ProgressEvent;
}

/**
 * Where the outbox keeps events until the server has them. The browser uses IndexedDB; tests use the
 * in-memory store. Every method resolves once the change is durable.
 */
export interface OutboxStore {
  add(entry: OutboxEntry): Promise<void>;
  /** The entries of one assignment, oldest first. */
  list(assignmentId: string): Promise<OutboxEntry[]>;
  /** Assignments with entries waiting. */
  assignments(): Promise<string[]>;
  remove(assignmentId: string, seqs: readonly number[]): Promise<void>;
}

/** An OutboxStore in memory: for tests, and the fallback when IndexedDB is unavailable. */
export class MemoryOutboxStore implements OutboxStore {
  private readonly entries = new Map<string, OutboxEntry>();

  private static key(assignmentId: string, seq: number): string {
    return `${assignmentId}\u0000${seq}`;
  }

  async add(entry: OutboxEntry): Promise<void> {
    this.entries.set(MemoryOutboxStore.key(entry.assignmentId, entry.seq), structuredCloneSafe(entry));
  }

  async list(assignmentId: string): Promise<OutboxEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.assignmentId === assignmentId)
      .sort((a, b) => a.seq - b.seq)
      .map(structuredCloneSafe);
  }

  async assignments(): Promise<string[]> {
    return [...new Set([...this.entries.values()].map((e) => e.assignmentId))];
  }

  async remove(assignmentId: string, seqs: readonly number[]): Promise<void> {
    for (const seq of seqs) this.entries.delete(MemoryOutboxStore.key(assignmentId, seq));
  }
}

function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const DB_NAME = 'haven-outbox';
const STORE = 'events';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The outbox in IndexedDB: one object store keyed by [assignmentId, seq], so a key range lists one assignment in order. */
export class IndexedDbOutboxStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(STORE, { keyPath: ['assignmentId', 'seq'] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.db;
  }

  private range(assignmentId: string): IDBKeyRange {
    return IDBKeyRange.bound([assignmentId, -Infinity], [assignmentId, Infinity]);
  }

  async add(entry: OutboxEntry): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(entry);
    await done(tx);
  }

  async list(assignmentId: string): Promise<OutboxEntry[]> {
    const tx = (await this.open()).transaction(STORE, 'readonly');
    return request(tx.objectStore(STORE).getAll(this.range(assignmentId)) as IDBRequest<OutboxEntry[]>);
  }

  async assignments(): Promise<string[]> {
    const tx = (await this.open()).transaction(STORE, 'readonly');
    const keys = (await request(tx.objectStore(STORE).getAllKeys())) as unknown as [string, number][];
    return [...new Set(keys.map((k) => k[0]))];
  }

  async remove(assignmentId: string, seqs: readonly number[]): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const seq of seqs) store.delete([assignmentId, seq]);
    await done(tx);
  }
}

/** IndexedDB when the browser has it, otherwise memory (events then last as long as the page). */
export function browserOutboxStore(): OutboxStore {
  try {
    if (typeof indexedDB !== 'undefined' && typeof IDBKeyRange !== 'undefined') {
      return new IndexedDbOutboxStore(indexedDB);
    }
  } catch {
    // Some privacy modes throw on access.
  }
  return new MemoryOutboxStore();
}
