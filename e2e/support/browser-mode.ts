import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { assertPrivateEndpoint } from '../../test/engine/guard';
import { WEB_ENTRY } from './build';
import { isStandInEndpoint } from './stand-in-engine';

export interface BrowserMode {
  /** The page's URL with its token, as `npm run web` prints it. */
  url: string;
  port: number;
  token: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  /** The app's data folder (settings, history). */
  settingsDir: string;
  /** Stops the server; its data folder goes too, unless `keepData` (a restart follows). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const READY_LINE = /Reclaim is running at (http:\/\/127\.0\.0\.1:(\d+)\/[\w-]+\/\?token=\S+)/;

export interface BrowserModeOptions {
  /** Settings the server finds on disk when it starts (a language, a theme). */
  settings?: Partial<Settings>;
  /** A data folder a stopped server kept: this one starts where that one stopped. */
  settingsDir?: string;
  timeoutMs?: number;
}

/**
 * Starts `node out/main/web.js` (what `npm run web` runs) against a private engine only:
 * the endpoint must be one the rig started (or a stand-in socket from stand-in-engine.ts),
 * DOCKER_* are replaced so that even discovery can find nothing else, and settings live in a
 * fresh temporary folder.
 */
export async function startBrowserMode(
  engineHost: string,
  options: BrowserModeOptions = {},
): Promise<BrowserMode> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!isStandInEndpoint(engineHost)) assertPrivateEndpoint(engineHost);
  const settingsDir =
    options.settingsDir ?? (await mkdtemp(path.join(tmpdir(), 'reclaim-e2e-settings-')));
  if (options.settings) {
    await writeFile(
      path.join(settingsDir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }),
    );
  }
  const token = randomBytes(24).toString('base64url');
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DOCKER_') && !key.startsWith('RECLAIM_')) env[key] = value;
  }
  Object.assign(env, {
    RECLAIM_DOCKER_HOST: engineHost,
    RECLAIM_TOKEN: token,
    RECLAIM_PORT: '0',
    RECLAIM_SETTINGS_DIR: settingsDir,
    DOCKER_HOST: engineHost,
    DOCKER_CONFIG: settingsDir,
    XDG_CONFIG_HOME: settingsDir,
    HOME: settingsDir,
  });

  const child = spawn(process.execPath, [WEB_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async ({ keepData = false } = {}): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepData) await rm(settingsDir, { recursive: true, force: true });
  };

  const ready = await new Promise<RegExpExecArray | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const check = (): void => {
      const found = READY_LINE.exec(printed);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(READY_LINE.exec(printed));
    });
  });
  if (!ready?.[1] || !ready[2]) {
    await stop();
    throw new Error(`browser mode did not start:\n${printed}`);
  }
  return {
    url: ready[1],
    port: Number(ready[2]),
    token,
    output: () => printed,
    settingsDir,
    stop,
  };
}
