import type { Inventory } from '../../model';
import type { PrunePlan } from '../../plan';
import type { LastUse, Protection } from '../filters/protection';

/**
 * docuum's policy: of the images no container uses (what `docker image prune -a` would
 * take), the least recently used go first until the images take at most `maxBytes`. Last
 * use is what Reclaim recorded seeing (`recorded`, image ID → Unix seconds), else the
 * image's creation. `prune` plans `prune -a` with the given protection; the images that are
 * too recent to go are kept as protected by `recently-used`, so the plan (its bytes, its
 * parents kept for kept children, its command) is the prune planner's own.
 *
 * The smallest number of least recently used images whose removal brings the images row
 * to `maxBytes` is found by bisection (the bytes freed grow with each image added), so the
 * planner runs about log2(N) times, not N.
 */
export function planLeastRecentlyUsed(
  inv: Pick<Inventory, 'images' | 'diskUsage'>,
  maxBytes: number,
  protection: Protection,
  recorded: Readonly<Record<string, number>>,
  prune: (protection: Protection) => PrunePlan,
): { plan: PrunePlan; order: LastUse[] } {
  const everyUnused = prune(protection);
  const byId = new Map(inv.images.map((image) => [image.id, image]));
  const order: LastUse[] = everyUnused.remove
    .flatMap((planned) => {
      const image = byId.get(planned.imageId);
      if (!image) return [];
      const seen = recorded[image.id];
      return [
        seen === undefined
          ? { imageId: image.id, at: image.created, evidence: 'created' as const }
          : { imageId: image.id, at: Math.max(seen, image.created), evidence: 'recorded' as const },
      ];
    })
    // Oldest use first; equal times by ID, so the same inventory plans the same way.
    .sort((a, b) => a.at - b.at || a.imageId.localeCompare(b.imageId));
  const total = inv.diskUsage.images.size;
  const plans = new Map<number, PrunePlan>();
  const planFor = (count: number): PrunePlan => {
    const known = plans.get(count);
    if (known) return known;
    const plan = prune({ ...protection, recentlyUsed: order.slice(count) });
    plans.set(count, plan);
    return plan;
  };
  // The fewest oldest images that bring the row to the size; all of them when none do.
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (total - planFor(middle).bytesFreed <= maxBytes) high = middle;
    else low = middle + 1;
  }
  return { plan: planFor(low), order };
}
