import type { ResourceRemovalResult } from '../../shared/contract';
import { reclaimError, ReclaimFailure, type ReclaimError } from '../../shared/errors';
import type { Inventory } from '../../shared/model';
import type { Connection } from '../engine/connect/connection';
import { engineCallError } from './engine-call-error';
import { shortId } from '../../shared/format/short-id';

/**
 * Containers, volumes and build cache: removed one item at a time, each checked against a
 * fresh inventory first, each failure reported with its item and the rest carried on.
 */

type ItemCheck = { ok: true; id: string; bytes: number } | { ok: false; error: ReclaimError };

/** An item Reclaim will not send to the engine, with the reason and what to do instead. */
function refused(...error: Parameters<typeof reclaimError>): ItemCheck {
  return { ok: false, error: reclaimError(...error) };
}

async function removeEach(
  inputs: string[],
  check: (input: string) => ItemCheck,
  remove: (id: string) => Promise<unknown>,
  subject: (id: string) => string,
): Promise<ResourceRemovalResult> {
  const result: ResourceRemovalResult = { removed: [], failed: [], bytesReclaimed: 0 };
  for (const input of new Set(inputs)) {
    const checked = check(input);
    if (!checked.ok) {
      result.failed.push({ id: input, error: checked.error });
      continue;
    }
    try {
      await remove(checked.id);
      result.removed.push(checked.id);
      result.bytesReclaimed += checked.bytes;
    } catch (error) {
      result.failed.push({ id: input, error: engineCallError(error, subject(input)) });
    }
  }
  return result;
}

/** Stopped containers only: Reclaim never stops or force-removes a running container. */
export function removeContainers(
  connection: Connection,
  inventory: Inventory,
  ids: string[],
): Promise<ResourceRemovalResult> {
  const check = (input: string): ItemCheck => {
    // Exact IDs only: a prefix resolved against a snapshot could name a container created
    // since, which the user never saw.
    const container = inventory.containers.find((candidate) => candidate.id === input);
    if (!container) {
      return refused(
        'NOT_FOUND',
        `Container ${shortId(input)} no longer exists.`,
        'Refresh the list.',
      );
    }
    if (container.running) {
      return refused(
        'CONFLICT',
        `Container ${container.name} is running, so Reclaim did not remove it.`,
        `Stop it first (docker stop ${container.name}) if you no longer need it.`,
      );
    }
    return { ok: true, id: container.id, bytes: container.sizeRw };
  };
  // No `force` and no `v`: a container that started meanwhile is refused by the engine
  // itself, and its anonymous volumes are left for the user to decide on.
  return removeEach(
    ids,
    check,
    (id) => connection.docker.getContainer(id).remove(),
    (id) => `container ${id.slice(0, 12)}`,
  );
}

/** Named volumes no container uses; the engine refuses one that came into use meanwhile. */
export function removeVolumes(
  connection: Connection,
  inventory: Inventory,
  names: string[],
): Promise<ResourceRemovalResult> {
  const check = (name: string): ItemCheck => {
    const volume = inventory.volumes.find((candidate) => candidate.name === name);
    if (!volume) {
      return refused('NOT_FOUND', `Volume ${name} no longer exists.`, 'Refresh the list.');
    }
    if (volume.refCount > 0) {
      return refused(
        'CONFLICT',
        `Volume ${name} is used by ${volume.refCount} container(s), so Reclaim did not remove it.`,
        'Remove the containers that use it first, if you no longer need its data.',
      );
    }
    return { ok: true, id: name, bytes: Math.max(volume.size, 0) };
  };
  return removeEach(
    names,
    check,
    (name) => connection.docker.getVolume(name).remove(),
    (name) => `volume ${name}`,
  );
}

interface BuildPruneAnswer {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** `docker builder prune`: the engine removes only cache records not in use. */
export async function pruneBuildCache(connection: Connection): Promise<ResourceRemovalResult> {
  try {
    const answer = await connection.request<BuildPruneAnswer>({
      method: 'POST',
      path: '/build/prune',
    });
    return {
      removed: answer.CachesDeleted ?? [],
      failed: [],
      bytesReclaimed: answer.SpaceReclaimed ?? 0,
    };
  } catch (error) {
    throw new ReclaimFailure(engineCallError(error, 'the build cache'));
  }
}
