import { describe, expect, it } from 'vitest';
import type { ContainerInfo, Inventory, VolumeInfo } from '../../shared/model';
import type { Connection } from '../engine/connect/connection';
import { FAKE_INVENTORY } from './fake-engine.fixture';
import { pruneBuildCache, removeContainers, removeVolumes } from './resources';

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

const inventory: Inventory = {
  ...FAKE_INVENTORY,
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
    expect(result.failed.map((failure) => [failure.id, failure.error.code])).toEqual([
      [RUNNING, 'CONFLICT'],
      ['aaaa2', 'NOT_FOUND'],
      ['ffff'.repeat(16), 'NOT_FOUND'],
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
    expect(result.failed[0]?.error).toMatchObject({
      code: 'CONFLICT',
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
    expect(result.failed.map((failure) => [failure.id, failure.error.code])).toEqual([
      ['in-use', 'CONFLICT'],
      ['gone', 'NOT_FOUND'],
    ]);
    expect(result.bytesReclaimed).toBe(500);
    expect(removed).toEqual(['unused', 'remote']);
  });
});

describe('pruneBuildCache', () => {
  it('reports what the engine deleted and reclaimed', async () => {
    const { connection } = engine();
    expect(await pruneBuildCache(connection)).toEqual({
      removed: ['c1', 'c2'],
      failed: [],
      bytesReclaimed: 1234,
    });
  });
});
