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

const inventory: Inventory = {
  ...FAKE_INVENTORY,
  containers: [
    container('aaaa1111', 'stopped-one', false, 40),
    container('aaaa2222', 'stopped-two', false, 2),
    container('bbbb0000', 'web', true),
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
  it('removes stopped containers by full ID or unique prefix and adds up their writable layers', async () => {
    const { connection, removed } = engine();
    const result = await removeContainers(connection, inventory, ['aaaa1111', 'aaaa2']);
    expect(result).toEqual({ removed: ['aaaa1111', 'aaaa2222'], failed: [], bytesReclaimed: 42 });
    expect(removed).toEqual(['aaaa1111', 'aaaa2222']);
  });

  it('refuses running, ambiguous and unknown containers without calling the engine, and goes on', async () => {
    const { connection, removed } = engine();
    const result = await removeContainers(connection, inventory, [
      'bbbb0000',
      'aaaa',
      'ffff',
      'aaaa1111',
    ]);
    expect(result.failed.map((failure) => [failure.id, failure.error.code])).toEqual([
      ['bbbb0000', 'CONFLICT'],
      ['aaaa', 'AMBIGUOUS_REFERENCE'],
      ['ffff', 'NOT_FOUND'],
    ]);
    expect(removed).toEqual(['aaaa1111']);
  });

  it('reports the engine’s refusal with its own words', async () => {
    const { connection } = engine({
      aaaa1111: { statusCode: 409, json: { message: 'You cannot remove a running container' } },
    });
    const result = await removeContainers(connection, inventory, ['aaaa1111']);
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
