import type { EngineInfo } from '../../model';

/**
 * The CLI a plan's equivalent command is written for: `podman` on Podman, whose
 * Docker-compatible API refuses some of what the `docker` CLI sends (`image prune -a`:
 * Podman 4.3 always adds `dangling=true`), `docker` everywhere else. Both take the same
 * `rm`, `rmi`, `images` and `image prune` forms.
 */
export type CliName = 'docker' | 'podman';

export function cliName(engine: Pick<EngineInfo, 'kind'>): CliName {
  return engine.kind === 'podman' ? 'podman' : 'docker';
}
