/**
 * What the app remembers of each cleanup it ran: kept in the app's data folder, shown as a
 * list and a chart of bytes reclaimed over time, exportable as JSON.
 */
import type { CleanupChoice } from './cleanup';
import type { ErrorCode } from './errors';
import type { PlanEngine } from './plan';

/** One item a cleanup did not remove as planned: what, and the error code or status. */
export interface CleanupFailure {
  /** The image reference, build cache record ID, or container, network or volume name. */
  subject: string;
  status: 'failed' | 'skipped-changed';
  code?: ErrorCode;
}

export interface CleanupRecord {
  /** The cleanup plan's ID. */
  id: string;
  /** Unix milliseconds when its first part finished. */
  at: number;
  engine: PlanEngine;
  choice: CleanupChoice;
  /** Images deleted or untagged by the images part, as the run reports them. */
  images: number;
  /** Build cache records removed. */
  cacheRecords: number;
  /** Containers, networks and volumes removed. */
  resources: number;
  /** As the engine reported it freed, over both parts. */
  bytesReclaimed: number;
  failures: CleanupFailure[];
  /** The user stopped it before every item ran. */
  cancelled: boolean;
}

export interface CleanupHistory {
  /** Newest first. */
  records: CleanupRecord[];
  /**
   * Set when the history file found at start-up could not be read: it was moved aside, here,
   * unchanged, and a new history began.
   */
  keptAside: string | null;
}
