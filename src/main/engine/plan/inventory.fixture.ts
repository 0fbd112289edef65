import type { ContainerInfo, ImageInfo, Inventory } from '../../../shared/model';

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
    engine: {
      endpoint: { host: 'unix:///test/never-used.sock' },
      kind: 'docker',
      version: '20.10.24',
      apiVersion: '1.41',
      maxApiVersion: '1.41',
      minApiVersion: '1.12',
      imageStore: 'classic',
      os: 'linux',
      arch: 'amd64',
    },
    images: imageInfos,
    containers: containerInfos,
    volumes: [],
    buildCache: [],
    diskUsage: {
      images: { total: 0, active: 0, size: 0, reclaimable: 0 },
      containers: { total: 0, active: 0, size: 0, reclaimable: 0 },
      volumes: { total: 0, active: 0, size: 0, reclaimable: 0 },
      buildCache: { total: 0, active: 0, size: 0, reclaimable: 0 },
      takenAt: 0,
    },
    takenAt: 0,
  };
}
