import type { EngineKind, ImageStore } from '../../../shared/model';

/** The parts of `GET /version` that tell engines apart. */
export interface VersionAnswer {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
  Platform?: { Name?: string };
  Components?: { Name?: string; Version?: string }[] | null;
}

/** The part of `GET /info` that names the image store. */
export interface InfoAnswer {
  /** The daemon's ID; a new data-root is a new engine with a new ID. */
  ID?: string;
  Driver?: string;
  DriverStatus?: [string, string][] | null;
}

/**
 * Podman's Docker-compatible API answers `/version` with a "Podman Engine" component (and
 * Podman in Platform.Name on some versions); Docker never does.
 */
export function engineKind(version: VersionAnswer): EngineKind {
  const names = [
    version.Platform?.Name ?? '',
    ...(version.Components ?? []).map((c) => c.Name ?? ''),
  ];
  return names.some((name) => /podman/i.test(name)) ? 'podman' : 'docker';
}

/** The product version: Podman's own number from its component, else the top-level one. */
export function productVersion(version: VersionAnswer): string {
  const podman = (version.Components ?? []).find((c) => /podman/i.test(c.Name ?? ''));
  return podman?.Version ?? version.Version ?? 'unknown';
}

/**
 * Docker with the containerd image store reports `driver-type: io.containerd.snapshotter.v1`
 * in `DriverStatus`; the classic graph-driver store (overlay2, vfs…) does not.
 */
export function imageStore(info: InfoAnswer): ImageStore {
  const containerd = (info.DriverStatus ?? []).some(
    ([key, value]) => key === 'driver-type' && value === 'io.containerd.snapshotter.v1',
  );
  return containerd ? 'containerd' : 'classic';
}
