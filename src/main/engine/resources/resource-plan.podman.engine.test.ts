/**
 * Containers, networks and volumes planned and run through the service on a private
 * Podman: its compat API lists mounts as Docker's does, and the run removes exactly the
 * plan's items by ID.
 */
import { startPrivateService, type PrivateService } from '../../service/private-service.fixture';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePodman } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { buildImage } from '../../../../test/engine/image-archive';
import { runnableImageSpec } from '../../../../test/engine/fixture-builders';
import {
  loadImagesIntoPodman,
  startPrivatePodman,
  type PrivatePodman,
} from '../../../../test/engine/podman';
import type { ReclaimService } from '../../service/reclaim-service';

const P = 'pm-rp';

describePodman('containers and volumes planned like images, on Podman', () => {
  let podman: PrivatePodman;
  let running: PrivateService;
  let service: ReclaimService;
  const exists = async (kind: 'container' | 'volume', name: string): Promise<boolean> =>
    (await podman.podman([kind, 'exists', name])).code === 0;

  beforeAll(async () => {
    podman = await startPrivatePodman();
    assertPrivateEndpoint(podman.host);
    const image = await buildImage(runnableImageSpec([`${P}/app:1`]), 'classic');
    await loadImagesIntoPodman(podman, [image]);
    await podman.podmanOk(['volume', 'create', `${P}-spare`]);
    await podman.podmanOk(['volume', 'create', `${P}-kept`]);
    await podman.podmanOk([
      'create',
      '--network',
      'none',
      '--name',
      `${P}-stopped`,
      '-v',
      `${P}-data:/data`,
      `${P}/app:1`,
      '/bin/busybox',
      'true',
    ]);
    await podman.podmanOk([
      'create',
      '--network',
      'none',
      '--name',
      `${P}-other`,
      '-v',
      `${P}-kept:/data`,
      `${P}/app:1`,
      '/bin/busybox',
      'true',
    ]);
    running = await startPrivateService(podman.host);
    service = running.service;
  });
  afterAll(async () => {
    await running?.close();
    await podman?.stop();
  });

  it('plans a stopped container and the volumes it frees, keeps what another container uses, runs exactly that', async () => {
    const other = (await podman.podmanOk(['inspect', '-f', '{{.Id}}', `${P}-other`])).trim();
    const plan = await service.planResourceRemoval({
      containers: 'stopped',
      networks: true,
      volumes: [`${P}-data`, `${P}-spare`, `${P}-kept`],
      unticked: [other],
    });
    expect(plan.remove.map((item) => `${item.kind}:${item.name}`)).toEqual([
      `container:${P}-stopped`,
      `volume:${P}-data`,
      `volume:${P}-spare`,
    ]);
    const why = Object.fromEntries(plan.keep.map((item) => [item.name, item.reason]));
    expect(why).toMatchObject({
      [`${P}-other`]: 'unticked',
      [`${P}-kept`]: 'in-use',
    });
    // Podman's own default network, where its compat API lists one, is never planned.
    expect(plan.remove.some((item) => item.kind === 'network' && item.name === 'podman')).toBe(
      false,
    );
    expect(plan.commands).toEqual([
      `podman container rm ${P}-stopped`,
      `podman volume rm ${P}-data ${P}-spare`,
    ]);
    const ran = await service.runResourcePlan(plan.id);
    expect(ran.results.map((result) => result.status)).toEqual(['done', 'done', 'done']);
    expect(await exists('container', `${P}-stopped`)).toBe(false);
    expect(await exists('volume', `${P}-data`)).toBe(false);
    expect(await exists('volume', `${P}-spare`)).toBe(false);
    expect(await exists('container', `${P}-other`)).toBe(true);
    expect(await exists('volume', `${P}-kept`)).toBe(true);
  });
});
