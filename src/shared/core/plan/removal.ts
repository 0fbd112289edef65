import { ReclaimFailure, reclaimError } from '../../errors';
import type { Inventory } from '../../model';
import type { PlannedTarget, RemovalOptions, RemovalPlan, ResolvedReference } from '../../plan';
import { resolveReference } from '../references/resolve';
import { EngineModel } from './engine-model';
import { bytesOf, layerSizeTable } from './layer-sizes';
import { duplicateTarget, keptProtectedTarget } from './planned-targets';
import { containerBytes, planTarget } from './removal-target';
import { protectionTest, type Protection, type ProtectionMatch } from '../filters/protection';
import { planEngine, type PlanStamp } from './plan-stamp';
import { shortId } from '../../format/short-id';
import { cliName, type CliName } from './cli-name';

/**
 * Previews `docker rmi <inputs…>`: each input resolved (a bad one throws its ReclaimFailure
 * before anything else), then planned in order against one model of the engine, so a layer
 * shared only inside the set is freed once, by the target that releases it last.
 */
export function planRemoval(
  inv: Inventory,
  inputs: string[],
  options: RemovalOptions,
  protection: Protection,
  stamp: PlanStamp,
): RemovalPlan {
  if (options.force && inv.engine.kind === 'podman') {
    throw new ReclaimFailure(reclaimError('VALIDATION', { cause: 'force-on-podman' }));
  }
  const resolved = inputs.map((input) => resolveReference(inv, input));
  const model = EngineModel.fromInventory(inv);
  const sizes = layerSizeTable(inv);
  const protectedBy = protectedById(inv, protection);
  const keyOf = (r: ResolvedReference): string => `${r.imageId}\n${r.reference ?? ''}`;
  // Named explicitly and alone, a protected image may go: it is the user's own choice.
  const alone = new Set(resolved.map(keyOf)).size === 1;
  const firsts = new Map<string, PlannedTarget>();
  const targets = resolved.map((r) => {
    // The same image by the same reference twice: the second is a no-op, not "already
    // removed" (with other tags left, the image would still be there).
    const key = keyOf(r);
    const first = firsts.get(key);
    if (first !== undefined) return duplicateTarget(r, first);
    const guard = protectedBy(r.imageId);
    // Unticked in a review is never overridden by being named: the review's choice stands.
    const overridable = alone && guard?.by !== 'review';
    const planned =
      guard !== null && !overridable
        ? keptProtectedTarget(r, guard)
        : planTarget(model, inv, r, options, sizes, protectedBy);
    // Named on its own, a protected image is planned normally; the preview says it is protected.
    if (guard !== null && overridable) planned.protectedBy = guard;
    firsts.set(key, planned);
    return planned;
  });
  return {
    kind: 'removal',
    id: stamp.id,
    createdAt: stamp.createdAt,
    engine: planEngine(inv),
    options,
    targets,
    bytesFreed: !model.deletedNamesLayers
      ? targets.reduce((sum, t) => sum + t.bytesFreed, 0)
      : bytesOf(
          sizes,
          targets.flatMap((t) => t.deleted),
        ) + targets.reduce((sum, t) => sum + containerBytes(t), 0),
    command: removalCommand(targets, options, cliName(inv.engine)),
    protection,
    ...(model.store === 'containerd' ? { approximate: 'containerd-bytes' } : {}),
  };
}

/** Why each image (by ID) is protected, from the user's protection settings. */
export function protectedById(
  inv: Inventory,
  protection: Protection,
): (imageId: string) => ProtectionMatch | null {
  const test = protectionTest(protection);
  const reasons = new Map(inv.images.map((image) => [image.id, test(image)]));
  return (imageId) => reasons.get(imageId) ?? null;
}

/**
 * The CLI a user would type for the same result, e.g. `docker rm web && docker rmi -f app:1`;
 * targets kept as protected or repeated are left out, and targets that must not prune their
 * parents get their own `docker rmi --no-prune`.
 */
function removalCommand(
  targets: readonly PlannedTarget[],
  options: RemovalOptions,
  cli: CliName,
): string {
  const acting = targets.filter(
    (t) => t.duplicateOf === undefined && t.outcome !== 'kept-protected',
  );
  const containers = acting.flatMap((t) => t.containersRemovedFirst.map((c) => c.name));
  const groups: { noPrune: boolean; names: string[] }[] = [];
  for (const t of acting) {
    const noPrune = t.pruneParents === false;
    const names = [...t.childrenRemovedFirst.map(shortId), t.reference ?? shortId(t.imageId)];
    const last = groups.at(-1);
    if (last && last.noPrune === noPrune) last.names.push(...names);
    else groups.push({ noPrune, names });
  }
  const flags = (noPrune: boolean): string =>
    `${options.force ? '-f ' : ''}${noPrune ? '--no-prune ' : ''}`;
  const rmi = groups.map((g) => `${cli} rmi ${flags(g.noPrune)}${g.names.join(' ')}`);
  return [...(containers.length > 0 ? [`${cli} rm ${containers.join(' ')}`] : []), ...rmi].join(
    ' && ',
  );
}
