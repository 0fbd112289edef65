import { createHash } from 'node:crypto';
import { pack } from 'tar-stream';
import { seedFrom, seededBytes } from './prng';

export interface FileSpec {
  /** Path inside the image, without a leading slash (`data/a.bin`). */
  path: string;
  /** Bytes of seeded random content; ignored when `content` is given. */
  size?: number;
  /** Exact content (e.g. the busybox binary). */
  content?: Buffer | string;
  /** Defaults to 0o644 (0o755 for `executable`). */
  mode?: number;
  executable?: boolean;
  /** A symlink to this target instead of a regular file. */
  symlinkTo?: string;
}

export interface LayerSpec {
  files: FileSpec[];
  /**
   * Seeds the random content. Two layers with the same seed and files are byte-identical
   * (one shared layer on the engine); leave it out to get a layer no other image has.
   */
  seed: number;
}

export interface BuiltLayer {
  tar: Buffer;
  /** `sha256:<hex>` of the uncompressed tar: the layer's DiffID in the image config. */
  diffId: string;
  /** What overlay2 reports for this layer: the sum of file (and symlink) sizes. */
  size: number;
}

// Fixed metadata keeps tars byte-identical across runs, so identical specs share layers.
const MTIME = new Date('2024-01-01T00:00:00Z');

/** Reads a finalized tar-stream pack to the end. */
export async function drain(archive: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive) {
    if (!Buffer.isBuffer(chunk)) throw new Error('tar-stream produced a non-Buffer chunk');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parentDirs(filePath: string): string[] {
  const parts = filePath.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function contentOf(file: FileSpec, layerSeed: number): Buffer {
  if (file.content !== undefined) {
    return typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  }
  return seededBytes(seedFrom(layerSeed, file.path), file.size ?? 0);
}

/** Builds one layer tar in memory from its spec. */
export async function buildLayer(spec: LayerSpec): Promise<BuiltLayer> {
  const archive = pack();
  const base = { mtime: MTIME, uid: 0, gid: 0 };
  const written = new Set<string>();
  let size = 0;
  for (const file of spec.files) {
    const name = file.path.replace(/^\/+/, '');
    for (const dir of parentDirs(name)) {
      if (written.has(dir)) continue;
      written.add(dir);
      archive.entry({ ...base, name: `${dir}/`, type: 'directory', mode: 0o755 });
    }
    if (file.symlinkTo !== undefined) {
      archive.entry({ ...base, name, type: 'symlink', linkname: file.symlinkTo, mode: 0o777 });
      size += Buffer.byteLength(file.symlinkTo);
      continue;
    }
    const content = contentOf(file, spec.seed);
    const mode = file.mode ?? (file.executable ? 0o755 : 0o644);
    archive.entry({ ...base, name, type: 'file', mode, size: content.length }, content);
    size += content.length;
  }
  archive.finalize();
  const tar = await drain(archive);
  const diffId = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
  return { tar, diffId, size };
}
