import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@haven/migrations';
import { ENTITIES } from './entities';

/** The embedded database's connections name themselves so (see `isEmbedded`). */
const EMBEDDED_APPLICATION = 'haven-embedded';

/**
 * The one DataSource definition, for the app, the migration CLI and tests. `synchronize` is never on: the
 * schema comes from migrations/.
 * @param embedded PGlite behind pglite-socket serves one connection at a time, so the pool has one client.
 */
export function dataSourceOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    poolSize: embedded ? 1 : 10,
    applicationName: embedded ? EMBEDDED_APPLICATION : 'haven',
    connectTimeoutMS: 5000,
    logging: ['error'],
  };
}

export function createDataSource(url: string, embedded: boolean): DataSource {
  return new DataSource(dataSourceOptions(url, embedded));
}

/** Whether a data source talks to the embedded database (PGlite behind pglite-socket). */
export function isEmbedded(ds: DataSource): boolean {
  return (ds.options as { applicationName?: string }).applicationName === EMBEDDED_APPLICATION;
}
