// Starts the built Haven server on a free port with a fresh embedded database (or DATABASE_URL if set),
// the way `npm start` runs it, and waits for /healthz.
const { spawn } = require('node:child_process');
const { mkdtempSync, existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

module.exports = async function globalSetup() {
  const main = join(root, 'dist/apps/api/src/main.js');
  if (!existsSync(main) || !existsSync(join(root, 'dist/apps/web/index.html'))) {
    throw new Error('Build first: npm run build');
  }
  const port = await freePort();
  const dataDir = join(mkdtempSync(join(tmpdir(), 'haven-e2e-')), 'data');
  const server = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HAVEN_DATA_DIR: dataDir,
      HAVEN_SEED_DEMO: 'true',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  globalThis.__HAVEN_SERVER__ = server;
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Haven exited during start:\n${log}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok && /Seeded the demo district|Haven is running/.test(log)) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`Haven did not start in 60 s:\n${log}`);
  process.env.HAVEN_E2E_URL = base;
};
