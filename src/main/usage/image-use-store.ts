import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Inventory } from '../../shared/model';
import { parseJsonOrUndefined, SerialFileWriter } from '../storage/json-file';

export const IMAGE_USE_FILE_NAME = 'image-use.json';

/** Sightings kept: the most recent, far more images than a machine holds. */
const MAX_IMAGES = 5_000;

const fileSchema = z.object({
  version: z.literal(1),
  seen: z.record(z.string(), z.number().nonnegative()),
});

/**
 * When Reclaim last saw each image in use, for the least-recently-used strategy: every
 * snapshot it reads counts a running container's image as used now, and any container's
 * image as used when that container was created. The engine forgets a use once the
 * container is removed; this file remembers it across restarts. It is only evidence: a
 * file that cannot be read starts empty (the strategy then falls back to creation times,
 * and says so per image), never a failure.
 */
export class ImageUseStore {
  private seen = new Map<string, number>();
  private readonly writer: SerialFileWriter;

  private constructor(filePath: string) {
    this.writer = new SerialFileWriter(filePath);
  }

  static async open(dir: string): Promise<ImageUseStore> {
    const filePath = path.join(dir, IMAGE_USE_FILE_NAME);
    const store = new ImageUseStore(filePath);
    const text = await readFile(filePath, 'utf8').catch(() => null);
    const parsed = fileSchema.safeParse(text === null ? undefined : parseJsonOrUndefined(text));
    if (parsed.success) store.seen = new Map(Object.entries(parsed.data.seen));
    return store;
  }

  /** Image ID → Unix seconds of the last use seen. */
  get(): Record<string, number> {
    return Object.fromEntries(this.seen);
  }

  /** Counts the uses `inventory` shows at `nowSeconds`; saves when anything moved on. */
  async observe(inventory: Pick<Inventory, 'containers'>, nowSeconds: number): Promise<void> {
    let changed = false;
    for (const container of inventory.containers) {
      if (!container.imageId) continue;
      const at = container.running ? nowSeconds : container.created;
      if (at > (this.seen.get(container.imageId) ?? -1)) {
        this.seen.set(container.imageId, at);
        changed = true;
      }
    }
    if (!changed) return;
    if (this.seen.size > MAX_IMAGES) {
      const newest = [...this.seen].sort((a, b) => b[1] - a[1]).slice(0, MAX_IMAGES);
      this.seen = new Map(newest);
    }
    const text = JSON.stringify({ version: 1, seen: this.get() });
    try {
      await this.writer.save(text);
    } catch (error) {
      console.error('Reclaim could not save when images were last used:', error);
    }
  }
}
