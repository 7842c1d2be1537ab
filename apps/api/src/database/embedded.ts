import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** A postgres:// URL that TypeORM's ordinary driver connects to. */
  url: string;
  stop(): Promise<void>;
}

export class DataFolderLockedError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Holds `<dataDir>.lock` so that two Haven processes never open one data folder. */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && processAlive(owner)) {
        throw new DataFolderLockedError(
          `The embedded database in ${dataDir} is in use by another Haven process (pid ${owner}); stop it or set HAVEN_DATA_DIR to another folder.`,
        );
      }
      unlinkSync(lockPath); // stale lock from a process that died
    }
  }
  throw new DataFolderLockedError(`Could not lock the embedded database folder ${dataDir}`);
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) and serves it on a loopback port with pglite-socket, so
 * the API, migrations and tests use the same `pg` driver and SQL as against a real server.
 * @param dataDir a folder for durable data, or undefined for an in-memory database (tests).
 */
export async function startEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  let release = (): void => undefined;
  let db: PGlite;
  if (dataDir) {
    const abs = resolve(dataDir);
    release = acquireLock(abs);
    mkdirSync(abs, { recursive: true });
    db = await PGlite.create(abs);
  } else {
    db = await PGlite.create();
  }
  // pglite-socket queues statements from its clients onto the one PGlite instance and keeps a transaction on
  // its own client. The app still uses a pool of one; the headroom lets a closing client (the migration
  // runner) overlap the next one without a "Too many connections" refusal.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      release();
    },
  };
}
