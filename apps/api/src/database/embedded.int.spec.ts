import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { checkReachable, DatabaseUnreachableError, redactUrl } from './database';
import { DataFolderLockedError, startEmbeddedDatabase } from './embedded';

describe('embedded database (PGlite behind pglite-socket)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haven-embedded-'));
  const dataDir = join(dir, 'nested', 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its folder, keeps data across restarts, and refuses a second process on the same folder', async () => {
    const first = await startEmbeddedDatabase(dataDir);
    const c = new Client({ connectionString: first.url });
    await c.connect();
    await c.query('CREATE TABLE kept (v text)');
    await c.query(`INSERT INTO kept VALUES ('still here')`);
    await c.end();
    await expect(startEmbeddedDatabase(dataDir)).rejects.toThrow(DataFolderLockedError);
    await first.stop();

    const again = await startEmbeddedDatabase(dataDir);
    const c2 = new Client({ connectionString: again.url });
    await c2.connect();
    expect((await c2.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
    await c2.end();
    await again.stop();
  });
});

describe('data-folder lock', () => {
  it('names the other process when the folder is in use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-lock-'));
    const { writeFileSync } = await import('node:fs');
    // pid 1 is always alive: pretend another Haven holds the folder
    writeFileSync(`${join(dir, 'data')}.lock`, '1');
    await expect(startEmbeddedDatabase(join(dir, 'data'))).rejects.toThrow(DataFolderLockedError);
    await expect(startEmbeddedDatabase(join(dir, 'data'))).rejects.toThrow(
      /in use by another Haven process \(pid 1\)/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('an unreachable DATABASE_URL', () => {
  it('fails with one clear line, password hidden', async () => {
    const url = 'postgres://haven:s3cret@127.0.0.1:1/haven';
    await expect(checkReachable(url)).rejects.toThrow(DatabaseUnreachableError);
    await expect(checkReachable(url)).rejects.toThrow(
      'Cannot reach the database at postgres://haven:***@127.0.0.1:1/haven: ECONNREFUSED',
    );
    expect(redactUrl(url)).not.toContain('s3cret');
  });
});
