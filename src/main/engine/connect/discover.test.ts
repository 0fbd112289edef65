import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../../shared/errors';
import { discoverEndpoints, pickEndpoint } from './discover';
import {
  discoveryOptions as options,
  probeOnly,
  setCurrentContext,
  sourcesOf as sources,
  useDiscoverySandbox,
  writeContext,
} from './discovery.fixture';

const sandbox = useDiscoverySandbox();

describe('discoverEndpoints', () => {
  it('lists the well-known Linux sockets in order, marking which exist', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        probe: probeOnly('unix:///var/run/docker.sock', 'unix:///run/user/1000/podman/podman.sock'),
      }),
    );
    expect(found.map((item) => [item.endpoint.host, item.label, item.present])).toEqual([
      [`unix://${sandbox.home}/.docker/run/docker.sock`, 'Docker Desktop', false],
      [`unix://${sandbox.home}/.docker/desktop/docker.sock`, 'Docker Desktop', false],
      ['unix:///var/run/docker.sock', 'Docker Engine', true],
      [`unix://${sandbox.home}/.colima/default/docker.sock`, 'Colima', false],
      [`unix://${sandbox.home}/.colima/docker.sock`, 'Colima', false],
      [`unix://${sandbox.home}/.rd/docker.sock`, 'Rancher Desktop', false],
      ['unix:///run/user/1000/docker.sock', 'Docker (rootless)', false],
      ['unix:///run/user/1000/podman/podman.sock', 'Podman', true],
      ['unix:///run/podman/podman.sock', 'Podman (rootful)', false],
    ]);
    expect(new Set(sources(found))).toEqual(new Set(['well-known-socket']));
  });

  it('uses XDG_RUNTIME_DIR for rootless Docker and Podman', async () => {
    const found = await discoverEndpoints(
      options(sandbox, { env: { DOCKER_CONFIG: sandbox.configDir, XDG_RUNTIME_DIR: '/xdg' } }),
    );
    const hosts = found.map((item) => item.endpoint.host);
    expect(hosts).toContain('unix:///xdg/docker.sock');
    expect(hosts).toContain('unix:///xdg/podman/podman.sock');
    expect(hosts).not.toContain('unix:///run/user/1000/docker.sock');
  });

  it('lists OrbStack and podman machine on macOS, and only named pipes on Windows', async () => {
    const mac = (await discoverEndpoints(options(sandbox, { platform: 'darwin' }))).map(
      (i) => i.label,
    );
    expect(mac).toContain('OrbStack');
    expect(mac).toContain('Podman machine');
    expect(mac).not.toContain('Docker (rootless)');
    const windows = await discoverEndpoints(options(sandbox, { platform: 'win32' }));
    expect(windows.map((item) => item.endpoint.host)).toEqual([
      'npipe:////./pipe/docker_engine',
      'npipe:////./pipe/podman-machine-default',
    ]);
  });

  it('checks real socket files by default: a socket counts, a plain file does not', async () => {
    const socketPath = path.join(sandbox.home, '.colima', 'default', 'docker.sock');
    await mkdir(path.dirname(socketPath), { recursive: true });
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    await mkdir(path.join(sandbox.home, '.rd'));
    await writeFile(path.join(sandbox.home, '.rd', 'docker.sock'), 'not a socket');
    try {
      const found = await discoverEndpoints({ ...options(sandbox), probe: undefined });
      const byLabel = (label: string) => found.filter((item) => item.label === label);
      expect(byLabel('Colima')[0]?.present).toBe(true);
      expect(byLabel('Rancher Desktop')[0]?.present).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names the product behind an explicit source that points at a known socket', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: {
          DOCKER_CONFIG: sandbox.configDir,
          DOCKER_HOST: `unix://${sandbox.home}/.colima/default/docker.sock`,
        },
      }),
    );
    expect(found[0]).toMatchObject({ source: 'DOCKER_HOST', label: 'DOCKER_HOST (Colima)' });
    expect(found.filter((item) => item.endpoint.host === found[0]?.endpoint.host)).toHaveLength(1);
  });

  it('puts DOCKER_HOST first and normalises it (bare host:port is tcp)', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_HOST: 'build-box:2375' },
      }),
    );
    expect(found[0]).toMatchObject({
      source: 'DOCKER_HOST',
      endpoint: { host: 'tcp://build-box:2375' },
      present: true,
    });
    expect(found[0]?.endpoint.tls).toBeUndefined();
  });

  it('reads TLS for DOCKER_HOST from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
    const certs = path.join(sandbox.home, 'certs');
    await mkdir(certs);
    await writeFile(path.join(certs, 'cert.pem'), 'PEM');
    await writeFile(path.join(certs, 'key.pem'), 'PEM');
    const env = {
      DOCKER_CONFIG: sandbox.configDir,
      DOCKER_HOST: 'tcp://engine.example',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs,
    };
    const [first] = await discoverEndpoints(options(sandbox, { env }));
    expect(first?.endpoint).toEqual({
      // TLS moves the default port to 2376, as the CLI does.
      host: 'tcp://engine.example:2376',
      tls: {
        verify: true,
        caPath: path.join(certs, 'ca.pem'),
        certPath: path.join(certs, 'cert.pem'),
        keyPath: path.join(certs, 'key.pem'),
      },
    });
  });

  it('takes TLS files from the config folder when DOCKER_CERT_PATH is unset; DOCKER_TLS skips verification', async () => {
    const env = {
      DOCKER_CONFIG: sandbox.configDir,
      DOCKER_HOST: 'tcp://10.0.0.5:2376',
      DOCKER_TLS: '1',
    };
    const [first] = await discoverEndpoints(options(sandbox, { env }));
    // No cert.pem/key.pem there: the CLI sends no client certificate, but keeps the CA path.
    expect(first?.endpoint.tls).toEqual({
      verify: false,
      caPath: path.join(sandbox.configDir, 'ca.pem'),
    });
  });

  it('ignores TLS variables for unix DOCKER_HOST and treats an empty one as unset', async () => {
    const unixHost = await discoverEndpoints(
      options(sandbox, {
        env: {
          DOCKER_CONFIG: sandbox.configDir,
          DOCKER_HOST: 'unix:///x/d.sock',
          DOCKER_TLS_VERIFY: '1',
        },
      }),
    );
    expect(unixHost[0]?.endpoint).toEqual({ host: 'unix:///x/d.sock' });
    const empty = await discoverEndpoints(
      options(sandbox, { env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_HOST: '' } }),
    );
    expect(sources(empty)).not.toContain('DOCKER_HOST');
  });

  it('keeps an unparseable DOCKER_HOST as a listed problem', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_HOST: 'http://engine:2375' },
      }),
    );
    expect(found[0]).toMatchObject({
      source: 'DOCKER_HOST',
      endpoint: { host: 'http://engine:2375' },
      present: false,
      problem: { code: 'ENDPOINT_INVALID' },
    });
  });

  it('follows the CLI order: settings, DOCKER_HOST, DOCKER_CONTEXT, config.json, sockets, other contexts', async () => {
    await writeContext(sandbox, 'colima', `unix://${sandbox.home}/.colima/default/docker.sock`);
    await writeContext(sandbox, 'from-env', 'unix:///env/docker.sock');
    await writeContext(sandbox, 'current', 'ssh://me@server');
    await writeContext(sandbox, 'spare', 'tcp://spare.example:2375');
    await setCurrentContext(sandbox, 'current');
    const found = await discoverEndpoints(
      options(sandbox, {
        env: {
          DOCKER_CONFIG: sandbox.configDir,
          DOCKER_HOST: 'unix:///host/docker.sock',
          DOCKER_CONTEXT: 'from-env',
        },
        settingsEndpoint: { host: 'unix:///settings/docker.sock' },
      }),
    );
    expect(found.slice(0, 4).map((item) => [item.source, item.endpoint.host])).toEqual([
      ['settings', 'unix:///settings/docker.sock'],
      ['DOCKER_HOST', 'unix:///host/docker.sock'],
      ['DOCKER_CONTEXT', 'unix:///env/docker.sock'],
      ['config.json', 'ssh://me@server'],
    ]);
    const others = found.filter((item) => item.source === 'context');
    // The colima context duplicates a well-known socket and the named ones are listed already.
    expect(others.map((item) => item.label)).toEqual(['context "spare"']);
    const hosts = found.map((item) => item.endpoint.host);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('pickEndpoint', () => {
  it('takes the first explicit source even when its socket is missing', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_HOST: 'unix:///missing.sock' },
        probe: probeOnly('unix:///var/run/docker.sock'),
      }),
    );
    expect(pickEndpoint(found)).toEqual({ host: 'unix:///missing.sock' });
  });

  it('prefers Settings over DOCKER_HOST', async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_HOST: 'unix:///host.sock' },
        settingsEndpoint: { host: 'tcp://chosen:2375' },
      }),
    );
    expect(pickEndpoint(found)).toEqual({ host: 'tcp://chosen:2375' });
  });

  it('without an explicit source, takes the first well-known socket that exists', async () => {
    await writeContext(sandbox, 'spare', 'tcp://spare.example:2375');
    const found = await discoverEndpoints(
      options(sandbox, {
        probe: probeOnly(
          `unix://${sandbox.home}/.colima/default/docker.sock`,
          'unix:///run/podman/podman.sock',
        ),
      }),
    );
    expect(pickEndpoint(found)).toEqual({
      host: `unix://${sandbox.home}/.colima/default/docker.sock`,
    });
  });

  it("throws the explicit source's problem rather than trying a socket", async () => {
    const found = await discoverEndpoints(
      options(sandbox, {
        env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_CONTEXT: 'nope' },
        probe: probeOnly('unix:///var/run/docker.sock'),
      }),
    );
    expect(() => pickEndpoint(found)).toThrow(ReclaimFailure);
    try {
      pickEndpoint(found);
    } catch (error) {
      expect((error as ReclaimFailure).error.code).toBe('ENDPOINT_INVALID');
    }
  });

  it('says ENGINE_NOT_RUNNING, listing where it looked, when no socket exists', async () => {
    const found = await discoverEndpoints(options(sandbox));
    try {
      pickEndpoint(found);
      expect.unreachable('pickEndpoint should throw');
    } catch (error) {
      const reclaim = (error as ReclaimFailure).error;
      expect(reclaim).toMatchObject({ code: 'ENGINE_NOT_RUNNING', cause: 'no-engine-found' });
      expect(reclaim.candidates).toContain('unix:///var/run/docker.sock');
    }
  });
});
