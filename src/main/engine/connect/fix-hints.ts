/**
 * What a user should do when an engine cannot be reached, worded for the engine that owns
 * the endpoint: "start Docker Desktop" helps nobody running Colima.
 */

function socketPathOf(host: string): string {
  return host.replace(/^(unix|npipe):\/\//, '');
}

function podmanStartHint(socketPath: string, platform: NodeJS.Platform): string {
  if (platform !== 'linux') return 'Start the Podman machine: `podman machine start`.';
  if (socketPath.startsWith('/run/podman/')) {
    return 'Start the Podman API service: `sudo systemctl start podman.socket`.';
  }
  return 'Start the Podman API service for your user: `systemctl --user start podman.socket`.';
}

function unixStartHint(socketPath: string, platform: NodeJS.Platform): string {
  if (/\/\.colima\//.test(socketPath)) return 'Start Colima: `colima start`.';
  if (/\/\.orbstack\//.test(socketPath)) return 'Start OrbStack.';
  if (/\/\.rd\//.test(socketPath)) return 'Start Rancher Desktop.';
  if (/\/\.docker\/(run|desktop)\//.test(socketPath)) return 'Start Docker Desktop.';
  if (/podman/.test(socketPath)) return podmanStartHint(socketPath, platform);
  if (/^\/(var\/)?run\/docker\.sock$/.test(socketPath)) {
    return platform === 'linux'
      ? 'Start the Docker service: `sudo systemctl start docker`.'
      : 'Start Docker Desktop (or whichever engine provides /var/run/docker.sock).';
  }
  if (platform === 'linux' && /^\/run\/user\/\d+\/docker\.sock$/.test(socketPath)) {
    return 'Start rootless Docker: `systemctl --user start docker`.';
  }
  return `Start the engine that listens on ${socketPath}, or choose another engine in Settings.`;
}

/** `ssh://me@box:2222` as the command a user would type: `ssh -p 2222 me@box`. */
function sshCommand(host: string): string {
  const target = host.slice('ssh://'.length);
  const port = /:(\d+)$/.exec(target);
  return port ? `ssh -p ${port[1]} ${target.slice(0, port.index)}` : `ssh ${target}`;
}

/** The fix for "nothing answers at this endpoint". */
export function startHint(host: string, platform: NodeJS.Platform): string {
  if (host.startsWith('npipe://')) {
    return /podman/.test(host)
      ? 'Start the Podman machine: `podman machine start`.'
      : 'Start Docker Desktop.';
  }
  if (host.startsWith('tcp://')) {
    return `Check that the engine at ${host.slice('tcp://'.length)} is running and listening, and that no firewall blocks the port.`;
  }
  if (host.startsWith('ssh://')) {
    return `Check that \`${sshCommand(host)}\` works and that Docker runs on that machine.`;
  }
  return unixStartHint(socketPathOf(host), platform);
}

/** The fix for "the socket or pipe is there but refuses us". */
export function permissionHint(host: string, platform: NodeJS.Platform): string {
  if (host.startsWith('npipe://')) {
    return 'Add your account to the "docker-users" group (Computer Management → Local Users and Groups), then sign out and back in.';
  }
  if (host.startsWith('ssh://')) {
    return 'Load a key that this host accepts into your ssh agent (`ssh-add`), so Reclaim can log in.';
  }
  const socketPath = socketPathOf(host);
  if (platform === 'linux' && /podman/.test(socketPath)) {
    return "Use your own Podman socket (`systemctl --user start podman.socket`) or run as the socket's owner.";
  }
  if (platform === 'linux') {
    return 'Add yourself to the docker group: `sudo usermod -aG docker $USER`, then log out and back in (or use rootless Docker). Note that the docker group grants root-level access.';
  }
  return `Make sure ${socketPath} belongs to your user (\`ls -l ${socketPath}\`); restarting the engine usually restores it.`;
}
