import { discoverEndpoints, pickEndpoint } from '../engine/connect/discover';
import { openConnection } from '../engine/connect/open';
import { systemDiscoveryOptions } from '../engine/connect/system-discovery';
import { followInventory } from '../engine/inventory/live-inventory';
import { planPrune } from '../engine/plan/prune';
import { planRemoval } from '../engine/plan/removal';
import { resolveReference } from '../../shared/references/resolve';
import {
  pruneBuildCache,
  removeContainers,
  removeVolumes,
} from '../engine/resources/remove-resources';
import { runPlan } from '../engine/run/run-plan';
import type { EnginePort } from './engine-port';

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
  planRemoval,
  planPrune: (inventory, options, protection) => planPrune(inventory, options, protection),
  runPlan: (connection, plan, hooks) => runPlan(connection, plan, hooks),
  removeContainers,
  removeVolumes,
  pruneBuildCache,
};
