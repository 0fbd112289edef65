import path from 'node:path';

/**
 * Sockets of engines this rig started in this process. Only these may be touched by a
 * destructive test helper: the user's own engine must be unreachable by construction.
 */
const privateSockets = new Set<string>();

/** Accepts `unix:///x/docker.sock`, `unix:/x/docker.sock` or a bare `/x/docker.sock`. */
function socketPathOf(host: string): string | undefined {
  const trimmed = host.trim();
  if (trimmed.startsWith('unix://')) return path.resolve(trimmed.slice('unix://'.length));
  if (trimmed.startsWith('unix:')) return path.resolve(trimmed.slice('unix:'.length));
  if (trimmed.startsWith('/')) return path.resolve(trimmed);
  return undefined;
}

/** Called by the rig when it has started an engine on this socket. */
export function registerPrivateSocket(socketPath: string): void {
  privateSockets.add(path.resolve(socketPath));
}

/** Called by the rig when that engine has been stopped. */
export function unregisterPrivateSocket(socketPath: string): void {
  privateSockets.delete(path.resolve(socketPath));
}

export function isPrivateEndpoint(host: string): boolean {
  const socket = socketPathOf(host);
  return socket !== undefined && privateSockets.has(socket);
}

/**
 * Throws unless `host` is the socket of an engine this rig started in this process.
 * Every helper that deletes or changes engine state calls it first.
 */
export function assertPrivateEndpoint(host: string): void {
  if (isPrivateEndpoint(host)) return;
  throw new Error(
    `Refusing to touch ${JSON.stringify(host)}: it is not a private engine started by ` +
      "test/engine in this process. Tests must never use the user's Docker endpoint.",
  );
}
