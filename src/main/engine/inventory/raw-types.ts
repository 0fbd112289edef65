/**
 * The engine's answers, as far as the inventory reads them. Only the fields used are
 * declared; everything the engine may omit is optional, because engines differ (Docker 20.10
 * omits `SizeRw` when 0, Podman sends `null` where Docker sends `[]`, etc.).
 */

/** One entry of `GET /images/json`. */
export interface RawImageSummary {
  Id: string;
  ParentId?: string;
  /** Docker before 1.44 sends `["<none>:<none>"]` for untagged images; Podman may send null. */
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  /** Unix seconds. */
  Created: number;
  Size: number;
  SharedSize?: number;
  Labels?: Record<string, string> | null;
  Containers?: number;
  /** Docker 28 (API 1.47+) with `manifests=1`, containerd store: one entry per manifest. */
  Manifests?: RawManifestSummary[] | null;
}

/** One manifest of an image in `/images/json?manifests=1`. */
export interface RawManifestSummary {
  ID: string;
  Available?: boolean;
  /** `image`, `attestation` or `unknown`. */
  Kind?: string;
  Size?: { Content?: number; Total?: number };
  ImageData?: {
    Platform?: { architecture?: string; os?: string; variant?: string };
    Size?: { Unpacked?: number };
  } | null;
}

/** `GET /images/{id}/json`, the parts the layer accounting needs. */
export interface RawImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Parent?: string;
  /** RFC 3339 with nanoseconds. */
  Created: string;
  Size: number;
  Config?: { Labels?: Record<string, string> | null } | null;
  RootFS?: { Type?: string; Layers?: string[] | null } | null;
}

/** One entry of `GET /images/{id}/history`, newest first. */
export interface RawHistoryItem {
  Id?: string;
  Created?: number;
  CreatedBy?: string;
  Comment?: string;
  Size: number;
}

export interface RawMount {
  Type?: string;
  Name?: string;
}

/** One entry of `GET /containers/json?all=1&size=1`. */
export interface RawContainer {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  State?: string;
  Created?: number;
  SizeRw?: number;
  Mounts?: RawMount[] | null;
  NetworkSettings?: { Networks?: Record<string, { NetworkID?: string }> | null } | null;
}

export interface RawVolume {
  Name: string;
  Driver?: string;
  Labels?: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
}

export interface RawBuildCache {
  ID: string;
  Type?: string;
  Description?: string;
  Size: number;
  InUse: boolean;
  Shared: boolean;
  LastUsedAt?: string | null;
  /** API < 1.42. */
  Parent?: string;
  /** API 1.42+. */
  Parents?: string[] | null;
}

/** A row as the engine computes it itself, from API 1.52 (`ImageUsage`, `VolumeUsage`…). */
export interface RawUsage {
  ActiveCount: number;
  TotalCount: number;
  TotalSize: number;
  Reclaimable: number;
}

/**
 * `GET /system/df`: the legacy shape (before API 1.52: `LayersSize`, `Images`…), or from
 * 1.52 the `…Usage` objects.
 */
export interface RawSystemDf {
  ImageUsage?: RawUsage | null;
  ContainerUsage?: RawUsage | null;
  VolumeUsage?: RawUsage | null;
  BuildCacheUsage?: RawUsage | null;
  LayersSize?: number;
  Images?: RawImageSummary[] | null;
  Containers?: RawContainer[] | null;
  Volumes?: RawVolume[] | null;
  BuildCache?: RawBuildCache[] | null;
}

/** One line of `GET /events`. */
export interface RawEvent {
  Type?: string;
  Action?: string;
  /** Docker sends both the legacy `status`/`id` and `Actor`; Podman sends `Actor` too. */
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> | null } | null;
  time?: number;
  timeNano?: number;
}
