import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic and recorded engine answers: fast, parallel.
        test: {
          name: 'unit',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'test/**/*.unit.test.ts'],
          exclude: ['**/*.engine.test.ts', 'node_modules/**'],
          environment: 'node',
          // No test process may open a connection to a user's Docker or Podman.
          setupFiles: ['test/guards/no-default-endpoint.setup.ts'],
        },
      },
      {
        // Svelte components in jsdom.
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.ts'],
          environment: 'jsdom',
          globals: true,
        },
      },
      {
        // Real engines (private dockerd / podman). One file at a time: each file starts its own
        // engine, and two engines plus fixture loads would fight for this machine's 2 cores.
        test: {
          name: 'engine',
          include: ['src/**/*.engine.test.ts', 'test/**/*.engine.test.ts', 'e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // No test process may open a connection to a user's Docker or Podman.
          setupFiles: ['test/guards/no-default-endpoint.setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
