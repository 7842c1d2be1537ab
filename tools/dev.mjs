// `npm run dev`: the API (rebuilt with SWC, on PORT 3000) and Vite with hot reload on 4200, proxying /graphql.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['tools/build.mjs', 'api'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], {
  stdio: 'inherit',
});
const web = spawn('node_modules/.bin/vite', ['--config', 'apps/web/vite.config.mts'], { stdio: 'inherit' });
const stop = () => {
  api.kill('SIGTERM');
  web.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  web.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
