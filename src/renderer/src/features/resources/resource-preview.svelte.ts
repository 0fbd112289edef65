import type { Outcome, RendererApi, ResourceRemovalResult } from '../../../../shared/contract';
import type { ReclaimError } from '../../../../shared/errors';
import type { ResourcePlan, ResourceRequest } from '../../../../shared/resource-plan';
import { resourceRunAsRemoval } from './resource-run';

/**
 * The containers and volumes panels' flow: what is ticked is previewed first (the plan the
 * confirmation shows), and the confirmation runs exactly that plan by its ID.
 */
export class ResourcePreview {
  plan = $state<ResourcePlan | null>(null);
  error = $state<ReclaimError | null>(null);

  constructor(private readonly api: RendererApi) {}

  /** Plans `request`; opens the confirmation (`ask`) once the plan is there. */
  async preview(request: ResourceRequest, ask: () => void): Promise<void> {
    this.error = null;
    const outcome = await this.api.planResourceRemoval(request);
    if (!outcome.ok) {
      this.error = outcome.error;
      return;
    }
    this.plan = outcome.value;
    ask();
  }

  async run(): Promise<Outcome<ResourceRemovalResult>> {
    const planned = this.plan;
    this.plan = null;
    if (!planned) return { ok: true, value: { removed: [], failed: [], bytesReclaimed: 0 } };
    return resourceRunAsRemoval(await this.api.runResourcePlan(planned.id));
  }
}
