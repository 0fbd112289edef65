import { describe, expect, it } from 'vitest';
import type { ContainerInfo, Inventory, VolumeInfo } from '../../model';
import type { NetworkInfo, ResourceRequest } from '../../resource-plan';
import { inventory, sha, testStamp } from '../../testing/inventory-builders';
import { isAnonymousVolume, planResources } from './plan-resources';

const hex = (c: string) => c.repeat(64);

const container = (
  id: string,
  name: string,
  running: boolean,
  more: Partial<ContainerInfo> = {},
): ContainerInfo => ({
  id: hex(id),
  name,
  imageId: sha('aa'),
  image: 'app:1',
  state: running ? 'running' : 'exited',
  running,
  sizeRw: 100,
  created: 0,
  volumeNames: [],
  networkNames: [],
  ...more,
});

const volume = (name: string, size: number, labels: Record<string, string> = {}): VolumeInfo => ({
  name,
  driver: 'local',
  size,
  refCount: 0,
  labels,
});

const network = (id: string, name: string, scope = 'local'): NetworkInfo => ({
  id: hex(id),
  name,
  driver: 'bridge',
  scope,
  labels: {},
});

/** web runs on `front` with `web-data`; job stopped on `jobs` with `job-data`; old stopped. */
function fixture(): Inventory {
  const inv = inventory([]);
  return {
    ...inv,
    containers: [
      container('1', 'web', true, { volumeNames: ['web-data'], networkNames: ['front'] }),
      container('2', 'job', false, { volumeNames: ['job-data'], networkNames: ['jobs'] }),
      container('3', 'old', false, { sizeRw: 300 }),
    ],
    volumes: [
      volume('web-data', 1000),
      volume('job-data', 2000),
      volume('spare', 4000),
      volume(hex('c'), 8000),
      volume('remote', -1),
    ],
  };
}
const NETWORKS = [
  network('a', 'front'),
  network('b', 'jobs'),
  network('d', 'idle'),
  network('e', 'bridge'),
  network('f', 'ingress', 'swarm'),
];
const request = (over: Partial<ResourceRequest>): ResourceRequest => ({
  containers: [],
  networks: false,
  volumes: [],
  unticked: [],
  ...over,
});

describe('planResources', () => {
  it('takes every stopped container and the networks nothing that stays uses; volumes only by name', () => {
    const plan = planResources(
      fixture(),
      NETWORKS,
      request({ containers: 'stopped', networks: true }),
      testStamp(),
    );
    expect(plan.remove.map((item) => `${item.kind}:${item.name}`)).toEqual([
      'container:job',
      'container:old',
      'network:jobs',
      'network:idle',
    ]);
    expect(plan.bytesFreed).toBe(400);
    const kept = Object.fromEntries(plan.keep.map((item) => [item.name, item.reason]));
    expect(kept).toMatchObject({
      web: 'running',
      front: 'in-use',
      bridge: 'predefined',
      ingress: 'not-local',
      spare: 'not-ticked',
      'job-data': 'not-ticked',
    });
    // Used by a container that stays, and not asked for: no part of the plan.
    expect(kept['web-data']).toBeUndefined();
    expect(plan.commands).toEqual(['docker container rm job old', 'docker network rm jobs idle']);
  });

  it('keeps what an unticked container uses, and an unticked network', () => {
    const plan = planResources(
      fixture(),
      NETWORKS,
      request({
        containers: 'stopped',
        networks: true,
        volumes: ['job-data'],
        unticked: [hex('2'), hex('d')],
      }),
      testStamp(),
    );
    expect(plan.remove.map((item) => item.name)).toEqual(['old']);
    expect(plan.keep).toContainEqual(expect.objectContaining({ name: 'job', reason: 'unticked' }));
    expect(plan.keep).toContainEqual(
      expect.objectContaining({ name: 'jobs', reason: 'in-use', by: 'job' }),
    );
    expect(plan.keep).toContainEqual(
      expect.objectContaining({ name: 'job-data', reason: 'in-use', by: 'job' }),
    );
    expect(plan.keep).toContainEqual(expect.objectContaining({ name: 'idle', reason: 'unticked' }));
  });

  it('removes a ticked volume once its only container goes with it, and tells anonymous from named', () => {
    const plan = planResources(
      fixture(),
      [],
      request({ containers: 'stopped', volumes: ['job-data', hex('c'), 'remote'] }),
      testStamp(),
    );
    const volumes = plan.remove.filter((item) => item.kind === 'volume');
    expect(volumes.map((item) => [item.name, item.anonymous, item.bytes])).toEqual([
      [hex('c'), true, 8000],
      ['job-data', false, 2000],
      ['remote', false, null],
    ]);
    expect(plan.bytesFreed).toBe(400 + 2000 + 8000);
    expect(plan.commands.at(-1)).toBe(`docker volume rm ${hex('c')} job-data remote`);
  });

  it('never plans a running container named explicitly, and refuses unknown IDs and names', () => {
    const plan = planResources(fixture(), [], request({ containers: [hex('1')] }), testStamp());
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toContainEqual(expect.objectContaining({ name: 'web', reason: 'running' }));
    expect(() =>
      planResources(fixture(), [], request({ containers: [hex('9')] }), testStamp()),
    ).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ cause: 'container-not-found' }) }),
    );
    expect(() => planResources(fixture(), [], request({ volumes: ['nope'] }), testStamp())).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ cause: 'volume-not-found' }) }),
    );
  });

  it('keeps a volume with users when the engine listed no mounts but counts references', () => {
    const inv = fixture();
    const noMounts = {
      ...inv,
      containers: inv.containers.map(({ volumeNames: _omit, ...rest }) => rest),
      volumes: [{ ...volume('shared', 10), refCount: 1 }],
    };
    const plan = planResources(noMounts, [], request({ volumes: ['shared'] }), testStamp());
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toContainEqual(expect.objectContaining({ name: 'shared', reason: 'in-use' }));
  });

  it('removes no network while a container that stays has networks the engine did not list', () => {
    const inv = fixture();
    const unlisted = {
      ...inv,
      containers: inv.containers.map(({ networkNames: _omit, ...rest }) => rest),
    };
    const plan = planResources(unlisted, NETWORKS, request({ networks: true }), testStamp());
    expect(plan.remove).toEqual([]);
    expect(plan.keep.filter((item) => item.name === 'idle')).toMatchObject([{ reason: 'in-use' }]);
  });

  it('names anonymous volumes by the label Docker 23+ sets or by a 64-hex name', () => {
    expect(isAnonymousVolume(volume('x', 0, { 'com.docker.volume.anonymous': '' }))).toBe(true);
    expect(isAnonymousVolume(volume(hex('e'), 0))).toBe(true);
    expect(isAnonymousVolume(volume('db', 0))).toBe(false);
  });
});
