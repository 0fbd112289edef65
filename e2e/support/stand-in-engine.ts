/**
 * Endpoints that look like an engine socket but are not one, for the engine-state screens:
 * a socket that accepts and never answers (Reclaim stays "connecting"), and a socket path
 * nothing listens on (a stopped engine). Both live in fresh temporary folders, so they can
 * never be a user's engine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const standIns = new Set<string>();

export interface StandInEngine {
  /** `unix:///tmp/reclaim-stand-in-XXXX/docker.sock` */
  host: string;
  stop(): Promise<void>;
}

/** True for an endpoint made here (browser mode may be pointed at it). */
export function isStandInEndpoint(host: string): boolean {
  return standIns.has(host);
}

async function standInHost(): Promise<{ dir: string; socketPath: string; host: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reclaim-stand-in-'));
  const socketPath = path.join(dir, 'docker.sock');
  const host = `unix://${socketPath}`;
  standIns.add(host);
  return { dir, socketPath, host };
}

/** A socket path with nothing behind it: what a stopped engine leaves. */
export async function stoppedEngine(): Promise<StandInEngine> {
  const { dir, host } = await standInHost();
  return {
    host,
    stop: async () => {
      standIns.delete(host);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A socket that accepts connections and never answers: an engine hanging at start-up. */
export async function silentEngine(): Promise<StandInEngine> {
  const { dir, socketPath, host } = await standInHost();
  const held = new Set<Socket>();
  const server = createServer((socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
    socket.on('error', () => held.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    host,
    stop: async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      standIns.delete(host);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
