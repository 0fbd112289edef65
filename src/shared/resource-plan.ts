/**
 * Containers, networks and volumes planned like images: a preview lists each item that goes,
 * with its bytes, and each that stays, with why, and the equivalent CLI; running it removes
 * exactly the listed items by ID, re-checking each just before, and reports what changed.
 */
import type { ReclaimError } from './errors';
import type { PlanEngine } from './plan';

export type ResourceKind = 'container' | 'network' | 'volume';

/**
 * What to plan. `containers`: every stopped container (`'stopped'`, what `docker container
 * prune` takes), these IDs, or none. `networks`: every network no container that stays
 * refers to. `volumes`: only the volumes named here: a volume holds data, so none goes
 * unless the user names it. `unticked`: container IDs and network IDs the user unticked in
 * a review; they stay, and so do the networks and volumes they use.
 */
export interface ResourceRequest {
  containers: 'stopped' | string[];
  networks: boolean;
  volumes: string[];
  unticked: string[];
}

export const NO_RESOURCES: Readonly<ResourceRequest> = Object.freeze({
  containers: [],
  networks: false,
  volumes: [],
  unticked: [],
});

export interface PlannedResource {
  kind: ResourceKind;
  /** Containers and networks: the full ID. Volumes: the name (their only ID). */
  id: string;
  /** The name the CLI shows. */
  name: string;
  /**
   * Bytes its removal frees: a container's writable layer, a volume's data; networks hold
   * none. Null when the engine cannot tell (a volume of a non-local driver).
   */
  bytes: number | null;
  /** Volumes: anonymous (made for a container's VOLUME, named by a random ID) or named. */
  anonymous?: boolean;
  /** Containers: the image it was created from, as typed. */
  image?: string;
}

/**
 * Why an item stays. `running`: a container that runs (Reclaim never stops one). `in-use`:
 * a container that stays uses the network or volume (`by` names it). `predefined`: Docker's
 * own bridge, host and none networks, or Podman's default. `not-local`: a swarm network,
 * which only the swarm manager removes. `not-ticked`: an unused volume the user has not
 * ticked. `unticked`: the user unticked it in the review.
 */
export type ResourceKeepReason =
  'running' | 'in-use' | 'predefined' | 'not-local' | 'not-ticked' | 'unticked';

export interface KeptResource extends PlannedResource {
  reason: ResourceKeepReason;
  /** For `in-use`: the container that uses it. */
  by?: string;
}

export interface ResourcePlan {
  kind: 'resources';
  id: string;
  createdAt: number;
  engine: PlanEngine;
  request: ResourceRequest;
  /** In run order: containers, then the networks and volumes they leave unused. */
  remove: PlannedResource[];
  keep: KeptResource[];
  /** The sum of the known bytes of what goes. */
  bytesFreed: number;
  /** The equivalent CLI, one line per kind: `docker container rm …`, `docker volume rm …`. */
  commands: string[];
}

/**
 * What changed since the preview, for an item the run skipped. `gone`: another client
 * removed it. `now-running`: the container started. `now-in-use`: a container uses the
 * network or volume now.
 */
export type ResourceChange = 'gone' | 'now-running' | 'now-in-use';

export interface ResourceResult {
  kind: ResourceKind;
  id: string;
  name: string;
  status: 'done' | 'skipped-changed' | 'failed' | 'cancelled';
  change?: ResourceChange;
  error?: ReclaimError;
  /** The item's planned bytes once removed; 0 otherwise. */
  bytesReclaimed: number;
}

export interface ResourceRunResult {
  planId: string;
  results: ResourceResult[];
  bytesReclaimed: number;
  cancelled: boolean;
}

/** A network as the engine lists it (`GET /networks`). */
export interface NetworkInfo {
  id: string;
  name: string;
  driver: string;
  /** `local`, `swarm` or `global`. */
  scope: string;
  labels: Record<string, string>;
}
