import 'reflect-metadata';
import { createDataSource } from '../database/data-source';
import { schemaDrift } from '../database/schema-drift';

/** Prints the SQL a new migration needs (empty when migrations match the entities). Exits 1 on drift. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a database that has every migration applied');
  const ds = createDataSource(url, false);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const drift = await schemaDrift(ds);
    if (drift.up.length === 0) {
      console.log('Migrations match the entities.');
      return;
    }
    console.log('-- up');
    for (const q of drift.up) console.log(`${q};`);
    console.log('-- down');
    for (const q of drift.down) console.log(`${q};`);
    process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
