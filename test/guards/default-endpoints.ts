import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The engine endpoints a user's own Docker or Podman listens on. No test may open one: a
 * test that reached the user's engine could delete their images. Discovery tests may still
 * NAME them (they only build lists); this is about connecting.
 */
export function isDefaultEngineSocket(socketPath: string): boolean {
  const resolved = path.resolve(socketPath);
  const home = homedir();
  const fixed = [
    '/var/run/docker.sock',
    '/run/docker.sock',
    '/var/run/podman/podman.sock',
    '/run/podman/podman.sock',
    path.join(home, '.docker/run/docker.sock'),
    path.join(home, '.docker/desktop/docker.sock'),
    path.join(home, '.colima/default/docker.sock'),
    path.join(home, '.colima/docker.sock'),
    path.join(home, '.orbstack/run/docker.sock'),
    path.join(home, '.rd/docker.sock'),
  ];
  if (fixed.includes(resolved)) return true;
  // Rootless Docker and Podman's user sockets.
  return /^\/run\/user\/\d+\/(docker\.sock|podman\/podman\.sock)$/.test(resolved);
}

/** TCP ports the docker CLI defaults to (plain and TLS). */
export function isDefaultEnginePort(port: number | string | undefined): boolean {
  return Number(port) === 2375 || Number(port) === 2376;
}
