import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseUnreachableError, migrate, startDatabase } from '../database/database';
import { DataFolderLockedError } from '../database/embedded';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await startDatabase(config);
  try {
    const applied = await migrate(db.url, db.embedded);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.stop();
  }
}

main().catch((e: unknown) => {
  const known =
    e instanceof ConfigError || e instanceof DatabaseUnreachableError || e instanceof DataFolderLockedError;
  console.error(known ? (e as Error).message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
