import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { DatabaseUnreachableError, migrate, RunningDatabase, startDatabase } from './database/database';
import { DataFolderLockedError } from './database/embedded';
import { CurriculumLoader } from './catalog/curriculum-loader';
import { DEMO_SIGN_INS, seedDemoIfEmpty } from './seed/demo-district';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Haven');
  const db: RunningDatabase = await startDatabase(config);
  logger.log(
    db.embedded ? `Embedded PostgreSQL (PGlite) in ${resolve(config.HAVEN_DATA_DIR)}` : 'Using DATABASE_URL',
  );
  const applied = await migrate(db.url, db.embedded);
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp({ config, databaseUrl: db.url, webDir: resolve(__dirname, '../../web') });
  const curricula = await app.get(CurriculumLoader).loadDirectory(resolve(config.HAVEN_CURRICULA_DIR));
  logger.log(
    `Curricula: ${curricula.loaded.length} new version(s), ${curricula.unchanged.length} unchanged, ${curricula.refused.length} refused`,
  );
  if (config.seedDemo && (await seedDemoIfEmpty(app.get<DataSource>(getDataSourceToken())))) {
    logger.log(`Seeded the demo district.\n${DEMO_SIGN_INS.join('\n')}`);
  }
  const shutdown = async (): Promise<void> => {
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen(config.PORT, config.embedded ? '127.0.0.1' : '0.0.0.0');
  logger.log(`Haven is running at http://localhost:${config.PORT} (GraphQL at /graphql)`);
}

main().catch((e: unknown) => {
  if (
    e instanceof ConfigError ||
    e instanceof DatabaseUnreachableError ||
    e instanceof DataFolderLockedError
  ) {
    console.error(e.message);
  } else {
    console.error(`Haven could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
});
