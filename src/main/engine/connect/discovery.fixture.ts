import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { DiscoveredEndpoint } from '../../../shared/model';
import { contextDirName } from './contexts';
import type { DiscoveryOptions } from './discover';
import { formatHost, type ParsedHost } from './host-url';

/** A fake home and docker config folder, new for each test: discovery never sees the real ones. */
export interface DiscoverySandbox {
  home: string;
  configDir: string;
}

export function useDiscoverySandbox(): DiscoverySandbox {
  const sandbox: DiscoverySandbox = { home: '', configDir: '' };
  beforeEach(async () => {
    sandbox.home = await mkdtemp(path.join(tmpdir(), 'rcl-disc-'));
    sandbox.configDir = path.join(sandbox.home, 'cfg');
    await mkdir(sandbox.configDir);
  });
  afterEach(async () => rm(sandbox.home, { recursive: true, force: true }));
  return sandbox;
}

/** Only the hosts listed are "present"; nothing on this machine is looked at. */
export function probeOnly(...hosts: string[]): (host: ParsedHost) => Promise<boolean> {
  return async (host) => hosts.includes(formatHost(host));
}

export function discoveryOptions(
  sandbox: DiscoverySandbox,
  overrides: Partial<DiscoveryOptions> = {},
): DiscoveryOptions {
  return {
    env: { DOCKER_CONFIG: sandbox.configDir },
    homedir: sandbox.home,
    platform: 'linux',
    settingsEndpoint: null,
    uid: 1000,
    probe: probeOnly(),
    ...overrides,
  };
}

/** Writes a context the way `docker context create` does; returns its TLS folder. */
export async function writeContext(
  sandbox: DiscoverySandbox,
  name: string,
  host: string,
  extra: { skipVerify?: boolean; tlsFiles?: string[] } = {},
): Promise<string> {
  const id = contextDirName(name);
  const metaDir = path.join(sandbox.configDir, 'contexts', 'meta', id);
  await mkdir(metaDir, { recursive: true });
  await writeFile(
    path.join(metaDir, 'meta.json'),
    JSON.stringify({
      Name: name,
      Metadata: { Description: `${name} engine` },
      Endpoints: { docker: { Host: host, SkipTLSVerify: extra.skipVerify ?? false } },
    }),
  );
  const tlsDir = path.join(sandbox.configDir, 'contexts', 'tls', id, 'docker');
  if (extra.tlsFiles) {
    await mkdir(tlsDir, { recursive: true });
    for (const file of extra.tlsFiles) await writeFile(path.join(tlsDir, file), 'PEM');
  }
  return tlsDir;
}

export function setCurrentContext(sandbox: DiscoverySandbox, name: string): Promise<void> {
  return writeFile(
    path.join(sandbox.configDir, 'config.json'),
    JSON.stringify({ currentContext: name }),
  );
}

export const sourcesOf = (found: DiscoveredEndpoint[]) => found.map((item) => item.source);
