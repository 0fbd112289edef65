import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, killGroup, killOnExit, removeEngineDir } from './cleanup';
import { ping } from './dockerd';
import { assertPrivateEndpoint, registerPrivateSocket, unregisterPrivateSocket } from './guard';
import { writeImageArchive, type BuiltImage } from './image-archive';
import { run, type RunResult } from './run';
import { cleanUpIfOrphaned } from './watchdog';

export interface PrivatePodman {
  /** `unix:///tmp/rcl-pm-XXXX/podman.sock`: the Docker-compatible API of this Podman. */
  readonly host: string;
  readonly socketPath: string;
  readonly dir: string;
  /** The podman CLI on this private storage only; never rejects on a non-zero exit. */
  podman(
    args: string[],
    opts?: { input?: Buffer | string; timeoutMs?: number },
  ): Promise<RunResult>;
  podmanOk(args: string[], opts?: { input?: Buffer | string; timeoutMs?: number }): Promise<string>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

const PODMAN = process.env.RECLAIM_TEST_PODMAN ?? 'podman';

/**
 * Global flags that make podman self-contained: its own storage, state, events, networks
 * and volumes in `dir`. vfs needs no mounts (overlay would, and gains nothing at this size).
 */
function globalFlags(dir: string): string[] {
  return [
    `--root=${path.join(dir, 'root')}`,
    `--runroot=${path.join(dir, 'runroot')}`,
    `--tmpdir=${path.join(dir, 'tmp')}`,
    `--volumepath=${path.join(dir, 'volumes')}`,
    `--network-config-dir=${path.join(dir, 'networks')}`,
    '--storage-driver=vfs',
    '--cgroup-manager=cgroupfs',
    '--events-backend=file',
  ];
}

/** No system containers.conf, storage.conf or search registries can leak in. */
function podmanEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DOCKER_') && !key.startsWith('CONTAINER')) env[key] = value;
  }
  return {
    ...env,
    CONTAINERS_CONF: path.join(dir, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: path.join(dir, 'registries.conf'),
    TMPDIR: path.join(dir, 'tmp'),
  };
}

async function writeConfigs(dir: string): Promise<void> {
  await Promise.all(
    ['tmp', 'volumes', 'networks'].map((sub) => mkdir(path.join(dir, sub), { recursive: true })),
  );
  // Podman raises a root container's open-files and process limits past, more than this sandbox's
  // hard limits allow (runc: "error setting rlimit type 7" / "type 6"): ask for a modest one instead.
  await writeFile(
    path.join(dir, 'containers.conf'),
    '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]\n\n[engine]\nevents_logger = "file"\n',
  );
  await writeFile(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\ngraphroot = "${path.join(dir, 'root')}"\nrunroot = "${path.join(dir, 'runroot')}"\n`,
  );
  await writeFile(path.join(dir, 'registries.conf'), 'unqualified-search-registries = []\n');
}

/** Starts `podman system service` on a private socket; stop() removes everything it made. */
export async function startPrivatePodman(readyTimeoutMs = 30_000): Promise<PrivatePodman> {
  const dir = await mkdtemp('/tmp/rcl-pm-');
  const socketPath = path.join(dir, 'podman.sock');
  const logPath = path.join(dir, 'podman.log');
  await writeConfigs(dir);
  const env = podmanEnv(dir);
  const logFd = openSync(logPath, 'a');
  const child = spawn(
    PODMAN,
    [...globalFlags(dir), 'system', 'service', '--time=0', `unix://${socketPath}`],
    { detached: true, stdio: ['ignore', logFd, logFd], env },
  );
  closeSync(logFd);
  const forget = killOnExit(child);
  if (child.pid !== undefined) cleanUpIfOrphaned(child.pid, dir);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    unregisterPrivateSocket(socketPath);
    // Podman leaves containers running when its service stops: stop them, then sweep.
    const ids = await run(PODMAN, [...globalFlags(dir), 'ps', '-aq', '--no-trunc'], { env });
    const containerIds = ids.stdout.split('\n').filter((id) => id.length > 0);
    if (containerIds.length > 0) {
      await run(PODMAN, [...globalFlags(dir), 'stop', '--all', '--time=0'], {
        env,
        timeoutMs: 20_000,
      });
    }
    if (child.pid !== undefined && isAlive(child.pid) && !exited()) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(
        () => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'),
        5_000,
      );
      await gone;
      clearTimeout(timer);
    }
    forget();
    await removeEngineDir(dir, containerIds);
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await ping(socketPath))) {
    if (spawnError || exited() || Date.now() > deadline) {
      const log = await readFile(logPath, 'utf8').catch(() => '');
      await stop();
      throw (
        spawnError ??
        new Error(`podman system service did not answer /_ping on ${socketPath}:\n${log}`)
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  registerPrivateSocket(socketPath);

  const host = `unix://${socketPath}`;
  const podman = async (
    args: string[],
    opts: { input?: Buffer | string; timeoutMs?: number } = {},
  ) => {
    assertPrivateEndpoint(host);
    return run(PODMAN, [...globalFlags(dir), ...args], { ...opts, env });
  };
  const podmanOk = async (
    args: string[],
    opts: { input?: Buffer | string; timeoutMs?: number } = {},
  ) => {
    const result = await podman(args, opts);
    if (result.code !== 0) {
      throw new Error(`podman ${args.join(' ')} exited with ${result.code}\n${result.stderr}`);
    }
    return result.stdout;
  };
  return { host, socketPath, dir, podman, podmanOk, log: () => readFile(logPath, 'utf8'), stop };
}

/** Loads generated images into the private Podman (`podman load` of a docker-save archive). */
export async function loadImagesIntoPodman(
  engine: PrivatePodman,
  images: BuiltImage[],
): Promise<void> {
  const archivePath = path.join(engine.dir, `load-${Date.now()}.tar`);
  await writeFile(archivePath, await writeImageArchive(images));
  try {
    await engine.podmanOk(['load', '-i', archivePath]);
  } finally {
    await rm(archivePath, { force: true });
  }
}

/** A layer or an image as Podman's storage records them (containers/storage's JSON files). */
interface StoredLayer {
  'diff-size'?: number;
}
interface StoredImage {
  'big-data-sizes'?: Record<string, number>;
}

/**
 * The bytes Podman's storage holds for images, as it records them: each layer's own bytes
 * (`diff-size` in vfs-layers/layers.json) and each image's own records (manifest, config,
 * signatures: `big-data-sizes` in vfs-images/images.json). Podman's image Size is made of the
 * same figures. Its `/system/df` says 0 here, and the vfs driver's folders copy every layer
 * below, which no real install does, so this record is the yardstick for what a removal
 * frees: read it before and after.
 */
export async function podmanStoredBytes(podman: PrivatePodman): Promise<number> {
  const read = async <T>(file: string): Promise<T[]> =>
    JSON.parse(await readFile(path.join(podman.dir, 'root', file), 'utf8')) as T[];
  const layers = await read<StoredLayer>('vfs-layers/layers.json');
  const images = await read<StoredImage>('vfs-images/images.json');
  const layerBytes = layers.reduce((sum, layer) => sum + (layer['diff-size'] ?? 0), 0);
  const recordBytes = images.reduce(
    (sum, image) =>
      sum + Object.values(image['big-data-sizes'] ?? {}).reduce((all, size) => all + size, 0),
    0,
  );
  return layerBytes + recordBytes;
}
