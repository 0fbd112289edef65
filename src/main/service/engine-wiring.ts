import { discoverEndpoints, pickEndpoint } from '../engine/connect/discover';
import { openConnection } from '../engine/connect/open';
import { systemDiscoveryOptions } from '../engine/connect/system-discovery';
import { followInventory } from '../engine/inventory/live-inventory';
import { planPrune } from '../../shared/core/plan/prune';
import { planRemoval } from '../../shared/core/plan/removal';
import { resolveReference } from '../../shared/core/references/resolve';
import { readNetworks } from '../engine/resources/read-networks';
import { runResourcePlan } from '../engine/resources/run-resource-plan';
import { planResources } from '../../shared/core/resources/plan-resources';
import { readBuildCache, runBuildCachePlan } from '../engine/resources/run-build-cache-plan';
import { planBuildCachePrune } from '../../shared/core/build-cache/plan-build-cache';
import { estimateCleanups, planCleanup } from '../../shared/core/cleanup/cleanup-plan';
import { runPlan } from '../engine/run/run-plan';
import type { EnginePort } from './engine-port';
import { newPlanStamp } from '../engine/new-plan-stamp';

/**
 * The service's engine port mapped onto the engine modules. Discovery reads this process's
 * environment (DOCKER_HOST, DOCKER_CONTEXT, config.json, well-known sockets) here and only here.
 */
export const realEnginePort: EnginePort = {
  discoverEndpoints: (preferred) => discoverEndpoints(systemDiscoveryOptions(preferred)),
  pickEndpoint,
  openConnection: (endpoint) => openConnection(endpoint),
  followInventory,
  resolveReference,
  planRemoval: (inventory, inputs, options, protection) =>
    planRemoval(inventory, inputs, options, protection, newPlanStamp()),
  planPrune: (inventory, options, protection) =>
    planPrune(inventory, options, protection, newPlanStamp()),
  runPlan: (connection, plan, hooks) => runPlan(connection, plan, hooks),
  planBuildCachePrune: (inventory, options) =>
    planBuildCachePrune(inventory, options, newPlanStamp()),
  runBuildCachePlan: (connection, plan, hooks) =>
    runBuildCachePlan(connection, plan, { ...hooks, reread: () => readBuildCache(connection) }),
  estimateCleanups: (inventory, parameters, protection, recordedUse) =>
    estimateCleanups(inventory, parameters, protection, Date.now(), recordedUse),
  planCleanup: (inventory, choice, protection, exclude, facts) =>
    planCleanup(inventory, choice, protection, newPlanStamp, exclude, facts),
  readNetworks,
  planResources: (inventory, networks, request) =>
    planResources(inventory, networks, request, newPlanStamp()),
  runResourcePlan: (connection, plan, hooks) => runResourcePlan(connection, plan, hooks),
};
