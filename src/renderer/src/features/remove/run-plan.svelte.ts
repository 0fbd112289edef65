/**
 * Runs a previewed plan by ID and follows its progress events: the one place the renderer
 * deletes images. Both the removal and the prune dialogs use it.
 */
import type { RendererApi } from '../../../../shared/contract';
import type { ReclaimError } from '../../../../shared/errors';
import type { RunProgress, RunResult } from '../../../../shared/plan';

export class PlanRun {
  progress = $state<RunProgress | null>(null);
  result = $state<RunResult | null>(null);
  error = $state<ReclaimError | null>(null);
  running = $state(false);

  constructor(private readonly api: RendererApi) {}

  async run(planId: string): Promise<void> {
    this.running = true;
    this.error = null;
    const stop = this.api.onRunProgress((progress) => {
      if (progress.planId === planId) this.progress = progress;
    });
    try {
      const outcome = await this.api.runPlan(planId);
      if (outcome.ok) this.result = outcome.value;
      else this.error = outcome.error;
    } finally {
      stop();
      this.running = false;
    }
  }

  async cancel(planId: string): Promise<void> {
    await this.api.cancelRun(planId);
  }
}
