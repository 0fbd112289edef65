import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertPrivateEndpoint, registerPrivateSocket, unregisterPrivateSocket } from './guard';

/**
 * A unix-socket proxy in front of a private engine, for fault tests: the code under test
 * talks to the proxy, and the test makes the "engine" vanish, come back, or stall, without
 * touching the engine itself (which keeps the truth the test compares against).
 */
export interface SocketProxy {
  /** `unix:///tmp/rcl-proxy-…/docker.sock`: what the code under test connects to. */
  readonly host: string;
  /** The engine is gone: every open connection is cut and new ones are refused. */
  down(): Promise<void>;
  /** The engine is back. */
  up(): Promise<void>;
  /** Bytes stop flowing both ways on every connection, open or new, until resume(). */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startSocketProxy(engineHost: string): Promise<SocketProxy> {
  assertPrivateEndpoint(engineHost);
  const target = engineHost.replace(/^unix:\/\//, '');
  const dir = await mkdtemp(path.join(tmpdir(), 'rcl-proxy-'));
  const socketPath = path.join(dir, 'docker.sock');
  const open = new Set<net.Socket>();
  let stalled = false;
  const held: (() => void)[] = [];

  const server = net.createServer((client) => {
    const engine = net.connect({ path: target });
    open.add(client);
    open.add(engine);
    const forward = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (!stalled) {
          to.write(chunk);
          return;
        }
        // Held, in order, until resume(): a stall loses nothing, it only waits.
        from.pause();
        held.push(() => {
          to.write(chunk);
          from.resume();
        });
      });
    };
    forward(client, engine);
    forward(engine, client);
    const end = (): void => {
      client.destroy();
      engine.destroy();
      open.delete(client);
      open.delete(engine);
    };
    client.on('close', end).on('error', end);
    engine.on('close', end).on('error', end);
  });

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
      open.clear();
    });

  await listen();
  registerPrivateSocket(socketPath);
  return {
    host: `unix://${socketPath}`,
    down: stopListening,
    up: listen,
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
      held.splice(0).forEach((release) => release());
    },
    close: async () => {
      unregisterPrivateSocket(socketPath);
      if (server.listening) await stopListening();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
