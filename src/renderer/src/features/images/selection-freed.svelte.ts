import type { RendererApi } from '../../../../shared/contract';
import { PLAIN_REMOVAL_OPTIONS } from '../../../../shared/plan';

/**
 * What removing the selection really frees, from the planner: a local sum cannot know which
 * layers stay shared, which tags keep an image or which containers block it. `exact` is null
 * while a plan for the current selection is on its way (the UI then shows an "at most" figure).
 */
export class SelectionFreed {
  exact = $state<number | null>(null);
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: RendererApi,
    private readonly delayMs = 250,
  ) {}

  /** Asks for the plan of these inputs after the selection rests for `delayMs`. */
  update(inputs: readonly string[]): void {
    const ticket = ++this.asked;
    this.exact = null;
    clearTimeout(this.timer);
    if (inputs.length === 0) return;
    this.timer = setTimeout(() => {
      void this.api.planRemoval([...inputs], PLAIN_REMOVAL_OPTIONS).then((outcome) => {
        // An answer for an older selection never overwrites a newer one.
        if (ticket === this.asked && outcome.ok) this.exact = outcome.value.bytesFreed;
      });
    }, this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.asked++;
  }
}
