import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The engine matrix: which Docker Engine a private dockerd is, and with which image store.
 * A test run picks one with RECLAIM_TEST_ENGINE (default: Debian 12's Docker 20.10, classic
 * store); `npm test` runs the engine project once per engine the cache holds
 * (scripts/prepare-engines.sh fills it). Debian 12's own `runc` serves every engine: the
 * newer ones' packages ship dockerd and containerd, not runc.
 */
export type ImageStoreKind = 'classic' | 'containerd';

export interface EngineSpec {
  /** `docker-28.5-containerd`: what the test output says. */
  name: string;
  /** The dockerd binary. */
  dockerd: string;
  /** Put first in PATH for dockerd, so it starts this release's containerd; null: the system's. */
  binDir: string | null;
  store: ImageStoreKind;
  /** The Docker Engine release (`20.10`, `26.1`, `28.5`): where releases differ, tests say so. */
  release: EngineRelease;
}

export type EngineRelease = '20.10' | '26.1' | '28.5';

/** Where prepared engines live; `.ci/run` and `scripts/prepare-engines.sh` use the same. */
export function engineCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RECLAIM_ENGINE_CACHE ?? '/var/cache/reclaim-test-engines';
}

function unpacked(
  name: string,
  folder: string,
  release: EngineRelease,
  store: ImageStoreKind,
  cache: string,
): EngineSpec {
  const root = path.join(cache, folder);
  return {
    name,
    dockerd: path.join(root, 'usr/sbin/dockerd'),
    binDir: `${path.join(root, 'usr/bin')}${path.delimiter}${path.join(root, 'usr/sbin')}`,
    store,
    release,
  };
}

/** The engine a run uses when RECLAIM_TEST_ENGINE names none. */
export const DEFAULT_ENGINE = 'docker-20.10-classic';

/** Every engine of the matrix, whether or not it is prepared here. */
export function matrix(env: NodeJS.ProcessEnv = process.env): EngineSpec[] {
  const cache = engineCacheDir(env);
  return [
    {
      name: DEFAULT_ENGINE,
      dockerd: env.RECLAIM_TEST_DOCKERD ?? 'dockerd',
      binDir: null,
      store: 'classic',
      release: '20.10',
    },
    unpacked('docker-26.1-containerd', 'debian-13', '26.1', 'containerd', cache),
    unpacked('docker-28.5-classic', 'debian-unstable', '28.5', 'classic', cache),
    unpacked('docker-28.5-containerd', 'debian-unstable', '28.5', 'containerd', cache),
  ];
}

/** The engines whose binaries are present: the default one always counts. */
export function preparedEngines(env: NodeJS.ProcessEnv = process.env): EngineSpec[] {
  return matrix(env).filter((spec) => spec.binDir === null || existsSync(spec.dockerd));
}

/** The engine this test process starts. An unknown name is an error, never a silent default. */
export function selectedEngine(env: NodeJS.ProcessEnv = process.env): EngineSpec {
  const wanted = env.RECLAIM_TEST_ENGINE ?? DEFAULT_ENGINE;
  const spec = matrix(env).find((candidate) => candidate.name === wanted);
  if (!spec) {
    const names = matrix(env).map((candidate) => candidate.name);
    throw new Error(`RECLAIM_TEST_ENGINE=${wanted} is not one of ${names.join(', ')}`);
  }
  return spec;
}

/** The daemon's config file: the containerd image store is a feature flag of dockerd. */
export function daemonConfig(spec: EngineSpec): string {
  const config =
    spec.store === 'containerd' ? { features: { 'containerd-snapshotter': true } } : {};
  return `${JSON.stringify(config)}\n`;
}
