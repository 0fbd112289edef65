/**
 * A realistic inventory for component tests and screenshots: the same kinds of images the
 * engine fixtures create (two tags on one image, a parent and child, dangling images, images
 * used by a running and by a stopped container, a labelled protected image). Test-only.
 */
import type {
  ContainerInfo,
  ContainerRef,
  EngineInfo,
  ImageInfo,
  Inventory,
} from '../../../shared/model';
import { withDerivedFigures } from '../../../shared/core/disk-usage/derived-figures';
import { testEngineInfo } from '../../../shared/testing/inventory-builders';

const MB = 1_000_000;
const DAY = 24 * 3600;
/** Fixed "now" so relative times and until filters are stable in tests. */
export const FIXTURE_NOW_MS = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = FIXTURE_NOW_MS / 1000;

export function hexId(seed: number): string {
  return `sha256:${seed.toString(16).padStart(4, '0').repeat(16)}`;
}

export const fixtureEngine: EngineInfo = testEngineInfo({
  endpoint: { host: 'unix:///var/run/docker.sock' },
  version: '20.10.24+dfsg1',
});

interface ImageSpec {
  seed: number;
  tags?: string[];
  digests?: string[];
  ageDays: number;
  /** Bytes of the image's own layers, on top of its parent's (one layer each). */
  own: number[];
  labels?: Record<string, string>;
  parent?: number;
  containers?: ContainerRef[];
}

/** Chain IDs and sizes: the parent's layers, then one layer per `own` entry. */
function layersOf(spec: ImageSpec, specs: readonly ImageSpec[]): [string, number][] {
  const parent = specs.find((s) => s.seed === spec.parent);
  const below = parent ? layersOf(parent, specs) : [];
  return [
    ...below,
    ...spec.own.map((bytes, n): [string, number] => [hexId(spec.seed + 0x100 * (n + 1)), bytes]),
  ];
}

/** Unique and shared bytes are left at 0 here: withDerivedFigures computes them. */
function image(spec: ImageSpec, children: number[], specs: readonly ImageSpec[]): ImageInfo {
  const layers = layersOf(spec, specs);
  const tags = spec.tags ?? [];
  const digests = spec.digests ?? [];
  const untagged = tags.length === 0 && digests.length === 0;
  return {
    id: hexId(spec.seed),
    repoTags: tags,
    repoDigests: digests,
    created: now - spec.ageDays * DAY,
    size: layers.reduce((sum, [, bytes]) => sum + bytes, 0),
    uniqueSize: 0,
    sharedSize: 0,
    labels: spec.labels ?? {},
    parentId: spec.parent === undefined ? null : hexId(spec.parent),
    childIds: children.map(hexId),
    dangling: untagged && children.length === 0,
    intermediate: untagged && children.length > 0,
    containers: spec.containers ?? [],
    layers: layers.map(([chain]) => chain),
    layerSizes: layers.map(([, bytes]) => bytes),
  };
}

const web: ContainerRef = { id: 'c0ffee000001', name: 'web', running: true, state: 'running' };
const oldDb: ContainerRef = { id: 'c0ffee000002', name: 'old-db', running: false, state: 'exited' };

const SPECS: ImageSpec[] = [
  { seed: 0x501a, tags: ['redis:alpine', 'redis:7-alpine'], ageDays: 20, own: [41 * MB] },
  {
    seed: 0x2b1c,
    tags: ['nginx:latest'],
    digests: ['nginx@sha256:b4f0e0bdeb578043c1ea6862f0d40cc4afe32a4a582f3be235a3b164422be228'],
    ageDays: 9,
    own: [187_600_000],
    containers: [web],
  },
  { seed: 0x7c3d, tags: ['postgres:16'], ageDays: 45, own: [432_100_000], containers: [oldDb] },
  { seed: 0x1a00, tags: ['team/app-base:1'], ageDays: 30, own: [8 * MB, 4 * MB] },
  {
    seed: 0x1a01,
    tags: ['team/app:1.4', 'team/app:latest'],
    ageDays: 2,
    own: [3 * MB],
    parent: 0x1a00,
  },
  { seed: 0x9e01, ageDays: 14, own: [2_500_000], parent: 0x1a00 },
  { seed: 0x9e02, ageDays: 60, own: [8_200_000] },
  { seed: 0x4d4d, tags: ['node:20'], ageDays: 120, own: [1_100_000_000] },
  {
    seed: 0x6f6f,
    tags: ['registry.local:5000/ci/runner:stable'],
    ageDays: 5,
    own: [96_300_000],
    labels: { 'reclaim.protected': 'true', maintainer: 'ci' },
  },
  { seed: 0x3c3c, tags: ['mongo:8.0'], ageDays: 200, own: [801_000_000], labels: { tier: 'db' } },
];

function childrenOf(seed: number, specs: ImageSpec[]): number[] {
  return specs.filter((s) => s.parent === seed).map((s) => s.seed);
}

/** The fixture's images, with unique and shared bytes as the inventory computes them. */
export function fixtureImages(): ImageInfo[] {
  return fixtureInventory().images;
}

function specImages(): ImageInfo[] {
  return SPECS.map((spec) => image(spec, childrenOf(spec.seed, SPECS), SPECS));
}

export function fixtureContainers(images: ImageInfo[]): ContainerInfo[] {
  return images.flatMap((img) =>
    img.containers.map((c) => ({
      id: c.id,
      name: c.name,
      imageId: img.id,
      image: img.repoTags[0] ?? img.id,
      state: c.state,
      running: c.running,
      sizeRw: c.running ? 2_300_000 : 48_000_000,
      created: img.created + DAY,
      volumeNames: c.running ? ['pgdata'] : [],
      networkNames: [],
    })),
  );
}

/**
 * The fixture as the live inventory would assemble it: unique and shared bytes and the four
 * rows come from the core's own formulas (withDerivedFigures), not from figures written here.
 */
export function fixtureInventory(): Inventory {
  const images = specImages();
  const base: Omit<Inventory, 'diskUsage'> = {
    engine: fixtureEngine,
    images,
    containers: fixtureContainers(images),
    volumes: [
      { name: 'pgdata', driver: 'local', size: 310_000_000, refCount: 1, labels: {} },
      { name: 'old-cache', driver: 'local', size: 57_000_000, refCount: 0, labels: {} },
      { name: '3f9a1c0d2e7b', driver: 'local', size: 1_200_000, refCount: 0, labels: {} },
    ],
    buildCache: [
      {
        id: 'k1x0',
        type: 'regular',
        description: 'COPY . /app',
        size: 64_000_000,
        inUse: false,
        shared: false,
        lastUsed: now - 3 * DAY,
        parents: [],
      },
      {
        id: 'k1x1',
        type: 'source.local',
        description: 'local source for context',
        size: 3_100_000,
        inUse: false,
        shared: true,
        lastUsed: now - DAY,
        parents: [],
      },
      {
        id: 'k1x2',
        type: 'exec.cachemount',
        description: 'RUN npm ci',
        size: 210_000_000,
        inUse: true,
        shared: false,
        lastUsed: now,
        parents: [],
      },
    ],
    takenAt: FIXTURE_NOW_MS,
  };
  return withDerivedFigures(base, FIXTURE_NOW_MS, false);
}

/** Many images, for checking the virtualized table stays smooth. */
export function manyImages(count: number): ImageInfo[] {
  return Array.from({ length: count }, (_, n) =>
    image(
      {
        seed: 0x8000 + n,
        tags: [`bulk/app-${n}:v${n % 7}`],
        ageDays: n % 400,
        own: [(n % 90) * MB + MB],
      },
      [],
      [],
    ),
  );
}
