/**
 * What a user should do about an engine that cannot be reached, as a code in `values.hint`:
 * it depends on which engine owns the endpoint and on the platform (systemctl on Linux,
 * Docker Desktop elsewhere), which only the main process knows; the renderer words it.
 */
export type FixHint =
  /** Start the Podman machine (`podman machine start`): macOS, Windows. */
  | 'start-podman-machine'
  /** Start the system Podman API service (`sudo systemctl start podman.socket`). */
  | 'start-podman-service'
  /** Start the user's Podman API service (`systemctl --user start podman.socket`). */
  | 'start-podman-user-service'
  | 'start-colima'
  | 'start-orbstack'
  | 'start-rancher-desktop'
  | 'start-docker-desktop'
  /** Linux: `sudo systemctl start docker`. */
  | 'start-docker-service'
  /** Not Linux, /var/run/docker.sock: Docker Desktop or whichever engine provides it. */
  | 'start-default-socket-engine'
  /** Linux: `systemctl --user start docker`. */
  | 'start-rootless-docker'
  /** An unknown socket: start what listens on `values.socketPath`, or choose another engine. */
  | 'start-engine-at-socket'
  /** tcp: check that the engine at `values.address` runs and no firewall blocks the port. */
  | 'check-tcp-engine'
  /** ssh: check that `values.command` works and that Docker runs on that machine. */
  | 'check-ssh-engine'
  /** Windows: join the "docker-users" group, then sign out and back in. */
  | 'join-docker-users'
  /** ssh: load a key the host accepts into the ssh agent (`ssh-add`). */
  | 'load-ssh-key'
  /** Linux, a Podman socket of another user: use your own, or run as its owner. */
  | 'use-own-podman-socket'
  /** Linux: join the docker group (which grants root-level access), then log in again. */
  | 'join-docker-group'
  /** Elsewhere: make `values.socketPath` belong to your user; restarting the engine restores it. */
  | 'own-socket';
