import type { DataSource } from 'typeorm';

export interface SchemaDrift {
  up: string[];
  down: string[];
}

/**
 * What `typeorm migration:generate` would write: the SQL that would bring the database in line with the
 * entities. Empty when the migrations and the entities agree.
 */
export async function schemaDrift(ds: DataSource): Promise<SchemaDrift> {
  const log = await ds.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
