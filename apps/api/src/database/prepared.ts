import type { DataSource } from 'typeorm';

interface PgPool {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * Runs a statement as a named prepared statement on TypeORM's own `pg` pool: PostgreSQL parses and plans it
 * once per connection instead of on every call. For the hottest statements only (a student's progress).
 * `name` null runs it unnamed: the embedded database (pglite-socket) loses track of a named statement whose
 * first execution failed, so named statements are only used against a real server.
 */
export async function preparedQuery<R>(
  ds: DataSource,
  name: string | null,
  text: string,
  values: unknown[],
): Promise<R[]> {
  if (name === null) return ds.query(text, values);
  const pool = (ds.driver as unknown as { master: PgPool }).master;
  const { rows } = await pool.query<R>({ name, text, values });
  return rows;
}
