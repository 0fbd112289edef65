import { statfs } from 'node:fs/promises';
import type { DataDisk, EngineVm } from '../../shared/disk-watch';
import { engineVm } from '../../shared/core/watch/disk-watch-alert';
import type { Connection } from '../engine/connect/connection';

interface InfoMachine {
  DockerRootDir?: string;
  OperatingSystem?: string;
  Name?: string;
}

/**
 * Where the engine keeps its data and whether Reclaim can read that disk: only for an
 * engine on this machine's own unix socket, outside a VM, whose data root this process can
 * reach. Anything else has no disk figure (the watch then goes by reclaimable bytes alone).
 */
export async function readEngineMachine(
  connection: Connection,
): Promise<{ vm: EngineVm | null; disk: DataDisk | null }> {
  const info = await connection.request<InfoMachine>({ method: 'GET', path: '/info' });
  const host = connection.engine.endpoint.host;
  const vm = engineVm({ operatingSystem: info.OperatingSystem ?? '', name: info.Name ?? '' }, host);
  const root = info.DockerRootDir;
  if (vm !== null || !host.startsWith('unix://') || !root) return { vm, disk: null };
  try {
    const stats = await statfs(root);
    return {
      vm,
      disk: {
        path: root,
        freeBytes: stats.bavail * stats.bsize,
        totalBytes: stats.blocks * stats.bsize,
      },
    };
  } catch {
    // A socket forwarded from elsewhere, or a root this user cannot reach: no disk figure.
    return { vm, disk: null };
  }
}
