import type {
  BuildCacheInfo,
  ContainerInfo,
  ContainerRef,
  PlatformInfo,
  VolumeInfo,
} from '../../../shared/model';
import { isActiveContainerState } from '../../../shared/core/disk-usage/cli-rows';
import { parentOrNull, realDigests, realTags } from './image-names';
import type {
  RawBuildCache,
  RawContainer,
  RawImageInspect,
  RawImageSummary,
  RawManifestSummary,
  RawVolume,
} from './raw-types';

/** An image as listed, before layer accounting: the engine's words, cleaned. */
export interface ImageRecord {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** Unix seconds. */
  created: number;
  size: number;
  labels: Record<string, string>;
  parentId: string | null;
  platforms?: PlatformInfo[];
}

export function imageFromSummary(raw: RawImageSummary): ImageRecord {
  const platforms = platformsOf(raw.Manifests);
  return {
    id: raw.Id,
    repoTags: realTags(raw.RepoTags),
    repoDigests: realDigests(raw.RepoDigests),
    created: raw.Created,
    size: raw.Size,
    labels: raw.Labels ?? {},
    parentId: parentOrNull(raw.ParentId),
    ...(platforms ? { platforms } : {}),
  };
}

/** The image platforms of a listed image; attestations (provenance, SBOM) are not platforms. */
function platformsOf(manifests: RawManifestSummary[] | null | undefined): PlatformInfo[] | null {
  if (!manifests) return null;
  return manifests
    .filter((manifest) => manifest.Kind === 'image')
    .map((manifest) => {
      const platform = manifest.ImageData?.Platform;
      const name = [platform?.os, platform?.architecture, platform?.variant]
        .filter((part): part is string => part !== undefined && part !== '')
        .join('/');
      return {
        platform: name === '' ? 'unknown' : name,
        available: manifest.Available ?? false,
        contentBytes: manifest.Size?.Content ?? 0,
        unpackedBytes: manifest.ImageData?.Size?.Unpacked ?? 0,
      };
    });
}

/** The same record from `/images/{id}/json`, whose Created is RFC 3339 (list: Unix seconds). */
export function imageFromInspect(raw: RawImageInspect): ImageRecord {
  return {
    id: raw.Id,
    repoTags: realTags(raw.RepoTags),
    repoDigests: realDigests(raw.RepoDigests),
    created: Math.floor(Date.parse(raw.Created) / 1000),
    size: raw.Size,
    labels: raw.Config?.Labels ?? {},
    parentId: parentOrNull(raw.Parent),
  };
}

/**
 * Paused and restarting containers count as running: the daemon refuses to remove their
 * image even with force, and `docker system df` counts them active.
 */
export function containerFromRaw(raw: RawContainer): ContainerInfo {
  const state = raw.State ?? '';
  return {
    id: raw.Id,
    name: (raw.Names?.[0] ?? raw.Id.slice(0, 12)).replace(/^\//, ''),
    imageId: raw.ImageID ?? '',
    image: raw.Image ?? '',
    state,
    running: isActiveContainerState(state),
    sizeRw: raw.SizeRw ?? 0,
    created: raw.Created ?? 0,
    volumeNames: (raw.Mounts ?? []).flatMap((mount) =>
      mount.Type === 'volume' && mount.Name ? [mount.Name] : [],
    ),
    // By name: a container never started has no NetworkID yet, only the network's name.
    networkNames: Object.keys(raw.NetworkSettings?.Networks ?? {}),
  };
}

export function containerRef(container: ContainerInfo): ContainerRef {
  return {
    id: container.id,
    name: container.name,
    running: container.running,
    state: container.state,
  };
}

export function volumeFromRaw(raw: RawVolume): VolumeInfo {
  return {
    name: raw.Name,
    driver: raw.Driver ?? 'local',
    size: raw.UsageData?.Size ?? -1,
    refCount: raw.UsageData?.RefCount ?? 0,
    labels: raw.Labels ?? {},
  };
}

/** `lastUsed` in Unix seconds, like every other time in the model. */
export function buildCacheFromRaw(raw: RawBuildCache): BuildCacheInfo {
  const lastUsed = raw.LastUsedAt ? Date.parse(raw.LastUsedAt) : NaN;
  return {
    id: raw.ID,
    type: raw.Type ?? '',
    description: raw.Description ?? '',
    size: raw.Size,
    inUse: raw.InUse,
    shared: raw.Shared,
    lastUsed: Number.isNaN(lastUsed) ? null : Math.floor(lastUsed / 1000),
    parents: raw.Parents ?? (raw.Parent ? [raw.Parent] : []),
  };
}
