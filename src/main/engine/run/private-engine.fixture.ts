import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import { loadFixtures, type Fixtures } from '../../../../test/engine/fixtures';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { getJson } from '../../../../test/engine/http';
import { imageBytesOnDisk } from '../../../../test/engine/measure';
import type { Inventory } from '../../../shared/model';
import type { PlannedTarget, PrunedImage, TargetResult } from '../../../shared/plan';
import { rmiLine } from '../../../shared/format/cli-output';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readInventory } from '../inventory/snapshot';
import { predictedRecords } from '../../../shared/core/plan/predicted-records';

/**
 * A private engine with the rig's fixtures, connected the way the app connects, for the
 * deletion engine's engine tests. Never any other endpoint: the rig's guard checks it.
 */
export interface EngineSession {
  engine: PrivateDocker;
  fx: Fixtures;
  conn: Connection;
  read: () => Promise<Inventory>;
  /** IDs of every image the engine has (`docker images -a`). */
  imageIds: () => Promise<Set<string>>;
  /** The engine's own total of image layer bytes (`/system/df` LayersSize). */
  imageBytesOnDisk: () => Promise<number>;
}

export async function startSession(): Promise<EngineSession> {
  const engine = await startPrivateDocker();
  try {
    const fx = await loadFixtures(engine);
    assertPrivateEndpoint(engine.host);
    const conn = await openConnection({ host: engine.host });
    return {
      engine,
      fx,
      conn,
      read: () => readInventory(conn),
      imageIds: async () =>
        new Set(
          (await getJson<{ Id: string }[]>(engine.socketPath, '/images/json?all=1')).map(
            (i) => i.Id,
          ),
        ),
      imageBytesOnDisk: () => imageBytesOnDisk(engine),
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

/** Lines as a sorted list, to compare a prediction with what the engine printed. */
export function sortedLines(lines: readonly string[]): string[] {
  return [...lines].sort();
}

/** The predicted lines; a removal target's containers first, as `docker rm` prints them. */
export function predictedOf(target: PlannedTarget | PrunedImage): string[] {
  const containers =
    'containersRemovedFirst' in target ? target.containersRemovedFirst.map((c) => c.name) : [];
  return sortedLines([
    ...containers,
    ...predictedRecords(target.untagged, target.deleted).map(rmiLine),
  ]);
}

/** What a run printed for a target, as `docker rm` and `docker rmi` print it, sorted. */
export function printedOf(result: TargetResult | undefined): string[] {
  if (!result) return [];
  return sortedLines([
    ...(result.containersRemoved ?? []).map((c) => c.name),
    ...result.records.map(rmiLine),
  ]);
}

/** The engine's 409 text from a failed `docker rmi` (stderr: `Error response from daemon: …`). */
export function cliError(stderr: string): string {
  return stderr.replace(/^Error response from daemon: /m, '').trim();
}
