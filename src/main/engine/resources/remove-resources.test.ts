import { describe, expect, it } from 'vitest';
import type { ContainerInfo, Inventory, VolumeInfo } from '../../../shared/model';
import { testEngineInfo, uniformDiskUsage } from '../../../shared/testing/inventory-builders';
import type { Connection } from '../connect/connection';
import { removeContainers, removeVolumes } from './remove-resources';

function container(id: string, name: string, running: boolean, sizeRw = 10): ContainerInfo {
  return {
    id,
    name,
    imageId: 'sha256:x',
    image: 'x',
    state: running ? 'running' : 'exited',
    running,
    sizeRw,
    created: 1,
  };
}

function volume(name: string, refCount: number, size = 100): VolumeInfo {
  return { name, driver: 'local', size, refCount, labels: {} };
}

const STOPPED_ONE = 'aaaa1111'.repeat(8);
const STOPPED_TWO = 'aaaa2222'.repeat(8);
const RUNNING = 'bbbb0000'.repeat(8);

const ENGINE = testEngineInfo({ endpoint: { host: 'unix:///tmp/engine.sock' } });

const inventory: Inventory = {
  engine: ENGINE,
  images: [],
  buildCache: [],
  diskUsage: uniformDiskUsage(0, { total: 0, active: 0, size: 0, reclaimable: 0 }),
  takenAt: 1,
  containers: [
    container(STOPPED_ONE, 'stopped-one', false, 40),
    container(STOPPED_TWO, 'stopped-two', false, 2),
    container(RUNNING, 'web', true),
  ],
  volumes: [volume('unused', 0, 500), volume('in-use', 1), volume('remote', 0, -1)],
};

/** A connection whose engine removes what it is asked to, or answers with a scripted error. */
function engine(failures: Record<string, { statusCode: number; json: { message: string } }> = {}) {
  const removed: string[] = [];
  const remove = (id: string) => async () => {
    if (failures[id]) throw Object.assign(new Error('HTTP error'), failures[id]);
    removed.push(id);
  };
  const connection = {
    engine: ENGINE,
    docker: {
      getContainer: (id: string) => ({ remove: remove(id) }),
      getVolume: (name: string) => ({ remove: remove(name) }),
    },
    request: async () => ({ CachesDeleted: ['c1', 'c2'], SpaceReclaimed: 1234 }),
  } as unknown as Connection;
  return { connection, removed };
}

describe('removeContainers', () => {
  it('removes stopped containers by full ID and adds up their writable layers', async () => {
    const { connection, removed } = engine();
    const result = await removeContainers(connection, inventory, [STOPPED_ONE, STOPPED_TWO]);
    expect(result).toEqual({ removed: [STOPPED_ONE, STOPPED_TWO], failed: [], bytesReclaimed: 42 });
    expect(removed).toEqual([STOPPED_ONE, STOPPED_TWO]);
  });

  it('refuses running and unknown containers and any prefix, without calling the engine, and goes on', async () => {
    const { connection, removed } = engine();
    const result = await removeContainers(connection, inventory, [
      RUNNING,
      'aaaa2',
      'ffff'.repeat(16),
      STOPPED_ONE,
    ]);
    expect(result.failed).toEqual([
      { id: RUNNING, error: { code: 'CONFLICT', cause: 'container-running', subject: 'web' } },
      { id: 'aaaa2', error: { code: 'NOT_FOUND', cause: 'container-not-found', subject: 'aaaa2' } },
      {
        id: 'ffff'.repeat(16),
        error: { code: 'NOT_FOUND', cause: 'container-not-found', subject: 'ffff'.repeat(3) },
      },
    ]);
    expect(removed).toEqual([STOPPED_ONE]);
  });

  it('reports the engine’s refusal with its own words', async () => {
    const { connection } = engine({
      [STOPPED_ONE]: {
        statusCode: 409,
        json: { message: 'You cannot remove a running container' },
      },
    });
    const result = await removeContainers(connection, inventory, [STOPPED_ONE]);
    expect(result.failed[0]?.error).toEqual({
      code: 'CONFLICT',
      cause: 'container-removal-refused',
      subject: 'stopped-one',
      detail: 'You cannot remove a running container',
    });
    expect(result.bytesReclaimed).toBe(0);
  });
});

describe('removeVolumes', () => {
  it('removes only unused volumes named explicitly; unknown sizes count as 0 bytes', async () => {
    const { connection, removed } = engine();
    const result = await removeVolumes(connection, inventory, [
      'unused',
      'in-use',
      'gone',
      'remote',
    ]);
    expect(result.removed).toEqual(['unused', 'remote']);
    expect(result.failed).toEqual([
      {
        id: 'in-use',
        error: {
          code: 'CONFLICT',
          cause: 'volume-in-use',
          subject: 'in-use',
          values: { count: 1 },
        },
      },
      { id: 'gone', error: { code: 'NOT_FOUND', cause: 'volume-not-found', subject: 'gone' } },
    ]);
    expect(result.bytesReclaimed).toBe(500);
    expect(removed).toEqual(['unused', 'remote']);
  });
});
