import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const WEB_ENTRY = path.join(REPO_ROOT, 'out/main/web.js');
export const RENDERER_INDEX = path.join(REPO_ROOT, 'out/renderer/index.html');
export const PRELOAD_BUNDLE = path.join(REPO_ROOT, 'out/preload/index.js');

/**
 * End-to-end tests run the real build output. `npm test` builds before it tests; when run
 * alone, a missing build is made here (RECLAIM_E2E_REBUILD=1 forces a fresh one).
 */
export async function ensureBuilt(): Promise<void> {
  const missing = !existsSync(WEB_ENTRY) || !existsSync(RENDERER_INDEX);
  if (!missing && process.env.RECLAIM_E2E_REBUILD !== '1') return;
  await promisify(execFile)('npx', ['electron-vite', 'build'], {
    cwd: REPO_ROOT,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}
