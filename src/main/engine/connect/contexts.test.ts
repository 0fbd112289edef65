import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextDirName } from './contexts';
import { discoverEndpoints } from './discover';
import {
  discoveryOptions as options,
  setCurrentContext,
  sourcesOf as sources,
  useDiscoverySandbox,
  writeContext,
} from './discovery.fixture';

const sandbox = useDiscoverySandbox();

describe('the context store', () => {
  it('uses the hex SHA-256 of the name as the folder, as the docker CLI does', () => {
    // echo -n default | sha256sum
    expect(contextDirName('default')).toBe(
      '37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f',
    );
  });
});

describe('discovery through docker contexts', () => {
  it('reads currentContext from config.json, with the context TLS files', async () => {
    const tlsDir = await writeContext(sandbox, 'remote', 'tcp://remote.example:2376', {
      tlsFiles: ['ca.pem', 'cert.pem', 'key.pem'],
    });
    await setCurrentContext(sandbox, 'remote');
    const [first] = await discoverEndpoints(options(sandbox));
    expect(first).toMatchObject({ source: 'config.json', label: 'context "remote"' });
    expect(first?.endpoint).toEqual({
      host: 'tcp://remote.example:2376',
      tls: {
        verify: true,
        caPath: path.join(tlsDir, 'ca.pem'),
        certPath: path.join(tlsDir, 'cert.pem'),
        keyPath: path.join(tlsDir, 'key.pem'),
      },
    });
  });

  it('honours SkipTLSVerify and uses plain HTTP for a tcp context without TLS files', async () => {
    await writeContext(sandbox, 'insecure', 'tcp://a.example:2376', { skipVerify: true });
    await writeContext(sandbox, 'plain', 'tcp://b.example:2375');
    await setCurrentContext(sandbox, 'insecure');
    const found = await discoverEndpoints(
      options(sandbox, { env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_CONTEXT: 'plain' } }),
    );
    expect(found[0]).toMatchObject({
      source: 'DOCKER_CONTEXT',
      endpoint: { host: 'tcp://b.example:2375' },
    });
    expect(found[0]?.endpoint.tls).toBeUndefined();
    expect(found[1]).toMatchObject({
      source: 'config.json',
      endpoint: { host: 'tcp://a.example:2376', tls: { verify: false } },
    });
  });

  it('lists a missing context as a problem instead of silently falling through', async () => {
    await setCurrentContext(sandbox, 'gone');
    const found = await discoverEndpoints(options(sandbox));
    expect(found[0]).toMatchObject({
      source: 'config.json',
      label: 'context "gone"',
      problem: {
        code: 'ENDPOINT_INVALID',
        cause: 'context-missing',
        subject: 'gone',
        values: { source: 'config.json', configDir: sandbox.configDir },
      },
    });
  });

  it('maps DOCKER_CONTEXT=default to the default socket, and ignores currentContext "default"', async () => {
    const named = await discoverEndpoints(
      options(sandbox, { env: { DOCKER_CONFIG: sandbox.configDir, DOCKER_CONTEXT: 'default' } }),
    );
    expect(named[0]).toMatchObject({
      source: 'DOCKER_CONTEXT',
      endpoint: { host: 'unix:///var/run/docker.sock' },
    });
    await setCurrentContext(sandbox, 'default');
    expect(sources(await discoverEndpoints(options(sandbox)))).not.toContain('config.json');
  });

  it('reads config.json from ~/.docker when DOCKER_CONFIG is unset, and survives a broken one', async () => {
    const dotDocker = path.join(sandbox.home, '.docker');
    sandbox.configDir = dotDocker;
    await mkdir(dotDocker);
    await writeContext(sandbox, 'desk', 'unix:///desk.sock');
    await setCurrentContext(sandbox, 'desk');
    const found = await discoverEndpoints(options(sandbox, { env: {} }));
    expect(found[0]).toMatchObject({
      source: 'config.json',
      endpoint: { host: 'unix:///desk.sock' },
    });
    await writeFile(path.join(dotDocker, 'config.json'), '{ not json');
    expect(sources(await discoverEndpoints(options(sandbox, { env: {} })))).not.toContain(
      'config.json',
    );
  });
});
