import path from 'node:path';

/** The facts about this machine that decide where engines put their sockets. */
export interface SocketContext {
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
  platform: NodeJS.Platform;
  /** For `/run/user/<uid>` when XDG_RUNTIME_DIR is unset (rootless Docker, Podman). */
  uid?: number;
}

export interface WellKnownSocket {
  /** `unix:///…` or `npipe:////./pipe/…`. */
  host: string;
  /** Which product puts its socket there, for the engine picker. */
  label: string;
}

/** The user's runtime folder, where rootless engines and Podman listen (Linux only). */
function runtimeDir(ctx: SocketContext): string | undefined {
  const fromEnv = ctx.env.XDG_RUNTIME_DIR;
  if (fromEnv) return fromEnv;
  return ctx.uid !== undefined && ctx.uid !== 0 ? `/run/user/${ctx.uid}` : undefined;
}

const unix = (socketPath: string): string => `unix://${socketPath}`;

function windowsSockets(): WellKnownSocket[] {
  return [
    { host: 'npipe:////./pipe/docker_engine', label: 'Docker Desktop' },
    { host: 'npipe:////./pipe/podman-machine-default', label: 'Podman machine' },
  ];
}

/** Docker Desktop, Colima, OrbStack and Rancher Desktop: sockets in the user's home. */
function desktopSockets(ctx: SocketContext): WellKnownSocket[] {
  const home = ctx.homedir;
  const colimaHome = ctx.env.COLIMA_HOME || path.join(home, '.colima');
  const sockets: WellKnownSocket[] = [
    // Docker Desktop 4.13+ on macOS; on Linux Docker Desktop uses ~/.docker/desktop.
    { host: unix(path.join(home, '.docker', 'run', 'docker.sock')), label: 'Docker Desktop' },
  ];
  if (ctx.platform === 'linux') {
    sockets.push({
      host: unix(path.join(home, '.docker', 'desktop', 'docker.sock')),
      label: 'Docker Desktop',
    });
  }
  sockets.push({
    host: unix('/var/run/docker.sock'),
    label: ctx.platform === 'linux' ? 'Docker Engine' : 'Docker (system socket)',
  });
  sockets.push(
    { host: unix(path.join(colimaHome, 'default', 'docker.sock')), label: 'Colima' },
    // Colima before 0.4 put its socket at the top of its folder.
    { host: unix(path.join(colimaHome, 'docker.sock')), label: 'Colima' },
  );
  if (ctx.platform === 'darwin') {
    sockets.push({
      host: unix(path.join(home, '.orbstack', 'run', 'docker.sock')),
      label: 'OrbStack',
    });
  }
  sockets.push({ host: unix(path.join(home, '.rd', 'docker.sock')), label: 'Rancher Desktop' });
  return sockets;
}

/** Rootless Docker and Podman on Linux: sockets in the user's runtime folder, then rootful. */
function linuxUserSockets(ctx: SocketContext): WellKnownSocket[] {
  const runtime = runtimeDir(ctx);
  const sockets: WellKnownSocket[] = [];
  if (runtime) {
    sockets.push({ host: unix(path.join(runtime, 'docker.sock')), label: 'Docker (rootless)' });
    sockets.push({ host: unix(path.join(runtime, 'podman', 'podman.sock')), label: 'Podman' });
  }
  sockets.push({ host: unix('/run/podman/podman.sock'), label: 'Podman (rootful)' });
  return sockets;
}

/** `podman machine` on macOS forwards its API to the host: these are its usual places. */
function macPodmanSockets(ctx: SocketContext): WellKnownSocket[] {
  const machineDir = path.join(ctx.homedir, '.local', 'share', 'containers', 'podman', 'machine');
  const sockets: WellKnownSocket[] = [
    { host: unix(path.join(machineDir, 'podman.sock')), label: 'Podman machine' },
    {
      host: unix(path.join(machineDir, 'podman-machine-default', 'podman.sock')),
      label: 'Podman machine',
    },
  ];
  // Podman 5 (applehv/libkrun) puts the API socket in the per-user temporary folder.
  if (ctx.env.TMPDIR) {
    sockets.push({
      host: unix(path.join(ctx.env.TMPDIR, 'podman', 'podman-machine-default-api.sock')),
      label: 'Podman machine',
    });
  }
  return sockets;
}

/**
 * Where engines listen by default on this platform, in the order Reclaim tries them when
 * nothing explicit (settings, DOCKER_HOST, a context) names one.
 */
export function wellKnownSockets(ctx: SocketContext): WellKnownSocket[] {
  if (ctx.platform === 'win32') return windowsSockets();
  const sockets = desktopSockets(ctx);
  if (ctx.platform === 'linux') sockets.push(...linuxUserSockets(ctx));
  if (ctx.platform === 'darwin') sockets.push(...macPodmanSockets(ctx));
  return sockets;
}
