/**
 * Loaded before every unit and engine test file (vitest setupFiles). Makes it impossible for
 * a test process to open a connection to a user's engine: any attempt to connect to a default
 * Docker/Podman socket, or to the CLI's default TCP ports, throws at once. The private engines
 * the rig starts live in /tmp/rcl-* and are unaffected.
 */
import http from 'node:http';
import net from 'node:net';
import { isDefaultEnginePort, isDefaultEngineSocket } from './default-endpoints';

interface ConnectTarget {
  path?: string;
  socketPath?: string;
  port?: number | string;
}

export class DefaultEndpointRefused extends Error {}

function refuse(target: unknown): void {
  const t: ConnectTarget =
    typeof target === 'string'
      ? { path: target }
      : typeof target === 'object' && target !== null
        ? (target as ConnectTarget)
        : {};
  const socket = t.socketPath ?? t.path;
  if (socket && isDefaultEngineSocket(socket)) {
    throw new DefaultEndpointRefused(`A test tried to connect to the user's engine at ${socket}`);
  }
  if (!socket && isDefaultEnginePort(t.port)) {
    throw new DefaultEndpointRefused(`A test tried to connect to a docker TCP port (${t.port})`);
  }
}

type Connect = typeof net.createConnection;

function guarded(original: Connect): Connect {
  return function (this: unknown, ...args: Parameters<Connect>) {
    refuse(args[0]);
    return Reflect.apply(original, this, args) as ReturnType<Connect>;
  } as Connect;
}

net.createConnection = guarded(net.createConnection);
net.connect = guarded(net.connect);
// http.Agent captured net.createConnection when Node loaded; guard it there too.
http.Agent.prototype.createConnection = guarded(
  http.Agent.prototype.createConnection as unknown as Connect,
) as unknown as typeof http.Agent.prototype.createConnection;
