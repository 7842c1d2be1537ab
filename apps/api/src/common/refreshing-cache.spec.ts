import { RefreshingCache } from './refreshing-cache';

describe('RefreshingCache', () => {
  let clock: number;
  let loads: number;
  const cache = () => new RefreshingCache<string, string>(30_000, 3, () => clock);
  const loader = (value: string | null) => () => {
    loads++;
    return Promise.resolve(value as string);
  };
  const settle = () => new Promise((r) => setImmediate(r));

  beforeEach(() => {
    clock = 0;
    loads = 0;
  });

  it('loads once and answers from memory while the value is young', async () => {
    const c = cache();
    expect(await c.get('a', loader('one'))).toBe('one');
    clock = 23_999;
    expect(await c.get('a', loader('two'))).toBe('one');
    expect(loads).toBe(1);
  });

  it('remembers a value set from elsewhere as freshly loaded, replacing an older one', async () => {
    const c = cache();
    await c.get('a', loader('old'));
    clock = 20_000;
    c.set('a', 'fresh');
    clock = 43_999; // within the set value's young life, though past the old one's
    expect(await c.get('a', loader('loaded'))).toBe('fresh');
    expect(loads).toBe(1);
  });

  it('answers at once in the last fifth of its life and reloads in the background, once', async () => {
    const c = cache();
    await c.get('a', loader('one'));
    clock = 24_000;
    let finish!: (v: string) => void;
    const slow = () => {
      loads++;
      return new Promise<string>((r) => (finish = r));
    };
    expect(await c.get('a', slow)).toBe('one');
    expect(await c.get('a', loader('three'))).toBe('one');
    expect(loads).toBe(2);
    finish('two');
    await settle();
    expect(await c.get('a', loader('four'))).toBe('two');
    expect(loads).toBe(2);
    // The reload restarted its life: still remembered 30 s after the first load.
    clock = 53_000;
    expect(await c.get('a', loader('five'))).toBe('two');
  });

  it('never answers from a value older than its life', async () => {
    const c = cache();
    await c.get('a', loader('one'));
    clock = 30_000;
    expect(await c.get('a', loader('two'))).toBe('two');
  });

  it('keeps a deleted entry deleted even when a background reload finishes after', async () => {
    const c = cache();
    await c.get('a', loader('one'));
    clock = 24_000;
    let finish!: (v: string) => void;
    await c.get('a', () => new Promise<string>((r) => (finish = r)));
    c.delete('a');
    finish('stale');
    await settle();
    expect(await c.get('a', loader('fresh'))).toBe('fresh');
  });

  it('does not remember a missing value, forgets the oldest beyond its size, and updates in place', async () => {
    const c = cache();
    expect(await c.get('gone', loader(null))).toBeNull();
    expect(await c.get('gone', loader('back'))).toBe('back');
    await c.get('b', loader('b'));
    await c.get('c', loader('c'));
    await c.get('d', loader('d'));
    loads = 0;
    expect(await c.get('gone', loader('again'))).toBe('again');
    expect(loads).toBe(1);
    c.update((v) => v.toUpperCase());
    expect(await c.get('d', loader('x'))).toBe('D');
    c.deleteWhere((k) => k === 'd');
    expect(await c.get('d', loader('x'))).toBe('x');
  });

  it('tells the loader whether a caller waits (a miss) or not (a background refresh)', async () => {
    const c = cache();
    const why: string[] = [];
    const load = (reason: 'miss' | 'refresh') => {
      why.push(reason);
      return Promise.resolve(reason);
    };
    await c.get('a', load);
    clock = 24_000;
    await c.get('a', load);
    expect(why).toEqual(['miss', 'refresh']);
  });
});
