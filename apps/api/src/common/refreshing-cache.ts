/** Share of its life after which an entry in use is reloaded in the background. */
const REFRESH_AFTER = 0.8;

interface Entry<V> {
  value: V;
  loadedAt: number;
  refreshing: boolean;
}

/**
 * Remembers values for at most `ttlMs` (a change, such as a disabled account, takes effect within that time),
 * and reloads an entry in the background in the last fifth of its life, so a caller who comes back at least
 * that often (a student sending a step every few seconds) never waits for the reload, and an entry is reloaded
 * about once per life.
 *
 * A value that `load` resolves to `undefined` or `null` is not remembered. When `maxEntries` is reached the
 * oldest entry goes.
 */
export class RefreshingCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `load` is told why it runs: a `miss` has a caller waiting, a `refresh` runs in the background. */
  async get(key: K, load: (why: 'miss' | 'refresh') => Promise<V>): Promise<V> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.loadedAt < this.ttlMs) {
      if (!hit.refreshing && now - hit.loadedAt >= this.ttlMs * REFRESH_AFTER) {
        hit.refreshing = true;
        // A failed reload leaves the entry to expire; the next caller then loads it and sees the error.
        // Stored only if the entry is still the one being refreshed: a `delete` meanwhile (a sign-out) wins.
        load('refresh').then(
          (value) => {
            if (this.entries.get(key) === hit) this.store(key, value);
          },
          () => undefined,
        );
      }
      return hit.value;
    }
    const value = await load('miss');
    this.store(key, value);
    return value;
  }

  /** Remembers a value the caller has just loaded fresh (as `get` would have), e.g. on another path. */
  set(key: K, value: V): void {
    this.store(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose key matches (a change that concerns many callers). */
  deleteWhere(matches: (key: K) => boolean): void {
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
  }

  /** Changes remembered values in place, keeping their age. */
  update(change: (value: V, key: K) => V): void {
    for (const [key, entry] of this.entries) entry.value = change(entry.value, key);
  }

  private store(key: K, value: V): void {
    this.entries.delete(key);
    if (value === undefined || value === null) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, loadedAt: this.now(), refreshing: false });
  }
}
