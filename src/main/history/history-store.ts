import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CleanupChoice } from '../../shared/cleanup';
import { ERROR_CODES } from '../../shared/errors';
import type { CleanupFailure, CleanupHistory, CleanupRecord } from '../../shared/history';
import type { PlanEngine } from '../../shared/plan';
import { parseJsonOrUndefined, SerialFileWriter } from '../storage/json-file';

export const HISTORY_FILE_NAME = 'cleanup-history.json';

/** The newest records kept: years of daily cleanups, and a file that stays small. */
const MAX_RECORDS = 2_000;

const recordSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  engine: z.object({
    host: z.string(),
    engineId: z.string().nullable(),
    cli: z.enum(['docker', 'podman']),
  }),
  // The choice is shown, never re-run: any strategy name a newer Reclaim wrote is kept.
  choice: z.object({ strategy: z.string() }).loose(),
  images: z.number().int().nonnegative(),
  cacheRecords: z.number().int().nonnegative(),
  // Written since cleanups remove containers, networks and volumes: older files lack it.
  resources: z.number().int().nonnegative().default(0),
  bytesReclaimed: z.number().nonnegative(),
  failures: z.array(
    z.object({
      subject: z.string(),
      status: z.enum(['failed', 'skipped-changed']),
      code: z.enum(ERROR_CODES).optional(),
    }),
  ),
  cancelled: z.boolean(),
});
const fileSchema = z.object({ version: z.literal(1), records: z.array(recordSchema) });

/** What one part of a cleanup (its images, its build cache) did when it ran. */
export interface CleanupPartOutcome {
  images?: number;
  cacheRecords?: number;
  resources?: number;
  bytesReclaimed: number;
  failures: CleanupFailure[];
  cancelled: boolean;
}

/**
 * The cleanup history as one JSON file in the app's data folder. A file that cannot be read
 * (damaged, hand-edited, from an unknown version) is never emptied: it is moved aside
 * unchanged, the history starts anew, and `keptAside` says where the old file went.
 */
export class HistoryStore {
  private records: CleanupRecord[] = [];
  private keptAside: string | null = null;
  private readonly writer: SerialFileWriter;

  private constructor(private readonly filePath: string) {
    this.writer = new SerialFileWriter(filePath);
  }

  static async open(dir: string): Promise<HistoryStore> {
    const store = new HistoryStore(path.join(dir, HISTORY_FILE_NAME));
    await store.load();
    return store;
  }

  get(): CleanupHistory {
    return structuredClone({ records: this.records, keptAside: this.keptAside });
  }

  /** The history file's content, as exported: the same JSON Reclaim keeps. */
  exportJson(): string {
    return JSON.stringify({ version: 1, records: this.records }, null, 2);
  }

  /**
   * Adds what a part of cleanup `id` did: the first part makes the record, the next adds to
   * it (a cleanup's images and build cache run one after the other).
   */
  async recordPart(
    cleanup: { id: string; choice: CleanupChoice; engine: PlanEngine },
    part: CleanupPartOutcome,
    at: number,
  ): Promise<void> {
    const existing = this.records.find((record) => record.id === cleanup.id);
    const record: CleanupRecord = existing ?? {
      id: cleanup.id,
      at,
      engine: { ...cleanup.engine },
      choice: structuredClone(cleanup.choice),
      images: 0,
      cacheRecords: 0,
      resources: 0,
      bytesReclaimed: 0,
      failures: [],
      cancelled: false,
    };
    record.images += part.images ?? 0;
    record.cacheRecords += part.cacheRecords ?? 0;
    record.resources += part.resources ?? 0;
    record.bytesReclaimed += part.bytesReclaimed;
    record.failures.push(...part.failures);
    record.cancelled ||= part.cancelled;
    if (!existing) this.records = [record, ...this.records].slice(0, MAX_RECORDS);
    await this.save();
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = fileSchema.safeParse(parseJsonOrUndefined(text));
    if (parsed.success) {
      // Validated above; the loose choice is a CleanupChoice of this or a newer Reclaim.
      this.records = parsed.data.records as CleanupRecord[];
      return;
    }
    const aside = `${this.filePath}.damaged-${Date.now()}`;
    await rename(this.filePath, aside);
    this.keptAside = aside;
  }

  private save(): Promise<void> {
    return this.writer.save(this.exportJson());
  }
}
