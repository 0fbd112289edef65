import type { BuildCachePlan } from '../../build-cache-plan';
import type {
  CleanupChoice,
  CleanupEstimate,
  CleanupExclusions,
  CleanupFacts,
  CleanupParameters,
  CleanupPlan,
  KeptByProtection,
} from '../../cleanup';
import type { Inventory } from '../../model';
import { PLAIN_REMOVAL_OPTIONS, type PrunePlan, type RemovalPlan } from '../../plan';
import { planBuildCachePrune } from '../build-cache/plan-build-cache';
import type { Protection } from '../filters/protection';
import type { PlanStamp } from '../plan/plan-stamp';
import { planPrune } from '../plan/prune';
import { planRemoval } from '../plan/removal';
import { everythingUnused, NO_EXCLUSIONS, NO_FACTS, type CleanupMix } from '../../cleanup';
import { selectBeyondNewest } from './keep-newest';
import type { ResourcePlan } from '../../resource-plan';
import { planLeastRecentlyUsed } from './least-recently-used';
import type { LastUse } from '../filters/protection';
import { planResources } from '../resources/plan-resources';
import { withoutContainers } from './without-containers';

/**
 * The plan a strategy makes, in parts, each by the planner every preview uses (so each part
 * is exactly what its own dialog would show). `stamp` is called once per part and once for
 * the cleanup itself. What the user unticked (`exclude`) is kept as the review protects it.
 * `facts` are what the inventory lacks: the networks, and when images were last seen used.
 */
export function planCleanup(
  inv: Inventory,
  choice: CleanupChoice,
  settingsProtection: Protection,
  stamp: () => PlanStamp,
  exclude: CleanupExclusions = NO_EXCLUSIONS,
  facts: CleanupFacts = NO_FACTS,
): CleanupPlan {
  const own = stamp();
  const protection: Protection = { ...settingsProtection, excludedImages: exclude.images };
  const cache = exclude.cacheRecords;
  let images: PrunePlan | RemovalPlan | null = null;
  let buildCache: BuildCachePlan | null = null;
  let resources: ResourcePlan | null = null;
  let keptProtected: KeptByProtection[] = [];
  let lastUse: LastUse[] = [];
  switch (choice.strategy) {
    case 'safe':
      images = planPrune(inv, { all: false }, protection, stamp());
      buildCache = planBuildCachePrune(inv, { all: false }, stamp(), cache);
      break;
    case 'unused-images':
      images = planPrune(inv, { all: true }, protection, stamp());
      break;
    case 'older-than':
      images = planPrune(inv, { all: true, until: `${choice.hours}h` }, protection, stamp());
      break;
    case 'keep-newest': {
      const selection = selectBeyondNewest(inv, choice.keep, protection);
      keptProtected = selection.keptProtected;
      if (selection.references.length > 0) {
        images = planRemoval(inv, selection.references, PLAIN_REMOVAL_OPTIONS, protection, stamp());
      }
      break;
    }
    case 'build-cache':
      buildCache = planBuildCachePrune(
        inv,
        {
          all: false,
          ...(choice.olderThanHours === null ? {} : { until: `${choice.olderThanHours}h` }),
          ...(choice.keepBytes === null ? {} : { keepStorage: choice.keepBytes }),
        },
        stamp(),
        cache,
      );
      break;
    case 'least-recently-used': {
      const selection = planLeastRecentlyUsed(
        inv,
        choice.maxBytes,
        protection,
        facts.recordedUse,
        (withRecent) => planPrune(inv, { all: true }, withRecent, stamp()),
      );
      images = selection.plan;
      lastUse = selection.order;
      break;
    }
    case 'everything-unused':
    case 'custom': {
      const mix = choice.strategy === 'custom' ? choice : everythingUnused(choice.volumes);
      ({ resources, images, buildCache } = planMix(inv, mix, protection, stamp, exclude, facts));
      break;
    }
  }
  return {
    id: own.id,
    createdAt: own.createdAt,
    choice,
    exclude: {
      images: [...exclude.images],
      cacheRecords: [...exclude.cacheRecords],
      resources: [...exclude.resources],
    },
    resources,
    images,
    buildCache,
    keptProtected,
    lastUse,
    bytesFreed:
      (resources?.bytesFreed ?? 0) + (images?.bytesFreed ?? 0) + (buildCache?.bytesFreed ?? 0),
  };
}

/** Every strategy with its parameters, in the order the wizard offers them. */
export function cleanupChoices(parameters: CleanupParameters): CleanupChoice[] {
  return [
    { strategy: 'safe' },
    { strategy: 'unused-images' },
    { strategy: 'older-than', hours: parameters.olderThanHours },
    { strategy: 'keep-newest', keep: parameters.keepNewest },
    {
      strategy: 'build-cache',
      olderThanHours: parameters.cacheOlderThanHours,
      keepBytes: parameters.cacheKeepBytes,
    },
    // Volumes are ticked one by one in the review: estimated with none.
    { strategy: 'least-recently-used', maxBytes: parameters.lruMaxBytes },
    { strategy: 'everything-unused', volumes: [] },
    // As for everything unused, volumes are ticked in the review, not estimated.
    { strategy: 'custom', ...parameters.custom, volumes: [] },
  ];
}

/** Each strategy's bytes and counts, all from the one snapshot `inv`, at `now`. */
export function estimateCleanups(
  inv: Inventory,
  parameters: CleanupParameters,
  protection: Protection,
  now: number,
  recordedUse: Readonly<Record<string, number>> = {},
): CleanupEstimate[] {
  const stamp = (): PlanStamp => ({ id: 'estimate', createdAt: now });
  // Networks hold no bytes: estimated without them (the review reads them).
  const facts: CleanupFacts = { networks: [], recordedUse: { ...recordedUse } };
  return cleanupChoices(parameters).map((choice) => {
    const plan = planCleanup(inv, choice, protection, stamp, NO_EXCLUSIONS, facts);
    const estimate: CleanupEstimate = {
      choice,
      bytesFreed: plan.bytesFreed,
      images: imagesDeleted(plan.images),
      cacheRecords: plan.buildCache?.remove.length ?? 0,
      containers: plan.resources?.remove.filter((item) => item.kind === 'container').length ?? 0,
      danglingInUse: choice.strategy === 'safe' ? danglingInUse(inv, plan.images) : 0,
    };
    if (plan.images?.approximate) estimate.approximate = plan.images.approximate;
    return estimate;
  });
}

/** How many images a plan's images part deletes (untagging alone deletes none). */
export function imagesDeleted(plan: PrunePlan | RemovalPlan | null): number {
  if (!plan) return 0;
  if (plan.kind === 'prune') return plan.remove.length;
  return plan.targets.filter((target) => target.outcome === 'deleted' && !target.duplicateOf)
    .length;
}

/** Dangling images the dangling prune keeps because a container uses them. */
function danglingInUse(inv: Inventory, plan: PrunePlan | RemovalPlan | null): number {
  if (!plan || plan.kind !== 'prune') return 0;
  const dangling = new Set(inv.images.filter((image) => image.dangling).map((image) => image.id));
  return plan.keep.filter((kept) => kept.reason === 'in-use' && dangling.has(kept.imageId)).length;
}

/**
 * A mix of kinds, in `docker system prune`'s order: containers first, then the networks,
 * volumes and images they leave unused (the images planned as the engine will be once those
 * containers are gone), then the build cache.
 */
function planMix(
  inv: Inventory,
  mix: CleanupMix,
  protection: Protection,
  stamp: () => PlanStamp,
  exclude: CleanupExclusions,
  facts: CleanupFacts,
): Pick<CleanupPlan, 'resources' | 'images' | 'buildCache'> {
  const wantsResources = mix.containers || mix.networks || mix.volumes.length > 0;
  const resources = wantsResources
    ? planResources(
        inv,
        facts.networks,
        {
          containers: mix.containers ? 'stopped' : [],
          networks: mix.networks,
          volumes: mix.volumes,
          unticked: exclude.resources,
        },
        stamp(),
      )
    : null;
  const going = new Set(
    (resources?.remove ?? []).filter((item) => item.kind === 'container').map((item) => item.id),
  );
  const images =
    mix.images === 'none'
      ? null
      : planPrune(
          withoutContainers(inv, going),
          {
            all: mix.images === 'unused',
            ...(mix.imagesOlderThanHours === null ? {} : { until: `${mix.imagesOlderThanHours}h` }),
          },
          protection,
          stamp(),
        );
  const buildCache =
    mix.buildCache === 'none'
      ? null
      : planBuildCachePrune(
          inv,
          {
            all: mix.buildCache === 'all',
            ...(mix.cacheOlderThanHours === null ? {} : { until: `${mix.cacheOlderThanHours}h` }),
            ...(mix.cacheKeepBytes === null ? {} : { keepStorage: mix.cacheKeepBytes }),
          },
          stamp(),
          exclude.cacheRecords,
        );
  return { resources, images, buildCache };
}
