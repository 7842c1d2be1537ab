import { createDataSource } from './data-source';
import { migrate } from './database';
import { schemaDrift } from './schema-drift';
import { MIGRATIONS } from '@haven/migrations';
import { seedDemoIfEmpty } from '../seed/demo-district';
import { createTestApp, TestApp } from '../testing/test-app';

describe('migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(); // an empty database with every migration applied
  });
  afterAll(() => t.close());

  it('leave no drift between the entities and the schema (migration:generate would write nothing)', async () => {
    const drift = await schemaDrift(t.ds);
    expect(drift.up).toEqual([]);
  });

  it('go down to an empty database and up again, and are idempotent', async () => {
    await t.app.close(); // free the connection (the embedded database serves one client)
    const ds = createDataSource(t.url, true);
    await ds.initialize();
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables: { n: string }[] = await ds.query(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(Number(tables[0].n)).toBe(0);
    await ds.destroy();
    expect(await migrate(t.url, true)).toHaveLength(MIGRATIONS.length);
    expect(await migrate(t.url, true)).toEqual([]);
  });

  it('seed the demo district once, however often the app starts', async () => {
    const ds = createDataSource(t.url, true);
    await ds.initialize();
    try {
      expect(await seedDemoIfEmpty(ds)).toBe(true);
      expect(await seedDemoIfEmpty(ds)).toBe(false);
      const counts: { districts: string; schools: string; students: string }[] = await ds.query(
        `SELECT (SELECT count(*) FROM district) AS districts, (SELECT count(*) FROM school) AS schools,
                (SELECT count(*) FROM app_user WHERE kind = 'student') AS students`,
      );
      expect(counts[0]).toEqual({ districts: '1', schools: '2', students: '13' });
    } finally {
      await ds.destroy();
    }
  });
});
