import { copyFile, readFile } from 'node:fs/promises';
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
const fileShape = z.object({ version: z.literal(1), records: z.array(z.unknown()) });

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
  /** False once the file found could not be read or kept aside: it is never written over. */
  private writable = true;
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
      // Unreadable (permissions, a folder in its place): start-up goes on with an empty
      // history, and nothing is ever written over a file that could not be read.
      this.writable = false;
      console.error('Reclaim could not read its cleanup history:', error);
      return;
    }
    const { records, dropped } = readRecords(parseJsonOrUndefined(text));
    this.records = records;
    if (dropped === 0) return;
    // Some or all of it could not be read: the file is kept aside unchanged, the rest kept.
    const aside = `${this.filePath}.damaged-${Date.now()}`;
    try {
      await copyFile(this.filePath, aside);
      this.keptAside = aside;
      // What could be read stays the history; the damaged copy is only the one aside.
      await this.writer.save(this.exportJson());
    } catch (error) {
      this.writable = false;
      console.error('Reclaim could not keep its damaged cleanup history aside:', error);
    }
  }

  /**
   * Writes the history, with any record another Reclaim (a second window's browser mode on
   * the same data folder) saved meanwhile: records are merged by ID, never overwritten.
   */
  private async save(): Promise<void> {
    if (!this.writable) return;
    let onDisk: CleanupRecord[] = [];
    try {
      const found = readRecords(parseJsonOrUndefined(await readFile(this.filePath, 'utf8')));
      // Damaged since start-up (or written by a newer Reclaim): kept aside before the write.
      if (found.dropped > 0)
        await copyFile(this.filePath, `${this.filePath}.damaged-${Date.now()}`);
      onDisk = found.records;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.error(
          'Reclaim did not write its cleanup history over a file it could not read:',
          error,
        );
        return;
      }
    }
    const mine = new Set(this.records.map((record) => record.id));
    const theirs = onDisk.filter((record) => !mine.has(record.id));
    if (theirs.length > 0) {
      this.records = [...this.records, ...theirs].sort((a, b) => b.at - a.at).slice(0, MAX_RECORDS);
    }
    await this.writer.save(this.exportJson());
  }
}

/** The records of a history file that validate, one by one, and how many did not. */
function readRecords(raw: unknown): { records: CleanupRecord[]; dropped: number } {
  const file = fileShape.safeParse(raw);
  if (!file.success) return { records: [], dropped: 1 };
  const records = file.data.records.flatMap((candidate) => {
    const parsed = recordSchema.safeParse(candidate);
    // Validated; the loose choice is a CleanupChoice of this or a newer Reclaim.
    return parsed.success ? [parsed.data as CleanupRecord] : [];
  });
  return { records, dropped: file.data.records.length - records.length };
}
