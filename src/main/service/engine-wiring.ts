import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { EnginePort } from './engine-port';

/**
 * INTERIM: the engine modules (connect, inventory, references, plan, run) are being written
 * in parallel. Until they land, every engine call fails with an honest error instead of a
 * pretend answer; this file is then replaced by the real mapping onto src/main/engine/**.
 */
function notYetAvailable(): never {
  throw new ReclaimFailure(
    reclaimError(
      'ENGINE_ERROR',
      'This build of Reclaim has no engine support yet.',
      'Use a build that includes the engine modules.',
    ),
  );
}

export const realEnginePort: EnginePort = {
  discoverEndpoints: async () => notYetAvailable(),
  pickEndpoint: notYetAvailable,
  openConnection: async () => notYetAvailable(),
  followInventory: notYetAvailable,
  readDiskUsage: async () => notYetAvailable(),
  resolveReference: notYetAvailable,
  planRemoval: notYetAvailable,
  planPrune: notYetAvailable,
  runPlan: async () => notYetAvailable(),
};
