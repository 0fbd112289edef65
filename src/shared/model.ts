import type { ReclaimError } from './errors';

/**
 * The facts Reclaim shows about an engine. Plain data only: these values cross the IPC and
 * HTTP boundaries as JSON, so no classes, Dates, Maps or functions.
 *
 * Naming follows the docker CLI (repository, tag, dangling, reclaimable…) so that a user who
 * knows `docker` recognises every field.
 */

/** An image ID as the engine gives it: `sha256:<64 hex>`. */
export type ImageId = string;

/** Which kind of engine answers on the endpoint. */
export type EngineKind = 'docker' | 'podman';

/**
 * Where images live. `classic` is the graph-driver store (overlay2…); `containerd` is the
 * containerd snapshotter store (default in Docker 29): IDs, "dangling", sizes and `until`
 * behave differently there.
 */
export type ImageStore = 'classic' | 'containerd';

/** How to reach an engine. */
export interface Endpoint {
  /** `unix:///path`, `npipe:////./pipe/name`, `tcp://host:port` or `ssh://user@host`. */
  host: string;
  /** TLS material for tcp endpoints (paths on this machine). */
  tls?: { caPath?: string; certPath?: string; keyPath?: string; verify: boolean };
}

/**
 * Where discovery found an endpoint, in the CLI's order of precedence. `context` is any other
 * context in the CLI's store: listed so the user can switch to it, never picked on its own.
 */
export type EndpointSource =
  'settings' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config.json' | 'well-known-socket' | 'context';

export interface DiscoveredEndpoint {
  endpoint: Endpoint;
  source: EndpointSource;
  /** A human label: context name, or which product owns the socket ("Colima", "Podman"…). */
  label: string;
  /** For sockets: whether the socket file exists right now (tcp and ssh: always true). */
  present: boolean;
  /**
   * Why this source cannot be used as it stands (DOCKER_HOST unparseable, the named context
   * missing…). The CLI does not fall through past an explicit source, so neither do we.
   */
  problem?: ReclaimError;
}

/** What the engine said about itself once connected. */
export interface EngineInfo {
  endpoint: Endpoint;
  kind: EngineKind;
  /** Product version, e.g. `20.10.24+dfsg1` or `4.3.1`. */
  version: string;
  /** The API version Reclaim talks, negotiated from `GET /version`. */
  apiVersion: string;
  /** The highest API version the engine speaks. */
  maxApiVersion: string;
  /** The lowest API version the engine accepts. */
  minApiVersion: string;
  imageStore: ImageStore;
  /** The daemon's own ID (`/info` ID): tells two engines behind one address apart, when known. */
  engineId?: string;
  os: string;
  arch: string;
}

/** A container that uses an image, as shown on the image's "in use" badge. */
export interface ContainerRef {
  id: string;
  /** Without the leading slash. */
  name: string;
  running: boolean;
  /** Docker's state word: created, running, paused, restarting, exited, dead. */
  state: string;
}

export interface ImageInfo {
  id: ImageId;
  /** `repository:tag`, familiar form (`redis:alpine`, `127.0.0.1:5000/team/app:1`). */
  repoTags: string[];
  /** `repository@sha256:…`. */
  repoDigests: string[];
  /** Unix seconds. */
  created: number;
  /** Total bytes of all its layers (what `docker images` shows as SIZE). */
  size: number;
  /** Bytes that deleting this image alone frees (its layers no other image or container uses). */
  uniqueSize: number;
  /** `size - uniqueSize`. */
  sharedSize: number;
  labels: Record<string, string>;
  /** The parent image (classic store, local builds), or null. */
  parentId: ImageId | null;
  /** Images whose parent is this one. */
  childIds: ImageId[];
  /**
   * No tag and no child: what `docker images -f dangling=true` lists and `docker image prune`
   * removes. On the classic store an image left with only a digest counts too (moby lists the
   * heads that have no tag).
   */
  dangling: boolean;
  /** No tag and no digest but has children: a build step, shown only by `docker images -a`. */
  intermediate: boolean;
  containers: ContainerRef[];
  /** Layer chain IDs, bottom first (the IDs `docker rmi` prints as `Deleted:` for layers). */
  layers: string[];
  /**
   * Bytes each layer adds, parallel to `layers`. Exact wherever images share layers or end;
   * inside a run of layers only this image has, the run's bytes may sit on its top layer (so
   * any sum over layers a removal frees is exact).
   */
  layerSizes?: number[];
  /**
   * The platforms of a multi-platform image (containerd store, Docker 28+), as the engine
   * lists them: absent where the engine does not say.
   */
  platforms?: PlatformInfo[];
}

/** One platform of an image on the containerd store (`docker image ls --tree`). */
export interface PlatformInfo {
  /** `linux/amd64`, `linux/arm/v7`. */
  platform: string;
  /** All of its content is here (Docker's `Available`); it may still not be unpacked. */
  available: boolean;
  /** Its manifest, config and layer blobs, as stored. */
  contentBytes: number;
  /** Its unpacked snapshots; 0 when not unpacked. */
  unpackedBytes: number;
}

export interface ContainerInfo {
  id: string;
  name: string;
  imageId: ImageId;
  /** What the container was created from, as the user typed it. */
  image: string;
  state: string;
  running: boolean;
  /** Bytes in its writable layer (`SizeRw`). */
  sizeRw: number;
  created: number;
  /**
   * The volumes it mounts and the networks it is attached to (by name), running or not: what a
   * network or volume plan keeps for it. Absent in recorded answers that predate them.
   */
  volumeNames?: string[];
  networkNames?: string[];
}

export interface VolumeInfo {
  name: string;
  driver: string;
  /** Bytes, or -1 when the engine cannot tell (non-local drivers). */
  size: number;
  /** How many containers use it; 0 means unused (and reclaimable). */
  refCount: number;
  labels: Record<string, string>;
}

export interface BuildCacheInfo {
  id: string;
  type: string;
  description: string;
  size: number;
  inUse: boolean;
  shared: boolean;
  /** Unix seconds, or null when the engine never recorded a use. */
  lastUsed: number | null;
  /** The records this one is built on (BuildKit frees a parent only with its children). */
  parents: string[];
}

/** One row of `docker system df`. */
export interface DiskUsageRow {
  total: number;
  active: number;
  size: number;
  reclaimable: number;
}

/** A row of DiskUsage whose figures can lag behind the images (see `DiskUsage.pending`). */
export type PendingRow = 'images' | 'containers' | 'volumes' | 'buildCache';

/** The four rows of `docker system df`, computed as the CLI does. */
export interface DiskUsage {
  images: DiskUsageRow;
  containers: DiskUsageRow;
  volumes: DiskUsageRow;
  buildCache: DiskUsageRow;
  /**
   * Rows still being measured: the engine's `/system/df` and container sizes can take minutes
   * on a busy engine, and the live inventory does not hold images back for them. Their
   * figures are those of the previous snapshot, or 0 before the first. Absent when complete.
   */
  pending?: PendingRow[];
  /** Unix milliseconds when these figures were read. */
  takenAt: number;
}

/** One consistent snapshot of the engine. */
export interface Inventory {
  engine: EngineInfo;
  images: ImageInfo[];
  containers: ContainerInfo[];
  volumes: VolumeInfo[];
  buildCache: BuildCacheInfo[];
  diskUsage: DiskUsage;
  /** Unix milliseconds. */
  takenAt: number;
}
