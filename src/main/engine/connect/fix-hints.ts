import type { FixHint } from '../../../shared/fix-hints';

/**
 * What a user should do when an engine cannot be reached, chosen for the engine that owns the
 * endpoint ("start Docker Desktop" helps nobody running Colima), as a code and the values its
 * words need; the renderer words it.
 */
export type HintValues = { hint: FixHint; socketPath?: string; address?: string; command?: string };

function socketPathOf(host: string): string {
  return host.replace(/^(unix|npipe):\/\//, '');
}

function podmanStartHint(socketPath: string, platform: NodeJS.Platform): HintValues {
  if (platform !== 'linux') return { hint: 'start-podman-machine' };
  if (socketPath.startsWith('/run/podman/')) return { hint: 'start-podman-service' };
  return { hint: 'start-podman-user-service' };
}

function unixStartHint(socketPath: string, platform: NodeJS.Platform): HintValues {
  if (/\/\.colima\//.test(socketPath)) return { hint: 'start-colima' };
  if (/\/\.orbstack\//.test(socketPath)) return { hint: 'start-orbstack' };
  if (/\/\.rd\//.test(socketPath)) return { hint: 'start-rancher-desktop' };
  if (/\/\.docker\/(run|desktop)\//.test(socketPath)) return { hint: 'start-docker-desktop' };
  if (/podman/.test(socketPath)) return podmanStartHint(socketPath, platform);
  if (/^\/(var\/)?run\/docker\.sock$/.test(socketPath)) {
    return { hint: platform === 'linux' ? 'start-docker-service' : 'start-default-socket-engine' };
  }
  if (platform === 'linux' && /^\/run\/user\/\d+\/docker\.sock$/.test(socketPath)) {
    return { hint: 'start-rootless-docker' };
  }
  return { hint: 'start-engine-at-socket', socketPath };
}

/** `ssh://me@box:2222` as the command a user would type: `ssh -p 2222 me@box`. */
function sshCommand(host: string): string {
  const target = host.slice('ssh://'.length);
  const port = /:(\d+)$/.exec(target);
  return port ? `ssh -p ${port[1]} ${target.slice(0, port.index)}` : `ssh ${target}`;
}

/** The fix for "nothing answers at this endpoint". */
export function startHint(host: string, platform: NodeJS.Platform): HintValues {
  if (host.startsWith('npipe://')) {
    return { hint: /podman/.test(host) ? 'start-podman-machine' : 'start-docker-desktop' };
  }
  if (host.startsWith('tcp://')) {
    return { hint: 'check-tcp-engine', address: host.slice('tcp://'.length) };
  }
  if (host.startsWith('ssh://')) return { hint: 'check-ssh-engine', command: sshCommand(host) };
  return unixStartHint(socketPathOf(host), platform);
}

/** The fix for "the socket or pipe is there but refuses us". */
export function permissionHint(host: string, platform: NodeJS.Platform): HintValues {
  if (host.startsWith('npipe://')) return { hint: 'join-docker-users' };
  if (host.startsWith('ssh://')) return { hint: 'load-ssh-key' };
  const socketPath = socketPathOf(host);
  if (platform === 'linux' && /podman/.test(socketPath)) return { hint: 'use-own-podman-socket' };
  if (platform === 'linux') return { hint: 'join-docker-group' };
  return { hint: 'own-socket', socketPath };
}
