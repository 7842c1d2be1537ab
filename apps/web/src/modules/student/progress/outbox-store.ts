import type { ProgressEvent } from './progress-event';

/** One event waiting to be delivered, in the order it happened (`seq`) within its assignment. */
export interface OutboxEntry {
  readonly assignmentId: string;
  readonly seq: number;
  readonly event: ProgressEvent;
}

/**
 * Where the outbox keeps one student's events until the server has them. The browser uses IndexedDB; tests
 * use the in-memory store. Every method resolves once the change is durable.
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
/**
 * Version 2 keeps each student's events apart ([student, assignment, seq]): on a shared device the next
 * student must never send (as their own) what the previous one left waiting. Version 1 entries did not say
 * whose they were, so the upgrade drops them rather than risk recording them for the wrong student.
 */
const DB_VERSION = 2;
const STORE = 'entries';
const V1_STORE = 'events';

/** A stored entry carries the student it belongs to. */
interface StoredEntry extends OutboxEntry {
  readonly studentId: string;
}

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

/**
 * One student's outbox in IndexedDB: one object store keyed by [studentId, assignmentId, seq], so a key range
 * lists one student's assignment in order, and nothing of another student is ever read.
 */
export class IndexedDbOutboxStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly factory: IDBFactory,
    private readonly studentId: string,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (db.objectStoreNames.contains(V1_STORE)) db.deleteObjectStore(V1_STORE);
        if (!db.objectStoreNames.contains(STORE))
          db.createObjectStore(STORE, { keyPath: ['studentId', 'assignmentId', 'seq'] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.db;
  }

  /** One assignment of this student, or all of them ([id] sorts before, and [id, []] after, every [id, string, number]). */
  private range(assignmentId?: string): IDBKeyRange {
    return assignmentId === undefined
      ? IDBKeyRange.bound([this.studentId], [this.studentId, []])
      : IDBKeyRange.bound(
          [this.studentId, assignmentId, -Infinity],
          [this.studentId, assignmentId, Infinity],
        );
  }

  async add(entry: OutboxEntry): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    const stored: StoredEntry = { ...entry, studentId: this.studentId };
    tx.objectStore(STORE).put(stored);
    await done(tx);
  }

  async list(assignmentId: string): Promise<OutboxEntry[]> {
    const tx = (await this.open()).transaction(STORE, 'readonly');
    const stored = await request(
      tx.objectStore(STORE).getAll(this.range(assignmentId)) as IDBRequest<StoredEntry[]>,
    );
    return stored.map(({ assignmentId: a, seq, event }) => ({ assignmentId: a, seq, event }));
  }

  async assignments(): Promise<string[]> {
    const tx = (await this.open()).transaction(STORE, 'readonly');
    const keys = (await request(tx.objectStore(STORE).getAllKeys(this.range()))) as unknown as [
      string,
      string,
      number,
    ][];
    return [...new Set(keys.map((k) => k[1]))];
  }

  async remove(assignmentId: string, seqs: readonly number[]): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const seq of seqs) store.delete([this.studentId, assignmentId, seq]);
    await done(tx);
  }
}

/** The student's store: IndexedDB when the browser has it, otherwise memory (events then last as long as the page). */
export function browserOutboxStore(studentId: string): OutboxStore {
  try {
    if (typeof indexedDB !== 'undefined' && typeof IDBKeyRange !== 'undefined') {
      return new IndexedDbOutboxStore(indexedDB, studentId);
    }
  } catch {
    // Some privacy modes throw on access.
  }
  return new MemoryOutboxStore();
}
