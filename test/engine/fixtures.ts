import type { PrivateDocker } from './dockerd';
import {
  addContainer,
  addNamedImages,
  legacyBuild,
  pushAndPullBack,
  randomLayer,
  runnableImageSpec,
  type AddedContainer,
} from './fixture-builders';
import { assertPrivateEndpoint } from './guard';
import type { BuiltImage } from './image-archive';
import { startRegistry, type PrivateRegistry } from './registry';

/** What the engine should report for one fixture image; tests assert against these. */
export interface FixtureImage {
  id: string;
  /** Expected RepoTags, familiar form; empty when untagged (API 1.41 says `<none>:<none>`). */
  tags: string[];
  /** Expected RepoDigests (only the image pulled from the registry has one). */
  digests: string[];
  /** Expected Size in bytes (sum of its layers; exact on overlay2). */
  size: number;
  /** Expected Created, Unix seconds (what /images/json reports). */
  created: number;
  labels: Record<string, string>;
  /** The engine's Parent, or null. */
  parentId: string | null;
  /** Listed by `docker images -f dangling=true`. */
  dangling: boolean;
  /** Untagged but a parent of another image: shown only by `docker images -a`. */
  intermediate: boolean;
  /** Layer DiffIDs bottom-up (RootFS.Layers). */
  diffIds: string[];
}

export interface FixtureContainer extends AddedContainer {
  imageId: string;
}

export interface Fixtures {
  /** FROM scratch, one 1 MB file, created two days ago. */
  small: FixtureImage;
  /** FROM scratch, two layers (3 MB + 1 MB), created one day ago. */
  large: FixtureImage;
  /** A base, and two images built on it without a Parent link: they share its layer. */
  base: FixtureImage;
  sharedA: FixtureImage;
  sharedB: FixtureImage;
  /** A parent/child pair: `child`'s Parent is `parent` (`image has dependent child images`). */
  parent: FixtureImage;
  child: FixtureImage;
  /** One image, two tags (`…/multi:1` and `…/multi:2`). */
  multiTag: FixtureImage;
  /** The old build whose tag `rebuilt` took: no tag, dangling. Created ten days ago. */
  dangling: FixtureImage;
  rebuilt: FixtureImage;
  labelled: FixtureImage;
  /** Carries `reclaim.protected=true`. */
  protectedImage: FixtureImage;
  /** Created thirty days ago, for `until`. */
  old: FixtureImage;
  /** Used by the running container / the stopped one. */
  runningImage: FixtureImage;
  stoppedImage: FixtureImage;
  running: FixtureContainer;
  stopped: FixtureContainer;
  /** Pulled from the private registry: RepoDigests set. */
  pulled: FixtureImage;
  pulledDigestReference: string;
  /** `docker build` (legacy builder) FROM `buildBase`, and the untagged intermediates it left. */
  buildBase: FixtureImage;
  built: FixtureImage;
  intermediates: FixtureImage[];
  /** Every image above, intermediates included: the engine's whole image set. */
  all: FixtureImage[];
}

export const FIXTURE_REPO = 'reclaim-fx';

const DAY_MS = 24 * 3600 * 1000;

function expected(image: BuiltImage, overrides: Partial<FixtureImage> = {}): FixtureImage {
  return {
    id: image.id,
    tags: image.tags,
    digests: [],
    size: image.size,
    created: Math.floor(image.created.getTime() / 1000),
    labels: image.labels,
    parentId: image.recordParent && image.from ? image.from.id : null,
    dangling: image.tags.length === 0,
    intermediate: false,
    diffIds: image.layers.map((layer) => layer.diffId),
    ...overrides,
  };
}

const tag = (name: string, version = '1'): string => `${FIXTURE_REPO}/${name}:${version}`;

/**
 * Creates the known image and container set on a private engine (about 5 s here). Pass a
 * running registry to keep it for later pulls; otherwise one is started and stopped here.
 */
export async function loadFixtures(
  engine: PrivateDocker,
  opts: { registry?: PrivateRegistry } = {},
): Promise<Fixtures> {
  assertPrivateEndpoint(engine.host);
  const registryStarted = opts.registry ? undefined : startRegistry();
  const now = Date.now();
  const ago = (ms: number): Date => new Date(now - ms);

  // The first load: images whose tags stay put, plus the first build of `rebuilt`.
  const first = await addNamedImages(engine, {
    small: {
      tags: [tag('small')],
      layers: [randomLayer({ 'data/small.bin': 1_000_000 })],
      created: ago(2 * DAY_MS),
    },
    large: {
      tags: [tag('large')],
      layers: [randomLayer({ 'data/a.bin': 3_000_000 }), randomLayer({ 'data/b.bin': 1_000_000 })],
      created: ago(DAY_MS),
    },
    base: {
      tags: [tag('base')],
      layers: [randomLayer({ 'base/lib.bin': 2_000_000 })],
      created: ago(5 * DAY_MS),
    },
    parent: {
      tags: [tag('parent')],
      layers: [randomLayer({ 'parent/lib.bin': 1_500_000 })],
      created: ago(4 * DAY_MS),
    },
    multiTag: {
      tags: [tag('multi', '1'), tag('multi', '2')],
      layers: [randomLayer({ 'multi.bin': 700_000 })],
      created: ago(3 * DAY_MS),
    },
    firstBuild: {
      tags: [tag('rebuilt')],
      layers: [randomLayer({ 'app.bin': 600_000 })],
      created: ago(10 * DAY_MS),
    },
    labelled: {
      tags: [tag('labelled')],
      layers: [randomLayer({ 'labelled.bin': 300_000 })],
      labels: { 'com.example.team': 'web', tier: 'frontend' },
      created: ago(6 * 3600 * 1000),
    },
    protectedImage: {
      tags: [tag('protected')],
      layers: [randomLayer({ 'protected.bin': 400_000 })],
      labels: { 'reclaim.protected': 'true' },
      created: ago(12 * 3600 * 1000),
    },
    old: {
      tags: [tag('old')],
      layers: [randomLayer({ 'old.bin': 800_000 })],
      created: ago(30 * DAY_MS),
    },
    buildBase: {
      tags: [tag('build-base')],
      layers: [randomLayer({ 'sdk.bin': 1_100_000 })],
      created: ago(7 * DAY_MS),
    },
  });
  const { base, parent, buildBase } = first;

  // The second load adds the new build of `rebuilt` and images on top of earlier ones. A
  // recorded Parent needs the parent in the same archive: loadImages adds it.
  const second = await addNamedImages(engine, {
    rebuilt: {
      tags: [tag('rebuilt', 'next')],
      layers: [randomLayer({ 'app.bin': 650_000 })],
      created: ago(3600 * 1000),
    },
    sharedA: { tags: [tag('shared-a')], from: base, layers: [randomLayer({ 'a.bin': 500_000 })] },
    sharedB: { tags: [tag('shared-b')], from: base, layers: [randomLayer({ 'b.bin': 900_000 })] },
    child: {
      tags: [tag('child')],
      from: parent,
      recordParent: true,
      layers: [randomLayer({ 'child.bin': 1_200_000 })],
    },
    runningImage: runnableImageSpec([tag('running')]),
    stoppedImage: runnableImageSpec([tag('stopped')]),
    // Loaded untagged: pushAndPullBack gives it its only name, the registry one.
    toPull: { tags: [], layers: [randomLayer({ 'pulled.bin': 900_000 })] },
  });
  const { runningImage, stoppedImage, toPull } = second;
  // `rebuilt` moves to the new build, as `docker build -t` moves a tag, and the first build
  // dangles. A tag moved by `docker load` would do the same on every engine but Docker 26.1's
  // containerd store, where the old image silently goes (daemon/containerd/image_exporter.go).
  await engine.dockerOk(['tag', tag('rebuilt', 'next'), tag('rebuilt')]);
  await engine.dockerOk(['rmi', tag('rebuilt', 'next')]);

  const [running, stopped] = await Promise.all([
    addContainer(engine, runningImage.id, { name: 'reclaim-fx-running', running: true }),
    addContainer(engine, stoppedImage.id, { name: 'reclaim-fx-stopped', running: false }),
  ]);

  const build = await legacyBuild(engine, tag('build-base'), tag('built'), 250_000);

  const registry = opts.registry ?? (await registryStarted);
  if (!registry) throw new Error('no registry');
  let pulled: { reference: string; digestReference: string };
  try {
    pulled = await pushAndPullBack(engine, toPull, registry.host, `${FIXTURE_REPO}/pulled:1`);
  } finally {
    if (!opts.registry) await registry.stop();
  }

  // The builder chose these images' timestamps and layers: read them back from the engine.
  const facts = async (id: string): Promise<{ created: number; diffIds: string[] }> => {
    const out = await engine.dockerOk(['image', 'inspect', '-f', '{{json .}}', id]);
    const inspected = JSON.parse(out) as { Created: string; RootFS: { Layers?: string[] } };
    return {
      created: Math.floor(new Date(inspected.Created).getTime() / 1000),
      diffIds: inspected.RootFS.Layers ?? [],
    };
  };
  // Only the COPY step adds bytes, and it is the first: every image of the build has this size.
  const builtSize = buildBase.size + build.addedSize;
  const intermediates: FixtureImage[] = await Promise.all(
    build.intermediateIds.map(async (id, i) => ({
      ...expected(buildBase),
      id,
      tags: [],
      size: builtSize,
      ...(await facts(id)),
      parentId: i === 0 ? buildBase.id : (build.intermediateIds[i - 1] ?? null),
      dangling: false,
      intermediate: true,
    })),
  );
  const fx: Omit<Fixtures, 'all'> = {
    small: expected(first.small),
    large: expected(first.large),
    base: expected(base),
    sharedA: expected(second.sharedA),
    sharedB: expected(second.sharedB),
    parent: expected(parent),
    child: expected(second.child),
    multiTag: expected(first.multiTag),
    dangling: expected(first.firstBuild, { tags: [], dangling: true }),
    rebuilt: expected(second.rebuilt, { tags: [tag('rebuilt')] }),
    labelled: expected(first.labelled),
    protectedImage: expected(first.protectedImage),
    old: expected(first.old),
    runningImage: expected(runningImage),
    stoppedImage: expected(stoppedImage),
    running: { ...running, imageId: runningImage.id },
    stopped: { ...stopped, imageId: stoppedImage.id },
    pulled: expected(toPull, {
      tags: [pulled.reference],
      digests: [pulled.digestReference],
      dangling: false,
    }),
    pulledDigestReference: pulled.digestReference,
    buildBase: expected(buildBase),
    built: {
      ...expected(buildBase),
      id: build.id,
      tags: [tag('built')],
      size: builtSize,
      ...(await facts(build.id)),
      labels: { 'reclaim.fixture': 'legacy-build' },
      parentId: build.intermediateIds.at(-1) ?? buildBase.id,
    },
    intermediates,
  };
  const images = Object.values(fx).filter(
    (value): value is FixtureImage =>
      typeof value === 'object' && value !== null && 'diffIds' in value,
  );
  return { ...fx, all: [...images, ...intermediates] };
}

/** RepoDigests on the containerd store: the image's own ID under its first tag's repository. */
export function containerdDigests(image: FixtureImage): string[] {
  const [first] = image.tags;
  if (first === undefined) return [];
  return [`${first.slice(0, first.lastIndexOf(':'))}@${image.id}`];
}
