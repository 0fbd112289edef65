/**
 * Containers, networks and volumes planned and run through the service on a private engine:
 * "everything unused" takes the stopped containers and then what they leave unused, and of
 * the volumes only those ticked; what stays is what the plan said, and the engine agrees.
 * An item changed between preview and run is skipped and reported, never forced.
 */
import { startPrivateService, type PrivateService } from '../../service/private-service.fixture';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NO_EXCLUSIONS } from '../../../shared/cleanup';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import {
  addContainer,
  addNamedImages,
  imageId,
  runnableImageSpec,
} from '../../../../test/engine/fixture-builders';
import { describeEngine } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import type { ReclaimService } from '../../service/reclaim-service';

const P = 'reclaim-rp';

describeEngine('containers, networks and volumes planned like images', () => {
  let engine: PrivateDocker;
  let running: PrivateService;
  let service: ReclaimService;
  const id = async (kind: 'container' | 'network', name: string): Promise<string> =>
    (await engine.dockerOk([kind, 'inspect', '-f', '{{.Id}}', name])).trim();
  const exists = async (kind: 'container' | 'network' | 'volume' | 'image', name: string) =>
    (await engine.docker([kind, 'inspect', name])).code === 0;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    await addNamedImages(engine, {
      base: runnableImageSpec([`${P}/base:1`]),
      only: runnableImageSpec([`${P}/only:1`]),
    });
    for (const name of ['jobs', 'idle'])
      await engine.dockerOk(['network', 'create', `${P}-${name}`]);
    for (const name of ['data', 'spare', 'web-data']) {
      await engine.dockerOk(['volume', 'create', `${P}-${name}`]);
    }
    // `old` is stopped and the only user of its image and of `data`; `job` is stopped on the
    // `jobs` network (unticked below); `web` runs with `web-data`.
    await engine.dockerOk([
      'create',
      '--network',
      'none',
      '--name',
      `${P}-old`,
      '-v',
      `${P}-data:/data`,
      `${P}/only:1`,
      '/bin/busybox',
      'true',
    ]);
    await engine.dockerOk([
      'create',
      '--network',
      `${P}-jobs`,
      '--name',
      `${P}-job`,
      `${P}/base:1`,
      '/bin/busybox',
      'true',
    ]);
    await engine.dockerOk([
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      `${P}-web`,
      '-v',
      `${P}-web-data:/data`,
      `${P}/base:1`,
      '/bin/busybox',
      'sleep',
      '3600',
    ]);

    running = await startPrivateService(engine.host);
    service = running.service;
  });
  afterAll(async () => {
    await running?.close();
    await engine?.stop();
  });

  it('everything unused: the review, the run and the engine agree, and only ticked volumes go', async () => {
    const job = await id('container', `${P}-job`);
    const onlyImage = await imageId(engine, `${P}/only:1`);
    const plan = await service.planCleanup(
      { strategy: 'everything-unused', volumes: [`${P}-data`, `${P}-spare`, `${P}-web-data`] },
      { ...NO_EXCLUSIONS, resources: [job] },
    );
    const resources = plan.resources;
    if (!resources || plan.images?.kind !== 'prune' || !plan.buildCache) {
      throw new Error('everything unused has three parts');
    }
    const goes = resources.remove.map((item) => `${item.kind}:${item.name}`);
    expect(goes).toEqual([
      `container:${P}-old`,
      `network:${P}-idle`,
      `volume:${P}-data`,
      `volume:${P}-spare`,
    ]);
    const why = Object.fromEntries(resources.keep.map((item) => [item.name, item.reason]));
    expect(why).toMatchObject({
      [`${P}-web`]: 'running',
      [`${P}-job`]: 'unticked',
      [`${P}-jobs`]: 'in-use',
      [`${P}-web-data`]: 'in-use',
      // The rig runs with --bridge=none: the engine's own are host and none.
      none: 'predefined',
    });
    // The image only `old` used goes with it, as `docker system prune -a` takes it.
    expect(plan.images.remove.map((image) => image.imageId)).toContain(onlyImage);
    expect(plan.images.remove.map((image) => image.imageId)).not.toContain(
      await imageId(engine, `${P}/base:1`),
    );

    const ran = await service.runResourcePlan(resources.id);
    expect(ran.results.map((result) => [result.name, result.status])).toEqual(
      resources.remove.map((item) => [item.name, 'done']),
    );
    const images = await service.runPlan(plan.images.id);
    expect(images.results.filter((result) => result.status !== 'done')).toEqual([]);

    expect(await exists('container', `${P}-old`)).toBe(false);
    expect(await exists('network', `${P}-idle`)).toBe(false);
    expect(await exists('volume', `${P}-data`)).toBe(false);
    expect(await exists('volume', `${P}-spare`)).toBe(false);
    expect(await exists('image', onlyImage)).toBe(false);
    for (const [kind, name] of [
      ['container', `${P}-job`],
      ['container', `${P}-web`],
      ['network', `${P}-jobs`],
      ['volume', `${P}-web-data`],
      ['image', `${P}/base:1`],
    ] as const) {
      expect(await exists(kind, name), `${kind} ${name}`).toBe(true);
    }
  });

  it('skips what changed between preview and run: a volume now used, a container started, one gone', async () => {
    await engine.dockerOk(['volume', 'create', `${P}-late`]);
    // Created, not started: started below, it keeps running.
    await engine.dockerOk([
      'create',
      '--network',
      'none',
      '--name',
      `${P}-quiet`,
      `${P}/base:1`,
      '/bin/busybox',
      'sleep',
      '3600',
    ]);
    const quiet = { id: await id('container', `${P}-quiet`) };
    const gone = await addContainer(engine, `${P}/base:1`, { name: `${P}-gone`, running: false });
    const plan = await service.planResourceRemoval({
      containers: [quiet.id, gone.id],
      networks: false,
      volumes: [`${P}-late`],
      unticked: [],
    });
    expect(plan.remove.map((item) => item.name).sort()).toEqual(
      [`${P}-gone`, `${P}-late`, `${P}-quiet`].sort(),
    );
    // Another client, meanwhile: starts one container, removes the other, uses the volume.
    await engine.dockerOk(['start', `${P}-quiet`]);
    await engine.dockerOk(['rm', `${P}-gone`]);
    await engine.dockerOk([
      'create',
      '--network',
      'none',
      '--name',
      `${P}-user`,
      '-v',
      `${P}-late:/data`,
      `${P}/base:1`,
      '/bin/busybox',
      'true',
    ]);
    const ran = await service.runResourcePlan(plan.id);
    const outcome = Object.fromEntries(
      ran.results.map((result) => [result.name, [result.status, result.change]]),
    );
    expect(outcome).toEqual({
      [`${P}-quiet`]: ['skipped-changed', 'now-running'],
      [`${P}-gone`]: ['skipped-changed', 'gone'],
      [`${P}-late`]: ['skipped-changed', 'now-in-use'],
    });
    expect(ran.bytesReclaimed).toBe(0);
    expect(await exists('container', `${P}-quiet`)).toBe(true);
    expect(await exists('volume', `${P}-late`)).toBe(true);
  });

  it('custom: stopped containers alone; their network and the running ones stay', async () => {
    const plan = await service.planCleanup(
      {
        strategy: 'custom',
        images: 'none',
        imagesOlderThanHours: null,
        containers: true,
        networks: false,
        volumes: [],
        buildCache: 'none',
        cacheOlderThanHours: null,
        cacheKeepBytes: null,
      },
      NO_EXCLUSIONS,
    );
    expect(plan.images).toBeNull();
    expect(plan.buildCache).toBeNull();
    const resources = plan.resources;
    if (!resources) throw new Error('custom with containers plans them');
    const stopped = (
      await engine.dockerOk([
        'ps',
        '-a',
        '-q',
        '--no-trunc',
        '-f',
        'status=exited',
        '-f',
        'status=created',
      ])
    )
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(resources.remove.map((item) => item.id).sort()).toEqual(stopped);
    const ran = await service.runResourcePlan(resources.id);
    expect(ran.results.every((result) => result.status === 'done')).toBe(true);
    expect(
      (
        await engine.dockerOk(['ps', '-a', '-q', '-f', 'status=exited', '-f', 'status=created'])
      ).trim(),
    ).toBe('');
    expect(await exists('container', `${P}-web`)).toBe(true);
    expect(await exists('container', `${P}-quiet`)).toBe(true);
    expect(await exists('network', `${P}-jobs`)).toBe(true);
  });
});
