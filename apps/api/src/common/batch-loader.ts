import DataLoader from 'dataloader';

/** How long background reloads are collected before they go as one statement (nobody waits for them). */
const RELOAD_WINDOW_MS = 100;

export interface BatchLoaderOptions {
  /**
   * 0 (the default): the keys asked for while the server handles one round of network input go together, so a
   * quiet server waits for nothing and a busy one sends one statement for many callers. More: keys are
   * collected for that long, for background reloads that nobody waits for.
   */
  windowMs?: number;
  /** The most keys in one statement. */
  maxBatch?: number;
}

/**
 * Loads many keys with one call of `loadMany`, which answers in the order of the keys (a value or null for each).
 * Nothing is remembered here: the caller's cache decides how long a value lives.
 */
export function batchLoader<K, V>(
  loadMany: (keys: readonly K[]) => Promise<readonly V[]>,
  options: BatchLoaderOptions = {},
): DataLoader<K, V> {
  const windowMs = options.windowMs ?? 0;
  return new DataLoader<K, V>(loadMany, {
    cache: false,
    maxBatchSize: options.maxBatch ?? 256,
    batchScheduleFn:
      windowMs > 0 ? (run) => void setTimeout(run, windowMs).unref() : (run) => void setImmediate(run),
  });
}

/**
 * The loader of a `RefreshingCache` whose loads go in batches: a miss (a caller waits) with the other keys of
 * this turn of the event loop, a background refresh with those asked for in the next RELOAD_WINDOW_MS.
 */
export function batchedCacheLoader<K, V>(
  loadMany: (keys: readonly K[]) => Promise<readonly V[]>,
): (key: K, why: 'miss' | 'refresh') => Promise<V> {
  const loads = batchLoader(loadMany);
  const reloads = batchLoader(loadMany, { windowMs: RELOAD_WINDOW_MS });
  return (key, why) => (why === 'miss' ? loads : reloads).load(key);
}
