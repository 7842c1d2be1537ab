// Plumbing shared by the benchmarks: a throw-away database on the real PostgreSQL, the built server started as a
// second process against it, and command-line numbers. Benchmarks measure and print; they assert nothing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `--name 123` from the command line, or the fallback. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** A new empty database next to DATABASE_URL's; returns its name and URL. */
export async function createDatabase(prefix) {
  const name = `${prefix}_${Date.now()}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

export async function dropDatabase(name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}

/** Keeps the child on the error (not printed) so that it can be stopped on the way out. */
const withServer = (e, server) => Object.defineProperty(e, 'server', { value: server, enumerable: false });

/** The Node flags `npm run serve` starts the API with (package.json), so a benchmark measures what runs. */
const SERVE_FLAGS = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  .scripts.serve.split(' ')
  .filter((word) => word.startsWith('--'));

/**
 * The built API (`npm run build`) against `url` on `port`, in production mode, without the demo seed, with the
 * flags of `npm run serve`; resolves when it is listening. `BENCH_SERVER_ARGS` adds Node flags (e.g.
 * `--cpu-prof`). `server.log` holds its output.
 */
export async function startServer(url, port) {
  const server = spawn(
    process.execPath,
    [
      ...SERVE_FLAGS,
      ...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean),
      join(root, 'dist/apps/api/src/main.js'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        NODE_ENV: 'production',
        HAVEN_SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  Object.defineProperty(server, 'log', { get: () => log });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw withServer(new Error(`server exited:\n${log}`), server);
    if (log.includes('Haven is running')) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw withServer(new Error(`server did not start:\n${log}`), server);
}

export async function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
