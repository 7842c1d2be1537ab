import { Outbox, type SubmitFn, type SubmitResponse, type SyncedUpdate } from './outbox';
import { MemoryOutboxStore } from './outbox-store';
import { progressEvent, type ProgressEvent } from './progress-event';
import { EMPTY_PROGRESS } from './progress-state';

const event = (n: number): ProgressEvent =>
  progressEvent(
    { kind: 'lesson_position', stepIndex: 1, blockIndex: n },
    new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
  );

const accepted =
  (outcome: 'accepted' | 'duplicate' | 'rejected' = 'accepted'): SubmitFn =>
  async (_assignmentId, events): Promise<SubmitResponse> => ({
    results: events.map((e) => ({ id: e.id, outcome })),
    progress: EMPTY_PROGRESS,
  });

/** Retries run only when the test says so. */
function manualTimers() {
  const queue: { run: () => void; ms: number }[] = [];
  return {
    queue,
    schedule: (run: () => void, ms: number) => {
      const entry = { run, ms };
      queue.push(entry);
      return () => {
        const i = queue.indexOf(entry);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    fire: async () => {
      const next = queue.shift();
      next?.run();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('Outbox', () => {
  it('keeps events in the store before sending and sends them in order, in batches', async () => {
    const store = new MemoryOutboxStore();
    const batches: string[][] = [];
    const outbox = new Outbox({
      store,
      batchSize: 2,
      submit: async (a, events) => {
        // Every event of the batch is durable before it goes out.
        const stored = (await store.list(a)).map((e) => e.event.id);
        for (const e of events) expect(stored).toContain(e.id);
        batches.push(events.map((e) => e.id));
        return accepted()(a, events);
      },
    });
    const events = [event(1), event(2), event(3), event(4), event(5)];
    const holds = events.map((e) => outbox.enqueue('a-1', e));
    await Promise.all(holds);
    await outbox.flush();
    expect(batches.flat()).toEqual(events.map((e) => e.id));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2);
    expect(await store.list('a-1')).toEqual([]);
    expect(outbox.status).toBe('saved');
  });

  it('keeps everything on a network error and retries with growing delays until it gets through', async () => {
    const store = new MemoryOutboxStore();
    const timers = manualTimers();
    let online = false;
    const sent: string[] = [];
    const outbox = new Outbox({
      store,
      schedule: timers.schedule,
      submit: async (a, events) => {
        if (!online) throw new Error('Failed to fetch');
        sent.push(...events.map((e) => e.id));
        return accepted()(a, events);
      },
    });
    const statuses: string[] = [];
    outbox.onStatus((s) => statuses.push(s));
    const first = event(1);
    await outbox.enqueue('a-1', first);
    expect(outbox.status).toBe('offline');
    expect(timers.queue.map((t) => t.ms)).toEqual([1000]);
    await timers.fire();
    expect(timers.queue.map((t) => t.ms)).toEqual([2000]);
    expect((await store.list('a-1')).map((e) => e.event.id)).toEqual([first.id]);

    online = true;
    await timers.fire();
    expect(sent).toEqual([first.id]);
    expect(outbox.status).toBe('saved');
    expect(statuses).toEqual(['saving', 'offline', 'saved']);
    expect(await store.list('a-1')).toEqual([]);
  });

  it('counts a duplicate as delivered', async () => {
    const store = new MemoryOutboxStore();
    const outbox = new Outbox({ store, submit: accepted('duplicate') });
    await outbox.enqueue('a-1', event(1));
    expect(await store.list('a-1')).toEqual([]);
    expect(outbox.pending('a-1')).toEqual([]);
  });

  it('drops a rejected event and hands listeners the server record to resync from', async () => {
    const store = new MemoryOutboxStore();
    const good = event(1);
    const bad = event(2);
    const serverProgress = { ...EMPTY_PROGRESS, status: 'in_progress' as const, stepIndex: 1 };
    const outbox = new Outbox({
      store,
      submit: async (_a, events) => ({
        results: events.map((e) => ({
          id: e.id,
          outcome: e.id === bad.id ? ('rejected' as const) : ('accepted' as const),
          code: e.id === bad.id ? 'STEP_LOCKED' : null,
        })),
        progress: serverProgress,
      }),
    });
    const updates: SyncedUpdate[] = [];
    outbox.subscribe((u) => updates.push(u));
    await Promise.all([outbox.enqueue('a-1', good), outbox.enqueue('a-1', bad)]);
    await outbox.flush();
    expect(await store.list('a-1')).toEqual([]);
    const last = updates[updates.length - 1]!;
    expect(last.progress).toEqual(serverProgress);
    expect(updates.flatMap((u) => u.rejected.map((r) => r.code))).toEqual(['STEP_LOCKED']);
  });

  it('survives a reload: a new outbox over the same store finds, replays and sends what was left', async () => {
    const store = new MemoryOutboxStore();
    const before = new Outbox({
      store,
      schedule: () => () => undefined,
      submit: async () => {
        throw new Error('offline');
      },
    });
    const events = [event(1), event(2), event(3)];
    for (const e of events) await before.enqueue('a-1', e);
    await before.enqueue('a-2', event(9));

    const sent: Record<string, string[]> = {};
    const after = new Outbox({
      store,
      submit: async (a, batch) => {
        (sent[a] ??= []).push(...batch.map((e) => e.id));
        return accepted()(a, batch);
      },
    });
    expect((await after.load('a-1')).map((e) => e.id)).toEqual(events.map((e) => e.id));
    await after.flushAll();
    expect(sent['a-1']).toEqual(events.map((e) => e.id));
    expect(sent['a-2']).toHaveLength(1);
    expect(await store.assignments()).toEqual([]);
  });

  it('retries at once when the browser is back online', async () => {
    const store = new MemoryOutboxStore();
    const timers = manualTimers();
    let online = false;
    const outbox = new Outbox({
      store,
      schedule: timers.schedule,
      submit: async (a, events) => {
        if (!online) throw new Error('offline');
        return accepted()(a, events);
      },
    });
    await outbox.enqueue('a-1', event(1));
    await outbox.enqueue('a-1', event(2));
    expect(outbox.pending('a-1')).toHaveLength(2);
    online = true;
    await outbox.online();
    expect(outbox.pending('a-1')).toHaveLength(0);
    expect(timers.queue).toEqual([]);
  });

  it('goes on with the other assignments when the server refuses one, and keeps the refused events', async () => {
    const store = new MemoryOutboxStore();
    const timers = manualTimers();
    const refusal = new Error('NOT_FOUND');
    const sent: string[] = [];
    const outbox = new Outbox({
      store,
      schedule: timers.schedule,
      refused: (e) => e === refusal,
      submit: async (a, events) => {
        if (a === 'gone') throw refusal; // e.g. the student left that class
        sent.push(...events.map((e) => e.id));
        return accepted()(a, events);
      },
    });
    const kept = event(1);
    const later = event(2);
    await outbox.enqueue('gone', kept);
    await outbox.enqueue('a-1', later);
    expect(sent).toEqual([later.id]);
    expect([outbox.isRefused('gone'), outbox.isRefused('a-1')]).toEqual([true, false]);
    expect((await store.list('gone')).map((e) => e.event.id)).toEqual([kept.id]);
    expect(outbox.status).toBe('saved');
    expect(timers.queue).toEqual([]); // a refusal is not retried on this page

    // The next page tries it again (the class may have been restored meanwhile).
    const next = new Outbox({ store, submit: accepted() });
    await next.flushAll();
    expect(await store.assignments()).toEqual([]);
  });

  it('sends nothing once closed (signed out), and keeps what waits for the next visit', async () => {
    const store = new MemoryOutboxStore();
    const timers = manualTimers();
    let online = false;
    const sent: string[] = [];
    let closedCalls = 0;
    const outbox = new Outbox({
      store,
      schedule: timers.schedule,
      onClose: () => closedCalls++,
      submit: async (a, events) => {
        if (!online) throw new Error('offline');
        sent.push(...events.map((e) => e.id));
        return accepted()(a, events);
      },
    });
    await outbox.enqueue('a-1', event(1));
    expect(timers.queue).toHaveLength(1);
    outbox.close();
    outbox.close();
    expect(closedCalls).toBe(1);
    expect(timers.queue).toEqual([]); // the pending retry is cancelled
    online = true;
    await outbox.online();
    await outbox.enqueue('a-1', event(2));
    expect(sent).toEqual([]);
    expect(await store.list('a-1')).toHaveLength(2);
  });
});
