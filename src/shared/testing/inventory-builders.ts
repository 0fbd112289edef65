import type { PlanStamp } from '../core/plan/plan-stamp';
import type { ContainerInfo, DiskUsage, EngineInfo, ImageInfo, Inventory } from '../model';

/**
 * Test-only builders shared by the main-process and renderer fixtures.
 *
 * The engine every fixture pretends to be: the Docker this machine's engine tests run
 * (20.10, API 1.41, classic store). `overrides` for the endpoint or version a test shows.
 */
export function testEngineInfo(overrides: Partial<EngineInfo> = {}): EngineInfo {
  return {
    endpoint: { host: 'unix:///test/never-used.sock' },
    kind: 'docker',
    version: '20.10.24',
    apiVersion: '1.41',
    maxApiVersion: '1.41',
    minApiVersion: '1.12',
    imageStore: 'classic',
    os: 'linux',
    arch: 'amd64',
    ...overrides,
  };
}

/** The same figures for each kind of resource (all zero unless given). */
export function uniformDiskUsage(
  takenAt: number,
  row: DiskUsage['images'] = { total: 0, active: 0, size: 0, reclaimable: 0 },
): DiskUsage {
  return { images: row, containers: row, volumes: row, buildCache: row, takenAt };
}

/**
 * Hand-made inventories for the planner's unit tests: images and containers are declared by
 * the facts that matter (names, parent, layers with sizes, containers) and the derived
 * fields (children, dangling, sizes, in-use) are filled in the way the inventory does.
 */
export interface ImageSpec {
  id: string;
  tags?: string[];
  digests?: string[];
  parent?: string;
  /** Chain IDs with their own bytes, bottom first. */
  layers: [string, number][];
  created?: number;
  labels?: Record<string, string>;
}

export interface ContainerSpec {
  id: string;
  name: string;
  image: string;
  running: boolean;
}

/** `sha256:` + the given hex repeated to 64 characters: readable test IDs. */
export function sha(hex: string): string {
  return `sha256:${hex.repeat(Math.ceil(64 / hex.length)).slice(0, 64)}`;
}

export function inventory(images: ImageSpec[], containers: ContainerSpec[] = []): Inventory {
  const containerInfos: ContainerInfo[] = containers.map((c) => ({
    id: c.id,
    name: c.name,
    imageId: c.image,
    image: c.image,
    state: c.running ? 'running' : 'exited',
    running: c.running,
    sizeRw: 0,
    created: 0,
  }));
  const imageInfos: ImageInfo[] = images.map((spec) => {
    const children = images.filter((other) => other.parent === spec.id).map((other) => other.id);
    const tags = spec.tags ?? [];
    const size = spec.layers.reduce((sum, [, bytes]) => sum + bytes, 0);
    return {
      id: spec.id,
      repoTags: tags,
      repoDigests: spec.digests ?? [],
      created: spec.created ?? 1_700_000_000,
      size,
      uniqueSize: 0,
      sharedSize: 0,
      labels: spec.labels ?? {},
      parentId: spec.parent ?? null,
      childIds: children,
      dangling: tags.length === 0 && children.length === 0,
      intermediate: tags.length === 0 && (spec.digests ?? []).length === 0 && children.length > 0,
      containers: containerInfos
        .filter((c) => c.imageId === spec.id)
        .map((c) => ({ id: c.id, name: c.name, running: c.running, state: c.state })),
      layers: spec.layers.map(([chain]) => chain),
      layerSizes: spec.layers.map(([, bytes]) => bytes),
    };
  });
  return {
    engine: testEngineInfo(),
    images: imageInfos,
    containers: containerInfos,
    volumes: [],
    buildCache: [],
    diskUsage: uniformDiskUsage(0),
    takenAt: 0,
  };
}

/** Each image's own content (manifest, config) in containerdInventory, beside its layers. */
export const CONTAINERD_CONTENT = 1_000;

/**
 * The same images as the containerd store lists them, uncompressed as `docker load` stores
 * them: each layer's blob is as large as its snapshot, so an image's Size is twice its
 * layers plus its own content (CONTAINERD_CONTENT).
 */
export function containerdInventory(
  images: ImageSpec[],
  containers: ContainerSpec[] = [],
): Inventory {
  const inv = inventory(images, containers);
  return {
    ...inv,
    engine: testEngineInfo({ imageStore: 'containerd' }),
    images: inv.images.map((image) => ({ ...image, size: 2 * image.size + CONTAINERD_CONTENT })),
  };
}

/** A fixed plan identity for tests of the pure planner (see PlanStamp). */
export function testStamp(createdAt = 0): PlanStamp {
  return { id: 'plan-test', createdAt };
}
