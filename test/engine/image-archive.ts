import { createHash } from 'node:crypto';
import { pack } from 'tar-stream';
import type { PrivateDocker } from './dockerd';
import { assertPrivateEndpoint } from './guard';
import { buildLayer, drain, type BuiltLayer, type LayerSpec } from './layer-tar';
import { selectedEngine, type ImageStoreKind } from './engines';

export interface ImageSpec {
  /** `name:tag` references; none makes a dangling (untagged) image. */
  tags?: string[];
  /** Layers added on top of `from`'s (or of scratch). */
  layers: LayerSpec[];
  /** Like Dockerfile FROM: this image starts with all of `from`'s layers and history. */
  from?: BuiltImage;
  /**
   * Record `from` as the engine's Parent (what `docker images` and `/images/json` show as
   * ParentId). docker load honours it only when the parent is in the same archive and the
   * child has exactly one more history entry, so at most one new layer is allowed.
   */
  recordParent?: boolean;
  labels?: Record<string, string>;
  /** The image's `Created`; defaults to now. Set it in the past for `until` tests. */
  created?: Date;
  cmd?: string[];
  env?: string[];
}

interface HistoryEntry {
  created: string;
  created_by: string;
  empty_layer?: boolean;
}

export interface BuiltImage {
  /**
   * The ID the engine will give it: the config's digest on the classic store, the manifest's
   * on the containerd store (which `docker load` writes as below; see manifestOf).
   */
  id: string;
  /** `sha256:<hex>` of the config bytes (the classic store's image ID). */
  configDigest: string;
  /** `sha256:<hex>` of the manifest `docker load` stores on the containerd store. */
  manifestDigest: string;
  tags: string[];
  created: Date;
  labels: Record<string, string>;
  /** Every layer bottom-up, including those inherited from `from`. */
  layers: BuiltLayer[];
  /** The image's Size on an overlay2 engine: the sum of its layers' sizes. */
  size: number;
  /** The image this one was declared FROM, and whether the engine will record it as Parent. */
  from?: BuiltImage;
  recordParent: boolean;
  history: HistoryEntry[];
  config: Buffer;
}

const GO_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' };

/**
 * The image manifest the containerd store makes of a `docker save` archive, byte for byte
 * (checked against Docker 26.1 and 28.5): Docker's schema 2 media types, the uncompressed
 * layer tars as blobs (digest = DiffID), fields in this order, no spaces.
 */
function manifestOf(config: Buffer, layers: readonly BuiltLayer[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: layers.map((layer) => ({
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar',
        digest: layer.diffId,
        size: layer.tar.length,
      })),
    }),
  );
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Builds an image (config, layers, predicted ID) in memory; nothing touches an engine. The
 * ID is predicted for `store`: by default the store of the engine this test process runs.
 */
export async function buildImage(
  spec: ImageSpec,
  store: ImageStoreKind = selectedEngine().store,
): Promise<BuiltImage> {
  if (spec.recordParent && (!spec.from || spec.layers.length > 1)) {
    throw new Error('recordParent needs `from` and at most one new layer (docker load rule)');
  }
  const created = spec.created ?? new Date();
  const ownLayers = await Promise.all(spec.layers.map(buildLayer));
  const layers = [...(spec.from?.layers ?? []), ...ownLayers];
  const ownHistory: HistoryEntry[] =
    ownLayers.length === 0
      ? [
          {
            created: created.toISOString(),
            created_by: 'reclaim-fixture: metadata',
            empty_layer: true,
          },
        ]
      : ownLayers.map((layer) => ({
          created: created.toISOString(),
          created_by: `reclaim-fixture: layer ${layer.diffId.slice(7, 19)}`,
        }));
  const history = [...(spec.from?.history ?? []), ...ownHistory];
  const labels = { ...(spec.from?.labels ?? {}), ...(spec.labels ?? {}) };
  const config = Buffer.from(
    JSON.stringify({
      architecture: GO_ARCH[process.arch] ?? process.arch,
      os: 'linux',
      created: created.toISOString(),
      config: {
        Env: spec.env ?? ['PATH=/bin'],
        Cmd: spec.cmd ?? null,
        Labels: Object.keys(labels).length > 0 ? labels : null,
      },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history,
    }),
  );
  const configDigest = sha256(config);
  const manifestDigest = sha256(manifestOf(config, layers));
  return {
    id: store === 'containerd' ? manifestDigest : configDigest,
    configDigest,
    manifestDigest,
    tags: spec.tags ?? [],
    created,
    labels,
    layers,
    size: layers.reduce((sum, layer) => sum + layer.size, 0),
    from: spec.from,
    recordParent: spec.recordParent ?? false,
    history,
    config,
  };
}

/** Parents that must travel in the same archive for docker load to record the link. */
function withParents(images: BuiltImage[]): BuiltImage[] {
  const ordered: BuiltImage[] = [];
  const add = (image: BuiltImage): void => {
    if (image.recordParent && image.from) add(image.from);
    if (!ordered.some((seen) => seen.id === image.id)) ordered.push(image);
  };
  images.forEach(add);
  return ordered;
}

/** A `docker save`-format archive (manifest.json, configs, one folder per layer). */
export async function writeImageArchive(images: BuiltImage[]): Promise<Buffer> {
  const archive = pack();
  const mtime = new Date('2024-01-01T00:00:00Z');
  const written = new Set<string>();
  const manifest = withParents(images).map((image) => {
    const configName = `${image.configDigest.slice(7)}.json`;
    archive.entry({ name: configName, mtime, mode: 0o644 }, image.config);
    const layerPaths = image.layers.map((layer) => {
      const folder = layer.diffId.slice(7);
      if (!written.has(folder)) {
        written.add(folder);
        archive.entry({ name: `${folder}/`, type: 'directory', mtime, mode: 0o755 });
        archive.entry({ name: `${folder}/VERSION`, mtime, mode: 0o644 }, '1.0');
        archive.entry({ name: `${folder}/layer.tar`, mtime, mode: 0o644 }, layer.tar);
      }
      return `${folder}/layer.tar`;
    });
    return {
      Config: configName,
      RepoTags: image.tags.length > 0 ? image.tags : null,
      Layers: layerPaths,
      ...(image.recordParent && image.from ? { Parent: image.from.configDigest } : {}),
    };
  });
  archive.entry({ name: 'manifest.json', mtime, mode: 0o644 }, JSON.stringify(manifest));
  archive.finalize();
  return drain(archive);
}

/**
 * Loads the images into the private engine with one `docker load` and checks the engine
 * gave each the predicted ID. Tags already on other images move (the old image dangles).
 */
export async function loadImages(engine: PrivateDocker, images: BuiltImage[]): Promise<void> {
  assertPrivateEndpoint(engine.host);
  const archive = await writeImageArchive(images);
  const output = await engine.dockerOk(['load'], { input: archive });
  const ids = images.map((image) => image.id);
  const known = await engine.docker(['image', 'inspect', '--format', '{{.Id}}', ...ids]);
  const found = known.stdout.split('\n').filter((id) => id.length > 0);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new Error(`docker load did not create ${missing.join(', ')}:\n${output}${known.stderr}`);
  }
}

/** Builds and loads one image: the quick way to add an image in a test. */
export async function loadImage(engine: PrivateDocker, spec: ImageSpec): Promise<BuiltImage> {
  const image = await buildImage(spec);
  await loadImages(engine, [image]);
  return image;
}
