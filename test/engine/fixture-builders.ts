import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrivateDocker } from './dockerd';
import { assertPrivateEndpoint } from './guard';
import { imageBytesOnDisk } from './measure';
import {
  buildImage,
  loadImage,
  loadImages,
  type BuiltImage,
  type ImageSpec,
} from './image-archive';
import type { LayerSpec } from './layer-tar';
import { freshSeed, seededBytes } from './prng';

const BUSYBOX = process.env.RECLAIM_TEST_BUSYBOX ?? '/bin/busybox';

/** One layer of seeded random files; `sizes` maps path to bytes. Distinct unless `seed` is shared. */
export function randomLayer(sizes: Record<string, number>, seed = freshSeed()): LayerSpec {
  return { seed, files: Object.entries(sizes).map(([file, size]) => ({ path: file, size })) };
}

let busybox: Buffer | undefined;

/**
 * A layer holding busybox-static as /bin/busybox, so the image can run containers with no
 * other userland. Byte-identical every time: images that use it share this layer.
 */
export function busyboxLayer(): LayerSpec {
  busybox ??= readFileSync(BUSYBOX);
  return { seed: 0, files: [{ path: 'bin/busybox', content: busybox, executable: true }] };
}

/** A runnable image: busybox plus a small layer of its own (so its ID is unique). */
export function runnableImageSpec(tags: string[], extra: Partial<ImageSpec> = {}): ImageSpec {
  return {
    tags,
    layers: [busyboxLayer(), randomLayer({ 'app/data.bin': 200_000 })],
    cmd: ['/bin/busybox', 'sleep', '3600'],
    ...extra,
  };
}

/** Builds and loads one image into the private engine (see ImageSpec). */
export function addImage(engine: PrivateDocker, spec: ImageSpec): Promise<BuiltImage> {
  return loadImage(engine, spec);
}

/** Builds several images and loads them with a single `docker load`. */
export async function addImages(engine: PrivateDocker, specs: ImageSpec[]): Promise<BuiltImage[]> {
  const images: BuiltImage[] = [];
  // Sequential: an image may name an earlier one as `from`.
  for (const spec of specs) images.push(await buildImage(spec));
  await loadImages(engine, images);
  return images;
}

/** Like addImages, keyed by name: `const { app } = await addNamedImages(engine, { app: spec })`. */
export async function addNamedImages<K extends string>(
  engine: PrivateDocker,
  specs: Record<K, ImageSpec>,
): Promise<Record<K, BuiltImage>> {
  const names = Object.keys(specs) as K[];
  const built = {} as Record<K, BuiltImage>;
  for (const name of names) built[name] = await buildImage(specs[name]);
  await loadImages(
    engine,
    names.map((name) => built[name]),
  );
  return built;
}

export interface AddedContainer {
  id: string;
  name: string;
  running: boolean;
}

/**
 * Creates a container from `image` with no network. `running` starts it (busybox sleeps an
 * hour); otherwise it runs `true` once and is left exited, the usual stopped container.
 */
export async function addContainer(
  engine: PrivateDocker,
  image: string,
  opts: { name?: string; running: boolean },
): Promise<AddedContainer> {
  assertPrivateEndpoint(engine.host);
  const name = opts.name ?? `rcl-${freshSeed().toString(16)}`;
  const args = ['run', '--network', 'none', '--name', name];
  const id = opts.running
    ? await engine.dockerOk([...args, '-d', image, '/bin/busybox', 'sleep', '3600'])
    : await engine.dockerOk([...args, image, '/bin/busybox', 'true']);
  const fullId = opts.running
    ? id.trim()
    : (await engine.dockerOk(['inspect', '-f', '{{.Id}}', name])).trim();
  return { id: fullId, name, running: opts.running };
}

export interface LegacyBuild {
  id: string;
  /** Untagged parents the legacy builder left, one per step, nearest the base first. */
  intermediateIds: string[];
  /** Bytes the build added on top of its base. */
  addedSize: number;
}

/**
 * `docker build` with the legacy builder (DOCKER_BUILDKIT=0), FROM `base`: one COPY of a
 * seeded file plus a LABEL step. It leaves untagged intermediate images, exactly what
 * `docker images -a` shows and the inventory must not call dangling.
 */
export async function legacyBuild(
  engine: PrivateDocker,
  base: string,
  tag: string,
  fileSize: number,
): Promise<LegacyBuild> {
  assertPrivateEndpoint(engine.host);
  const context = await mkdtemp(path.join(engine.dir, 'build-'));
  try {
    await writeFile(path.join(context, 'payload.bin'), seededBytes(freshSeed(), fileSize));
    await writeFile(
      path.join(context, 'Dockerfile'),
      `FROM ${base}\nCOPY payload.bin /payload.bin\nLABEL reclaim.fixture=legacy-build\n`,
    );
    await engine.dockerOk(['build', '-q', '-t', tag, context]);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
  const baseId = await imageId(engine, base);
  const id = await imageId(engine, tag);
  const intermediateIds: string[] = [];
  let parent = await parentOf(engine, id);
  while (parent && parent !== baseId) {
    intermediateIds.unshift(parent);
    parent = await parentOf(engine, parent);
  }
  return { id, intermediateIds, addedSize: fileSize };
}

/**
 * The docker CLI that can drive BuildKit with no buildx plugin: Debian's 20.10 client. A
 * newer CLI (28 in /usr/local/bin here) hands `DOCKER_BUILDKIT=1` builds to buildx.
 */
const BUILDKIT_CLI = process.env.RECLAIM_TEST_BUILDKIT_CLI ?? '/usr/bin/docker';

export interface BuildKitBuild {
  id: string;
  /** Bytes of the COPYed files: the size of the build's cache records for its context. */
  payloadSize: number;
  /** Bytes of the Dockerfile, which BuildKit also keeps as a cache record. */
  dockerfileSize: number;
}

/**
 * `docker build` with BuildKit (the rig's CLI defaults to the legacy builder, which leaves no
 * build cache): `FROM scratch` + a COPY of each seeded file, one step each, so `/system/df`
 * lists build cache records (the context, the Dockerfile, and each COPY result, shared with
 * the image, built on the one before).
 */
export async function buildKitBuild(
  engine: PrivateDocker,
  tag: string,
  fileSizes: number | readonly number[],
): Promise<BuildKitBuild> {
  assertPrivateEndpoint(engine.host);
  const sizes = typeof fileSizes === 'number' ? [fileSizes] : fileSizes;
  const context = await mkdtemp(path.join(engine.dir, 'buildkit-'));
  const files = sizes.map((_, index) => (index === 0 ? 'payload.bin' : `payload-${index}.bin`));
  const dockerfile = `FROM scratch\n${files.map((file) => `COPY ${file} /${file}\n`).join('')}`;
  try {
    for (const [index, file] of files.entries()) {
      await writeFile(path.join(context, file), seededBytes(freshSeed(), sizes[index] ?? 0));
    }
    await writeFile(path.join(context, 'Dockerfile'), dockerfile);
    await engine.dockerOk(['build', '-q', '-t', tag, context], {
      cli: BUILDKIT_CLI,
      env: { DOCKER_BUILDKIT: '1' },
    });
  } finally {
    await rm(context, { recursive: true, force: true });
  }
  // BuildKit drops its view snapshots a moment after the build: until then the containerd
  // store's `/system/df` answers 404 (Docker 28) or a partial LayersSize (26.1 ignores walk
  // errors). imageBytesOnDisk waits for the figure to hold still.
  await imageBytesOnDisk(engine);
  return {
    id: await imageId(engine, tag),
    payloadSize: sizes.reduce((sum, size) => sum + size, 0),
    dockerfileSize: Buffer.byteLength(dockerfile),
  };
}

/** The docker CLI that drives BuildKit here, for `docker builder prune` too. */
export const BUILDER_CLI = BUILDKIT_CLI;

export async function imageId(engine: PrivateDocker, reference: string): Promise<string> {
  return (await engine.dockerOk(['image', 'inspect', '-f', '{{.Id}}', reference])).trim();
}

async function parentOf(engine: PrivateDocker, id: string): Promise<string> {
  return (await engine.dockerOk(['image', 'inspect', '-f', '{{.Parent}}', id])).trim();
}

/**
 * Gives a loaded image a real registry digest: tag it for `registryHost`, push, remove it,
 * pull it back. Returns the pushed reference and its `name@sha256:…` digest reference.
 */
export async function pushAndPullBack(
  engine: PrivateDocker,
  image: BuiltImage,
  registryHost: string,
  repository: string,
): Promise<{ reference: string; digestReference: string }> {
  assertPrivateEndpoint(engine.host);
  const reference = `${registryHost}/${repository}`;
  await engine.dockerOk(['tag', image.id, reference]);
  const pushed = await engine.dockerOk(['push', reference]);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];
  if (!digest) throw new Error(`docker push printed no digest:\n${pushed}`);
  await engine.dockerOk(['rmi', reference, ...image.tags]);
  await engine.dockerOk(['pull', reference]);
  const name = reference.slice(0, reference.lastIndexOf(':'));
  return { reference, digestReference: `${name}@${digest}` };
}
