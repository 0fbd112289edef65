import type { RunProgress } from '../../../shared/plan';
import type {
  PlannedResource,
  ResourceChange,
  ResourcePlan,
  ResourceResult,
  ResourceRunResult,
} from '../../../shared/resource-plan';
import type { Connection } from '../connect/connection';
import { removalError, statusOf } from '../errors';
import { containerFromRaw } from '../inventory/records';
import type { RawContainer } from '../inventory/raw-types';

export interface ResourceRunDeps {
  onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run between items. */
  signal?: AbortSignal;
}

/**
 * Runs a containers, networks and volumes plan item by item in the plan's order
 * (containers first, so the networks and volumes they leave are free by then). Each item is
 * re-checked on a fresh read just before: gone, started, or used by a container the plan
 * does not remove means it is skipped and reported. Removal is by exact ID, never forced:
 * the engine itself refuses a container that started, or a volume any container came to
 * use, in the instant between, and that refusal is reported as the item's failure. Docker
 * refuses a network only while a running container is on it: a container created on it in
 * that instant is the one race the re-check cannot close. A container's anonymous volumes
 * stay (no `v`): they are for the user to tick.
 */
export async function runResourcePlan(
  connection: Connection,
  plan: ResourcePlan,
  deps: ResourceRunDeps = {},
): Promise<ResourceRunResult> {
  const results: ResourceResult[] = [];
  const removed = new Set<string>();
  let bytesReclaimed = 0;
  let cancelled = false;
  const progress = (current: string | null): void =>
    deps.onProgress?.({
      planId: plan.id,
      done: results.length,
      total: plan.remove.length,
      bytesReclaimed,
      current,
    });
  for (const item of plan.remove) {
    if (deps.signal?.aborted) cancelled = true;
    if (cancelled) {
      results.push(resultOf(item, 'cancelled'));
      continue;
    }
    progress(item.name);
    const result = await runItem(connection, item, removed);
    if (result.status === 'done') {
      removed.add(item.id);
      bytesReclaimed += result.bytesReclaimed;
    }
    results.push(result);
  }
  progress(null);
  return { planId: plan.id, results, bytesReclaimed, cancelled };
}

async function runItem(
  connection: Connection,
  item: PlannedResource,
  removedByRun: ReadonlySet<string>,
): Promise<ResourceResult> {
  try {
    const change = await changeSincePreview(connection, item, removedByRun);
    if (change) return { ...resultOf(item, 'skipped-changed'), change };
    await remove(connection, item);
    return { ...resultOf(item, 'done'), bytesReclaimed: item.bytes ?? 0 };
  } catch (error) {
    const host = connection.engine.endpoint.host;
    return { ...resultOf(item, 'failed'), error: removalError(error, item.kind, item.name, host) };
  }
}

function resultOf(item: PlannedResource, status: ResourceResult['status']): ResourceResult {
  return { kind: item.kind, id: item.id, name: item.name, status, bytesReclaimed: 0 };
}

function remove(connection: Connection, item: PlannedResource): Promise<unknown> {
  const { docker } = connection;
  if (item.kind === 'container') return docker.getContainer(item.id).remove();
  if (item.kind === 'network') return docker.getNetwork(item.id).remove();
  return docker.getVolume(item.id).remove();
}

/** What makes the item no longer what the plan previewed, or null when it still is. */
async function changeSincePreview(
  connection: Connection,
  item: PlannedResource,
  removedByRun: ReadonlySet<string>,
): Promise<ResourceChange | null> {
  const { docker } = connection;
  if (item.kind === 'container') {
    const state = await gone(() => docker.getContainer(item.id).inspect());
    if (state === null) return 'gone';
    const { Running, Paused, Restarting } = state.State;
    return Running || Paused || Restarting ? 'now-running' : null;
  }
  const found = await gone<unknown>(() =>
    item.kind === 'network'
      ? docker.getNetwork(item.id).inspect()
      : docker.getVolume(item.id).inspect(),
  );
  if (found === null) return 'gone';
  const raw = (await docker.listContainers({ all: true })) as RawContainer[];
  const users = raw
    .map(containerFromRaw)
    .filter((container) => !removedByRun.has(container.id))
    .filter((container) =>
      item.kind === 'network'
        ? container.networkNames?.includes(item.name)
        : container.volumeNames?.includes(item.id),
    );
  return users.length > 0 ? 'now-in-use' : null;
}

/** The inspect answer, or null when the engine says the item does not exist (404). */
async function gone<T>(inspect: () => Promise<T>): Promise<T | null> {
  try {
    return await inspect();
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
