import type { Inventory } from '../../model';

/**
 * Plans model the classic (overlay2) image store. On the containerd store image IDs,
 * "dangling", sizes and `until` follow other rules, so a plan there is only an estimate:
 * it says so instead of passing itself off as exact.
 */
export function approximation(inv: Inventory): { approximate?: string } {
  if (inv.engine.imageStore !== 'containerd') return {};
  return {
    approximate:
      'This engine uses the containerd image store; the preview models the classic store, so its lines and bytes are an estimate. The engine still re-checks every target before deleting it.',
  };
}
