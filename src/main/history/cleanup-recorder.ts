import type { BuildCacheRunResult } from '../../shared/build-cache-plan';
import type { CleanupChoice, CleanupPlan } from '../../shared/cleanup';
import type { CleanupFailure } from '../../shared/history';
import type { PlanEngine, RunResult } from '../../shared/plan';
import type { HistoryStore } from './history-store';

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
    const engine = plan.images?.engine ?? plan.buildCache?.engine;
    if (!engine) return;
    // Every tick in a review makes new parts; the oldest never run are forgotten first.
    while (this.parts.size >= MAX_TRACKED) {
      const oldest = this.parts.keys().next().value;
      if (oldest === undefined) break;
      this.parts.delete(oldest);
    }
    const cleanup = { id: plan.id, choice: plan.choice, engine };
    if (plan.images) this.parts.set(plan.images.id, cleanup);
    if (plan.buildCache) this.parts.set(plan.buildCache.id, cleanup);
  }

  async imagesRan(result: RunResult): Promise<void> {
    const cleanup = this.take(result.planId);
    if (!cleanup) return;
    const failures: CleanupFailure[] = result.results.flatMap((target) =>
      target.status === 'failed' || target.status === 'skipped-changed'
        ? [{ subject: target.input, status: target.status, ...codeOf(target.error) }]
        : [],
    );
    await this.store.recordPart(
      cleanup,
      {
        images: result.results.filter((target) => target.status === 'done').length,
        bytesReclaimed: result.bytesReclaimed,
        failures,
        cancelled: result.cancelled,
      },
      this.now(),
    );
  }

  async cacheRan(result: BuildCacheRunResult): Promise<void> {
    const cleanup = this.take(result.planId);
    if (!cleanup) return;
    const failures: CleanupFailure[] = result.results.flatMap((record) =>
      record.status === 'failed' || record.status === 'skipped-changed'
        ? [{ subject: record.id, status: record.status, ...codeOf(record.error) }]
        : [],
    );
    await this.store.recordPart(
      cleanup,
      {
        cacheRecords: result.results.filter((record) => record.status === 'done').length,
        bytesReclaimed: result.bytesReclaimed,
        failures,
        cancelled: result.cancelled,
      },
      this.now(),
    );
  }

  private take(planId: string): CleanupOfPart | undefined {
    const cleanup = this.parts.get(planId);
    this.parts.delete(planId);
    return cleanup;
  }
}

function codeOf(error: { code: CleanupFailure['code'] } | undefined): Pick<CleanupFailure, 'code'> {
  return error?.code ? { code: error.code } : {};
}
