import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import { describeEngine } from '../../../../test/engine/gate';
import type { Endpoint } from '../../../shared/model';
import { openConnection } from './open';
import { failure } from './reclaim-failure.fixture';
import { createTestPki, type TestPki } from './tls-certs.fixture';

/** A loopback port nobody uses right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/**
 * A private dockerd that also listens on 127.0.0.1 with `--tlsverify` (client certificates
 * required), as a remote engine set up with DOCKER_TLS_VERIFY would be.
 */
describeEngine('openConnection to a TLS engine', () => {
  let engine: PrivateDocker;
  let pkiRoot: string;
  let pki: TestPki;
  let otherPki: TestPki;
  let host: string;

  beforeAll(async () => {
    pkiRoot = await mkdtemp('/tmp/rcl-tls-');
    await mkdir(path.join(pkiRoot, 'good'));
    await mkdir(path.join(pkiRoot, 'other'));
    pki = await createTestPki(path.join(pkiRoot, 'good'));
    otherPki = await createTestPki(path.join(pkiRoot, 'other'), 'stranger');
    const port = await freePort();
    host = `tcp://127.0.0.1:${port}`;
    engine = await startPrivateDocker({
      extraArgs: [
        '--tlsverify',
        `--tlscacert=${pki.caCert}`,
        `--tlscert=${pki.serverCert}`,
        `--tlskey=${pki.serverKey}`,
        `--host=${host}`,
      ],
    });
  });
  afterAll(async () => {
    await engine?.stop();
    if (pkiRoot) await rm(pkiRoot, { recursive: true, force: true });
  });

  const tlsEndpoint = (tls: NonNullable<Endpoint['tls']>): Endpoint => ({ host, tls });

  it('connects with the right CA and client pair', async () => {
    const connection = await openConnection(
      tlsEndpoint({
        caPath: pki.caCert,
        certPath: pki.clientCert,
        keyPath: pki.clientKey,
        verify: true,
      }),
    );
    // The engine's own API version, as the CLI reads it on the rig's unix socket.
    const engineApi = await engine.dockerOk(['version', '--format', '{{.Server.APIVersion}}']);
    expect(connection.engine).toMatchObject({
      kind: 'docker',
      apiVersion: engineApi.trim(),
      endpoint: { host },
    });
    const info = await connection.request<{ DockerRootDir: string }>({
      method: 'GET',
      path: '/info',
    });
    expect(info.DockerRootDir).toBe(`${engine.dir}/data`);
  });

  it('says TLS_FAILED, naming the file, for a wrong certificate path', async () => {
    const wrong = path.join(pkiRoot, 'missing', 'ca.pem');
    const error = await failure(
      openConnection(
        tlsEndpoint({
          caPath: wrong,
          certPath: pki.clientCert,
          keyPath: pki.clientKey,
          verify: true,
        }),
      ),
    );
    expect(error).toMatchObject({
      code: 'TLS_FAILED',
      cause: 'tls-file-missing',
      subject: wrong,
      endpoint: host,
    });
  });

  it("says TLS_FAILED when the engine's certificate is not signed by the given CA", async () => {
    const error = await failure(
      openConnection(
        tlsEndpoint({
          caPath: otherPki.caCert,
          certPath: pki.clientCert,
          keyPath: pki.clientKey,
          verify: true,
        }),
      ),
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.endpoint).toBe(host);
  });

  it('says TLS_FAILED when the engine refuses our client certificate', async () => {
    const error = await failure(
      openConnection(
        tlsEndpoint({
          caPath: pki.caCert,
          certPath: otherPki.clientCert,
          keyPath: otherPki.clientKey,
          verify: true,
        }),
      ),
    );
    expect(error.code).toBe('TLS_FAILED');
  });

  it('says TLS_FAILED, suggesting DOCKER_TLS_VERIFY, when TLS is off for a TLS engine', async () => {
    const error = await failure(openConnection({ host }));
    expect(error).toMatchObject({ code: 'TLS_FAILED', cause: 'plain-http-to-tls' });
  });
});
