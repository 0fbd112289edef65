import type { Inventory } from '../../model';
import type { Approximation } from '../../plan';

/**
 * Plans model the classic (overlay2) image store. On the containerd store image IDs,
 * "dangling", sizes and `until` follow other rules, so a plan there is only an estimate:
 * it says so instead of passing itself off as exact.
 */
export function approximation(inv: Inventory): { approximate?: Approximation } {
  return inv.engine.imageStore === 'containerd' ? { approximate: 'containerd-store' } : {};
}
