import type {
  DataDisk,
  DiskWatchAlert,
  DiskWatchReason,
  DiskWatchSettings,
  EngineVm,
} from '../../disk-watch';
import type { DiskUsage } from '../../model';

/**
 * Whether the watch should speak now, and why. Volumes are left out of the reclaimable
 * figure: they hold data, and the Safe cleanup the alert offers never takes one.
 */
export function diskWatchAlert(
  settings: DiskWatchSettings,
  usage: DiskUsage,
  disk: DataDisk | null,
  vm: EngineVm | null,
  host: string,
  at: number,
): DiskWatchAlert | null {
  if (!settings.enabled) return null;
  // A negative row (Docker 26.1 on containerd) is nothing to reclaim, as the UI shows it.
  const reclaimableBytes = [usage.images, usage.containers, usage.buildCache].reduce(
    (sum, row) => sum + Math.max(0, row.reclaimable),
    0,
  );
  const reasons: DiskWatchReason[] = [];
  if (reclaimableBytes >= settings.reclaimableBytes) reasons.push('reclaimable');
  if (disk !== null && disk.freeBytes < settings.freeBytes) reasons.push('low-free-space');
  if (reasons.length === 0) return null;
  return { reasons, reclaimableBytes, disk, vm, host, at };
}

/**
 * Which VM runs the engine, from what `/info` says of the machine (its OperatingSystem and
 * Name) and the socket's path: Docker Desktop names itself, Colima, Lima and OrbStack name
 * the VM or keep their socket under their own folder, Podman machine's socket lives in its
 * machine folder. Null for an engine on this machine (or one Reclaim cannot place).
 */
export function engineVm(
  info: { operatingSystem: string; name: string },
  host: string,
): EngineVm | null {
  const os = info.operatingSystem.toLowerCase();
  const name = info.name.toLowerCase();
  const socket = host.toLowerCase();
  if (
    os.includes('docker desktop') ||
    socket.includes('.docker/run') ||
    socket.includes('docker_engine_linux')
  ) {
    return 'docker-desktop';
  }
  if (name.includes('colima') || socket.includes('.colima')) return 'colima';
  if (name.includes('orbstack') || os.includes('orbstack') || socket.includes('.orbstack')) {
    return 'orbstack';
  }
  if (socket.includes('podman/machine') || socket.includes('podman-machine'))
    return 'podman-machine';
  if (name.startsWith('lima-') || socket.includes('.lima')) return 'lima';
  return null;
}
