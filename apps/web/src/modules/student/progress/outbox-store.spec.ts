import { deserialize, serialize } from 'node:v8';
import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { IndexedDbOutboxStore, type OutboxEntry } from './outbox-store';
import { progressEvent } from './progress-event';

// IndexedDB as a browser has it (fake-indexeddb): the store builds key ranges with the global IDBKeyRange,
// and IndexedDB copies values with structuredClone, which jsdom lacks.
beforeAll(() => {
  Object.assign(globalThis, {
    IDBKeyRange: FakeIDBKeyRange,
    structuredClone: globalThis.structuredClone ?? ((value: unknown) => deserialize(serialize(value))),
  });
});

const entry = (assignmentId: string, seq: number): OutboxEntry => ({
  assignmentId,
  seq,
  event: progressEvent({ kind: 'lesson_position', stepIndex: 1, blockIndex: seq }),
});

describe('IndexedDbOutboxStore', () => {
  it('keeps entries through a new page (a new store on the same database), in order per assignment', async () => {
    const factory = new IDBFactory();
    const first = new IndexedDbOutboxStore(factory, 'student-a');
    const added = [3, 1, 2].map((seq) => entry('asg-1', seq));
    for (const e of added) await first.add(e);
    await first.add(entry('asg-2', 7));
    const reloaded = new IndexedDbOutboxStore(factory, 'student-a');
    expect((await reloaded.list('asg-1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await reloaded.list('asg-1'))[0]).toEqual(added[1]); // the whole entry, as it was added
    expect((await reloaded.assignments()).sort()).toEqual(['asg-1', 'asg-2']);
    await reloaded.remove('asg-1', [1, 3]);
    expect((await reloaded.list('asg-1')).map((e) => e.seq)).toEqual([2]);
  });

  it("never shows one student another student's entries on a shared device", async () => {
    const factory = new IDBFactory();
    const ana = new IndexedDbOutboxStore(factory, 'student-ana');
    const ben = new IndexedDbOutboxStore(factory, 'student-ben');
    await ana.add(entry('asg-1', 1));
    await ana.add(entry('asg-1', 2));
    await ben.add(entry('asg-1', 2)); // the same assignment and seq: still two entries
    expect(await ben.assignments()).toEqual(['asg-1']);
    expect((await ben.list('asg-1')).map((e) => e.seq)).toEqual([2]);
    await ben.remove('asg-1', [2]);
    expect(await ben.assignments()).toEqual([]);
    expect((await ana.list('asg-1')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('drops entries of the first version, which did not say whose they were', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('haven-outbox', 1);
      req.onupgradeneeded = () =>
        req.result.createObjectStore('events', { keyPath: ['assignmentId', 'seq'] }).put(entry('asg-1', 1));
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const store = new IndexedDbOutboxStore(factory, 'student-a');
    expect(await store.assignments()).toEqual([]);
    await store.add(entry('asg-1', 5));
    expect((await store.list('asg-1')).map((e) => e.seq)).toEqual([5]);
  });
});
