/**
 * The opt-in disk-space watch: when what a cleanup could give back passes a threshold, or
 * the engine's data disk runs low, Reclaim offers the Safe review (a desktop notification,
 * or in browser mode a banner).
 */

export interface DiskWatchSettings {
  enabled: boolean;
  /** Alert when images, containers and build cache could give back at least this. */
  reclaimableBytes: number;
  /** Alert when the engine's data disk has less than this free (where it can be read). */
  freeBytes: number;
}

export const DEFAULT_DISK_WATCH: Readonly<DiskWatchSettings> = Object.freeze({
  enabled: false,
  reclaimableBytes: 10_000_000_000,
  freeBytes: 5_000_000_000,
});

/**
 * Engines that run inside a virtual machine: their data disk is the VM's, and space freed
 * there may not return to the host until the VM's disk is compacted.
 */
export type EngineVm = 'docker-desktop' | 'colima' | 'orbstack' | 'podman-machine' | 'lima';

/** The engine's data disk, when Reclaim can read it (a local engine outside a VM). */
export interface DataDisk {
  /** The engine's data root (`DockerRootDir`, Podman's graph root). */
  path: string;
  freeBytes: number;
  totalBytes: number;
}

export type DiskWatchReason = 'reclaimable' | 'low-free-space';

export interface DiskWatchAlert {
  reasons: DiskWatchReason[];
  /** What images, containers and build cache could give back (their rows' reclaimable). */
  reclaimableBytes: number;
  /** Null when the data disk cannot be read from here (remote, or inside a VM). */
  disk: DataDisk | null;
  vm: EngineVm | null;
  /** The endpoint the figures are from. */
  host: string;
  /** Unix milliseconds. */
  at: number;
}
