import type { ResourceRemovalResult } from '../../../shared/contract';
import { reclaimError, type ReclaimError } from '../../../shared/errors';
import { shortId } from '../../../shared/format/short-id';
import type { Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { removalError, type RemovableKind } from '../errors';

/**
 * Containers and volumes: removed one item at a time, each checked against a
 * fresh inventory first, each failure reported with its item and the rest carried on.
 */

type ItemCheck =
  { ok: true; id: string; bytes: number; subject: string } | { ok: false; error: ReclaimError };

async function removeEach(
  connection: Connection,
  kind: RemovableKind,
  inputs: string[],
  check: (input: string) => ItemCheck,
  remove: (id: string) => Promise<unknown>,
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
      const host = connection.engine.endpoint.host;
      result.failed.push({ id: input, error: removalError(error, kind, checked.subject, host) });
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
      return {
        ok: false,
        error: reclaimError('NOT_FOUND', { cause: 'container-not-found', subject: shortId(input) }),
      };
    }
    if (container.running) {
      return {
        ok: false,
        error: reclaimError('CONFLICT', { cause: 'container-running', subject: container.name }),
      };
    }
    return { ok: true, id: container.id, bytes: container.sizeRw, subject: container.name };
  };
  // No `force` and no `v`: a container that started meanwhile is refused by the engine
  // itself, and its anonymous volumes are left for the user to decide on.
  return removeEach(connection, 'container', ids, check, (id) =>
    connection.docker.getContainer(id).remove(),
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
      return {
        ok: false,
        error: reclaimError('NOT_FOUND', { cause: 'volume-not-found', subject: name }),
      };
    }
    if (volume.refCount > 0) {
      return {
        ok: false,
        error: reclaimError('CONFLICT', {
          cause: 'volume-in-use',
          subject: name,
          values: { count: volume.refCount },
        }),
      };
    }
    return { ok: true, id: name, bytes: Math.max(volume.size, 0), subject: name };
  };
  return removeEach(connection, 'volume', names, check, (name) =>
    connection.docker.getVolume(name).remove(),
  );
}
