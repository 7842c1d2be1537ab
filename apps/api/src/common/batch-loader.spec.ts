import { batchedCacheLoader, batchLoader } from './batch-loader';

describe('batchLoader', () => {
  const recording = () => {
    const calls: string[][] = [];
    const load = (keys: readonly string[]) => {
      calls.push([...keys]);
      return Promise.resolve(keys.map((k) => (k.startsWith('x') ? null : k.toUpperCase())));
    };
    return { calls, load };
  };

  it('loads the keys asked for in one turn of the event loop with one call, answering each in order', async () => {
    const { calls, load } = recording();
    const loader = batchLoader(load);
    // Three requests handled in the same round of network input.
    const answers = await Promise.all([loader.load('a'), loader.load('xb'), loader.load('c')]);
    expect(answers).toEqual(['A', null, 'C']);
    expect(calls).toEqual([['a', 'xb', 'c']]);
  });

  it('does not wait for a timer when nobody else asks (a quiet server)', async () => {
    const { calls, load } = recording();
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      await expect(batchLoader(load).load('a')).resolves.toBe('A');
      expect(calls).toEqual([['a']]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('remembers nothing: the same key asked again is loaded again', async () => {
    const { calls, load } = recording();
    const loader = batchLoader(load);
    await loader.load('a');
    await loader.load('a');
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('with a window, collects the keys asked for during it into one call', async () => {
    const { calls, load } = recording();
    jest.useFakeTimers();
    try {
      const loader = batchLoader(load, { windowMs: 100 });
      const first = loader.load('a');
      await jest.advanceTimersByTimeAsync(60);
      const second = loader.load('b');
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(40);
      await expect(Promise.all([first, second])).resolves.toEqual(['A', 'B']);
      expect(calls).toEqual([['a', 'b']]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('splits a large batch and passes a failure to every caller of its call', async () => {
    const calls: number[] = [];
    const loader = batchLoader(
      (keys: readonly number[]) => {
        calls.push(keys.length);
        return keys.includes(3) ? Promise.reject(new Error('database down')) : Promise.resolve(keys);
      },
      { maxBatch: 2 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((k) => loader.load(k)));
    expect(calls).toEqual([2, 2]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });

  it('as a cache loader: misses go with this turn, background refreshes wait and go together', async () => {
    const { calls, load } = recording();
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const loader = batchedCacheLoader(load);
      await expect(Promise.all([loader('a', 'miss'), loader('b', 'miss')])).resolves.toEqual(['A', 'B']);
      const refreshed = Promise.all([loader('c', 'refresh'), loader('d', 'refresh')]);
      await new Promise((r) => setImmediate(r));
      expect(calls).toEqual([['a', 'b']]);
      await jest.advanceTimersByTimeAsync(100);
      await expect(refreshed).resolves.toEqual(['C', 'D']);
      expect(calls).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});
