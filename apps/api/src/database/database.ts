import { Client } from 'pg';
import { HavenConfig } from '../config/config';
import { createDataSource } from './data-source';
import { startEmbeddedDatabase } from './embedded';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {}

/** Hides the password of a URL for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/** Checks that the external database answers, with a clear error naming it when it does not. */
export async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DatabaseUnreachableError(`Cannot reach the database at ${redactUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL set: that server. Not set: the embedded PGlite database in HAVEN_DATA_DIR. */
export async function startDatabase(config: HavenConfig): Promise<RunningDatabase> {
  if (config.DATABASE_URL) {
    await checkReachable(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const db = await startEmbeddedDatabase(config.HAVEN_DATA_DIR);
  return { url: db.url, embedded: true, stop: () => db.stop() };
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrate(url: string, embedded: boolean): Promise<string[]> {
  const ds = createDataSource(url, embedded);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
