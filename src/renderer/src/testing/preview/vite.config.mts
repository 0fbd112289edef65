/**
 * Serves the UI against the fake API, for looking at screens without an engine:
 * `npx vite --config src/renderer/src/testing/preview/vite.config.mts` (127.0.0.1:5317).
 * Test-only: the app's own build never includes this folder.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [
    svelte({
      configFile: fileURLToPath(new URL('../../../../../svelte.config.mjs', import.meta.url)),
    }),
  ],
  server: {
    host: '127.0.0.1',
    port: 5317,
    strictPort: true,
    fs: { allow: [fileURLToPath(new URL('../../../../..', import.meta.url))] },
  },
});
