import { randomUUID } from 'node:crypto';
import type { Inventory } from '../../../shared/model';
import type { PlannedTarget, RemovalOptions, RemovalPlan } from '../../../shared/plan';
import { resolveReference } from '../../../shared/references/resolve';
import { approximation } from './approximate';
import { EngineModel } from './engine-model';
import { bytesOf, layerSizeTable } from './layer-sizes';
import { duplicateTarget, planTarget } from './removal-target';
import { shortId } from './explain';

/**
 * Previews `docker rmi <inputs…>`: each input resolved (a bad one throws its ReclaimFailure
 * before anything else), then planned in order against one model of the engine, so a layer
 * shared only inside the set is freed once, by the target that releases it last.
 */
export function planRemoval(
  inv: Inventory,
  inputs: string[],
  options: RemovalOptions,
): RemovalPlan {
  const resolved = inputs.map((input) => resolveReference(inv, input));
  const model = EngineModel.fromInventory(inv);
  const sizes = layerSizeTable(inv);
  const firsts = new Map<string, PlannedTarget>();
  const targets = resolved.map((r) => {
    // The same image by the same reference twice: the second is a no-op, not "already
    // removed" (with other tags left, the image would still be there).
    const key = `${r.imageId}\n${r.reference ?? ''}`;
    const first = firsts.get(key);
    if (first !== undefined) return duplicateTarget(r, first);
    const planned = planTarget(model, inv, r, options, sizes);
    firsts.set(key, planned);
    return planned;
  });
  return {
    kind: 'removal',
    id: randomUUID(),
    createdAt: Date.now(),
    options,
    targets,
    bytesFreed: bytesOf(
      sizes,
      targets.flatMap((t) => t.deleted),
    ),
    command: removalCommand(targets, options),
    ...approximation(inv),
  };
}

/** The CLI a user would type for the same result, e.g. `docker rm web && docker rmi -f app:1`. */
export function removalCommand(targets: readonly PlannedTarget[], options: RemovalOptions): string {
  const containers = targets.flatMap((t) => t.containersRemovedFirst.map((c) => c.name));
  const images = targets
    .filter((t) => t.duplicateOf === undefined)
    .flatMap((t) => [...t.childrenRemovedFirst.map(shortId), t.reference ?? shortId(t.imageId)]);
  const rmi = `docker rmi ${options.force ? '-f ' : ''}${images.join(' ')}`;
  return containers.length > 0 ? `docker rm ${containers.join(' ')} && ${rmi}` : rmi;
}
