import type { BuildCacheRunResult } from '../../shared/build-cache-plan';
import type { CleanupChoice, CleanupPlan } from '../../shared/cleanup';
import type { ErrorCode } from '../../shared/errors';
import type { CleanupFailure } from '../../shared/history';
import type { PlanEngine, RunResult } from '../../shared/plan';
import type { ResourceRunResult } from '../../shared/resource-plan';
import type { CleanupPartOutcome, HistoryStore } from './history-store';

/** What the recorder reads of a target's or a record's result. */
interface ItemResult {
  status: string;
  error?: { code: ErrorCode };
}

const MAX_TRACKED = 500;

interface CleanupOfPart {
  id: string;
  choice: CleanupChoice;
  engine: PlanEngine;
}

/**
 * Records each cleanup in the history as its parts run: the service tells it which plans a
 * cleanup made (track) and what each run of one of them did. Runs of plans no cleanup made
 * (a removal or prune from its own dialog) are not cleanups and are not recorded.
 */
export class CleanupRecorder {
  /** Part plan ID → its cleanup. Parts of reviews never run are dropped with their plans. */
  private readonly parts = new Map<string, CleanupOfPart>();

  constructor(
    private readonly store: HistoryStore,
    private readonly now: () => number = Date.now,
  ) {}

  track(plan: CleanupPlan): void {
    const engine = plan.resources?.engine ?? plan.images?.engine ?? plan.buildCache?.engine;
    if (!engine) return;
    // Every tick in a review makes new parts; the oldest never run are forgotten first.
    while (this.parts.size >= MAX_TRACKED) {
      const oldest = this.parts.keys().next().value;
      if (oldest === undefined) break;
      this.parts.delete(oldest);
    }
    const cleanup = { id: plan.id, choice: plan.choice, engine };
    if (plan.resources) this.parts.set(plan.resources.id, cleanup);
    if (plan.images) this.parts.set(plan.images.id, cleanup);
    if (plan.buildCache) this.parts.set(plan.buildCache.id, cleanup);
  }

  async imagesRan(result: RunResult): Promise<void> {
    const done = result.results.filter((target) => target.status === 'done').length;
    await this.record(result, { images: done }, (target) => target.input);
  }

  async cacheRan(result: BuildCacheRunResult): Promise<void> {
    const done = result.results.filter((record) => record.status === 'done').length;
    await this.record(result, { cacheRecords: done }, (record) => record.id);
  }

  async resourcesRan(result: ResourceRunResult): Promise<void> {
    const done = result.results.filter((item) => item.status === 'done').length;
    await this.record(result, { resources: done }, (item) => item.name);
  }

  /** Adds one part's run to its cleanup's record; a run of no cleanup's part is left out. */
  private async record<T extends ItemResult>(
    result: { planId: string; results: T[]; bytesReclaimed: number; cancelled: boolean },
    counts: Pick<CleanupPartOutcome, 'images' | 'cacheRecords' | 'resources'>,
    subjectOf: (item: T) => string,
  ): Promise<void> {
    const cleanup = this.take(result.planId);
    if (!cleanup) return;
    const failures: CleanupFailure[] = result.results.flatMap((item) =>
      item.status === 'failed' || item.status === 'skipped-changed'
        ? [{ subject: subjectOf(item), status: item.status, ...codeOf(item.error) }]
        : [],
    );
    const part = { ...counts, bytesReclaimed: result.bytesReclaimed, failures };
    try {
      await this.store.recordPart(cleanup, { ...part, cancelled: result.cancelled }, this.now());
    } catch (error) {
      // The run is done and its result stands: a history that cannot be written (a full
      // disk, a read-only folder) must never turn it into a failure.
      console.error('Reclaim could not record the cleanup in its history:', error);
    }
  }

  private take(planId: string): CleanupOfPart | undefined {
    const cleanup = this.parts.get(planId);
    this.parts.delete(planId);
    return cleanup;
  }
}

function codeOf(error: { code: ErrorCode } | undefined): Pick<CleanupFailure, 'code'> {
  return error ? { code: error.code } : {};
}
