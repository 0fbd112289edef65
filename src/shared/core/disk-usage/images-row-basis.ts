import type { EngineInfo } from '../../model';
import { releaseAtLeast } from '../plan/engine-release';

/**
 * Whether the engine's Images row (`/system/df` LayersSize, which `docker system df` prints)
 * leaves the containerd store's content out. Docker before 28.2 sums the snapshots only
 * (daemon/containerd/service.go LayerDiskUsage); from 28.2 it adds every blob once
 * (ImageDiskUsage). Image sizes count both on every release.
 */
export function imagesRowLeavesContentOut(
  engine: Pick<EngineInfo, 'imageStore' | 'version'>,
): boolean {
  return engine.imageStore === 'containerd' && !releaseAtLeast(engine.version, 28, 2);
}
