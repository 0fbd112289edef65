import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePodman } from '../../../../test/engine/gate';
import { startPrivatePodman, type PrivatePodman } from '../../../../test/engine/podman';
import { openConnection } from './open';

describePodman('openConnection against a private Podman', () => {
  let podman: PrivatePodman;

  beforeAll(async () => {
    podman = await startPrivatePodman();
  });
  afterAll(async () => podman?.stop());

  it('sees Podman, with its own version, behind the Docker-compatible API', async () => {
    const connection = await openConnection({ host: podman.host });
    const cliVersion = (
      await podman.podmanOk(['version', '--format', '{{.Client.Version}}'])
    ).trim();
    expect(connection.engine).toMatchObject({
      endpoint: { host: podman.host },
      kind: 'podman',
      version: cliVersion,
      imageStore: 'classic',
    });
    // Podman 4 speaks Docker API 1.41: negotiated to exactly that, never hard-coded.
    expect(connection.engine.apiVersion).toBe(connection.engine.maxApiVersion);
    const images = await connection.docker.listImages();
    expect(Array.isArray(images)).toBe(true);
  });
});
