import type { DataSource } from 'typeorm';
import { isEmbedded } from './data-source';

interface PgPool {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * Runs a statement as a named prepared statement on TypeORM's own `pg` pool: PostgreSQL parses and plans it
 * once per connection instead of on every call. For the hottest statements only (a student's progress).
 * On the embedded database it runs unnamed: pglite-socket loses track of a named statement whose first execution
 * failed, so named statements are only used against a real server. `name` must be unique per `text`.
 */
export async function preparedQuery<R>(
  ds: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  if (isEmbedded(ds)) return ds.query(text, values);
  const pool = (ds.driver as unknown as { master: PgPool }).master;
  const { rows } = await pool.query<R>({ name, text, values });
  return rows;
}
