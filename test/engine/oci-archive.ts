import { createHash } from 'node:crypto';
import { pack } from 'tar-stream';
import { buildLayer, drain, type LayerSpec } from './layer-tar';

/**
 * A multi-platform image as an OCI image layout archive (`docker load` takes it): an image
 * index with one manifest per platform, each with its own config and layers, all blobs in
 * the archive. On the containerd store the image's ID is the index's digest; the engine
 * unpacks the platform it runs on and keeps the others as content only.
 */
export interface MultiPlatformImage {
  /** `sha256:` of the index: the image ID on the containerd store. */
  id: string;
  tag: string;
  platforms: { architecture: string; manifestDigest: string; contentBytes: number }[];
  archive: Buffer;
}

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG = 'application/vnd.oci.image.config.v1+json';
const LAYER = 'application/vnd.oci.image.layer.v1.tar';

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `tag` is `repo:tag`; one platform per entry of `platforms`, each with its own layers. */
export async function buildMultiPlatformImage(
  tag: string,
  platforms: { architecture: string; layers: LayerSpec[] }[],
): Promise<MultiPlatformImage> {
  const blobs = new Map<string, Buffer>();
  const add = (bytes: Buffer): string => {
    const digest = sha256(bytes);
    blobs.set(digest, bytes);
    return digest;
  };
  const created = new Date().toISOString();
  const entries = [];
  const described = [];
  for (const platform of platforms) {
    const layers = await Promise.all(platform.layers.map(buildLayer));
    const config = Buffer.from(
      JSON.stringify({
        architecture: platform.architecture,
        os: 'linux',
        created,
        config: { Env: ['PATH=/bin'] },
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
        history: layers.map(() => ({ created, created_by: 'reclaim-fixture: platform layer' })),
      }),
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: CONFIG, digest: add(config), size: config.length },
        layers: layers.map((layer) => ({
          mediaType: LAYER,
          digest: add(layer.tar),
          size: layer.tar.length,
        })),
      }),
    );
    const manifestDigest = add(manifest);
    entries.push({
      mediaType: MANIFEST,
      digest: manifestDigest,
      size: manifest.length,
      platform: { architecture: platform.architecture, os: 'linux' },
    });
    described.push({
      architecture: platform.architecture,
      manifestDigest,
      contentBytes:
        manifest.length + config.length + layers.reduce((sum, layer) => sum + layer.tar.length, 0),
    });
  }
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: entries }),
  );
  const indexDigest = add(index);
  const reference = tag.includes('/') ? tag : `library/${tag}`;
  const top = {
    schemaVersion: 2,
    mediaType: INDEX,
    manifests: [
      {
        mediaType: INDEX,
        digest: indexDigest,
        size: index.length,
        annotations: {
          'io.containerd.image.name': `docker.io/${reference}`,
          'org.opencontainers.image.ref.name': tag.slice(tag.lastIndexOf(':') + 1),
        },
      },
    ],
  };
  const archive = pack();
  const mtime = new Date('2024-01-01T00:00:00Z');
  archive.entry({ name: 'oci-layout', mtime, mode: 0o644 }, '{"imageLayoutVersion":"1.0.0"}');
  archive.entry({ name: 'index.json', mtime, mode: 0o644 }, JSON.stringify(top));
  archive.entry({ name: 'blobs/', type: 'directory', mtime, mode: 0o755 });
  archive.entry({ name: 'blobs/sha256/', type: 'directory', mtime, mode: 0o755 });
  for (const [digest, bytes] of blobs) {
    archive.entry({ name: `blobs/sha256/${digest.slice(7)}`, mtime, mode: 0o644 }, bytes);
  }
  archive.finalize();
  return { id: indexDigest, tag, platforms: described, archive: await drain(archive) };
}
