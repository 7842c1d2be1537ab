import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: { '@haven/domain': `${repoRoot}libs/shared/domain/src/index.ts` },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': api, '/healthz': api },
  },
  build: {
    outDir: `${repoRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries in one long-cached chunk; the app shell and student pages in the entry; each staff
        // area (teacher, school, district, studio) in its own chunk, loaded only when opened.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
});
