import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { killGroup, killOnExit, removeEngineDir } from './cleanup';
import { answersOk } from './http';
import { cleanUpIfOrphaned } from './watchdog';

export interface PrivateRegistry {
  /** `127.0.0.1:<port>`: dockerd trusts 127.0.0.0/8 as an insecure registry by default. */
  readonly host: string;
  readonly dir: string;
  stop(): Promise<void>;
}

const REGISTRY = process.env.RECLAIM_TEST_REGISTRY ?? '/usr/bin/docker-registry';

/** A port nobody listens on right now (the registry binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function registryAnswers(host: string): Promise<boolean> {
  const [hostname, port] = host.split(':');
  return answersOk({ host: hostname, port: Number(port), path: '/v2/' });
}

/** The smallest config: filesystem storage in our folder, no auth, localhost only. */
function registryConfig(storage: string, host: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${storage}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
    '',
  ].join('\n');
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function startOnce(dir: string): Promise<PrivateRegistry | undefined> {
  const host = `127.0.0.1:${await freePort()}`;
  const configPath = path.join(dir, 'config.yml');
  const logPath = path.join(dir, 'registry.log');
  await writeFile(configPath, registryConfig(path.join(dir, 'data'), host));
  const logFd = openSync(logPath, 'a');
  const child = spawn(REGISTRY, ['serve', configPath], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const forget = killOnExit(child);
  if (child.pid !== undefined) cleanUpIfOrphaned(child.pid, dir);
  const stop = async (): Promise<void> => {
    if (!exited(child)) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      await gone;
    }
    forget();
    // Also ends this registry's watchdog, which names the folder.
    await removeEngineDir(dir);
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (exited(child)) {
      const log = await readFile(logPath, 'utf8').catch(() => '');
      // Someone took the port between our probe and the registry's bind: try another.
      await stop();
      if (/address already in use/.test(log)) return undefined;
      throw new Error(`docker-registry exited before answering on ${host}:\n${log}`);
    }
    if (await registryAnswers(host)) return { host, dir, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(logPath, 'utf8').catch(() => '');
  await stop();
  throw new Error(`docker-registry did not answer /v2/ on ${host} within 15 s:\n${log}`);
}

/** Starts Debian's docker-registry on 127.0.0.1 with storage in a private temp folder. */
export async function startRegistry(): Promise<PrivateRegistry> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = await mkdtemp('/tmp/rcl-reg-');
    const registry = await startOnce(dir);
    if (registry) return registry;
    await removeEngineDir(dir);
  }
  throw new Error('docker-registry could not bind a free port on 127.0.0.1 in three attempts');
}
