import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { chmod, link, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import { describeEngine } from '../../../../test/engine/gate';
import { run } from '../../../../test/engine/run';
import { type ReclaimError } from '../../../shared/errors';
import { encodeFilters } from './engine-request';
import { openConnection } from './open';
import { failure } from './reclaim-failure.fixture';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const OPEN_MODULE = path.join(REPO_ROOT, 'src/main/engine/connect/open.ts');
const NOBODY = '65534';

/**
 * A unix socket file that nothing listens on, as a crashed engine leaves behind: a child
 * process binds it and is killed with SIGKILL, so it never unlinks the file.
 */
async function abandonedSocket(dir: string): Promise<string> {
  const socketPath = path.join(dir, 'crashed.sock');
  const child = spawn(process.execPath, [
    '-e',
    `require('node:net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`,
  ]);
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
  return socketPath;
}

/**
 * Runs openConnection in a separate process as `nobody` (root would ignore the socket's mode).
 * The script is bundled into one file in `dir`, so the child needs no access to the checkout
 * (a clone under a 0700 folder is out of `nobody`'s reach).
 */
async function openAsNobody(dir: string, host: string): Promise<ReclaimError | 'connected'> {
  const script = path.join(dir, 'open-as-nobody.cjs');
  await build({
    stdin: {
      contents: [
        `import { openConnection } from ${JSON.stringify(OPEN_MODULE)};`,
        'openConnection({ host: ' + JSON.stringify(host) + ' }).then(',
        "  () => console.log(JSON.stringify('connected')),",
        '  (error) => console.log(JSON.stringify(error?.error ?? String(error))),',
        ');',
      ].join('\n'),
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: script,
    logLevel: 'error',
    // Optional native speed-ups, each required inside a try: absent is fine.
    external: ['cpu-features', '*.node'],
  });
  await chmod(script, 0o644);
  const result = await run(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, script],
    // Nothing of this process's environment (DOCKER_HOST…) leaks into the child.
    { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, timeoutMs: 60_000 },
  );
  if (result.code !== 0)
    throw new Error(`open-as-nobody failed (${result.code}):\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '""') as ReclaimError | 'connected';
}

describeEngine('openConnection against a private dockerd', () => {
  let engine: PrivateDocker;
  let scratch: string;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    scratch = await mkdtemp('/tmp/rcl-open-');
    // Readable by everyone, so the unprivileged child can reach what we put here.
    await chmod(scratch, 0o755);
  });
  afterAll(async () => {
    await engine?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** The engine's API version as the docker CLI reads it. */
  async function cliApiVersion(): Promise<string> {
    return (await engine.dockerOk(['version', '--format', '{{.Server.APIVersion}}'])).trim();
  }

  it('negotiates the engine’s own API version and sees a Docker engine with its image store', async () => {
    const connection = await openConnection({ host: engine.host });
    // The expected side from the CLI: the engine's highest API (all below Reclaim's 1.52) and
    // its store (`driver-type: io.containerd.snapshotter.v1` in DriverStatus).
    const engineApi = await cliApiVersion();
    const driverStatus = await engine.dockerOk(['info', '--format', '{{json .DriverStatus}}']);
    expect(connection.engine).toMatchObject({
      endpoint: { host: engine.host },
      kind: 'docker',
      apiVersion: engineApi,
      maxApiVersion: engineApi,
      imageStore: driverStatus.includes('io.containerd.snapshotter.v1') ? 'containerd' : 'classic',
      os: 'linux',
    });
    expect(connection.engine.imageStore).toBe(engine.spec.store);
    const cliVersion = await engine.dockerOk(['version', '--format', '{{.Server.Version}}']);
    expect(connection.engine.version).toBe(cliVersion.trim());
  });

  it('talks to exactly this engine, at the negotiated version, through dockerode and request()', async () => {
    const connection = await openConnection({ host: engine.host });
    const info = await connection.request<{ DockerRootDir: string }>({
      method: 'GET',
      path: '/info',
    });
    expect(info.DockerRootDir).toBe(`${engine.dir}/data`);
    const version = await connection.docker.version();
    expect(version.ApiVersion).toBe(await cliApiVersion());
    // A filtered list through the raw path: the engine must parse our filters encoding.
    await engine.dockerOk(['volume', 'create', '--label', 'reclaim.test=open', 'open-vol']);
    const volumes = await connection.request<{ Volumes: { Name: string }[] | null }>({
      method: 'GET',
      path: '/volumes',
      query: { filters: encodeFilters({ label: ['reclaim.test=open'] }) },
    });
    expect(volumes.Volumes?.map((volume) => volume.Name)).toEqual(['open-vol']);
  });

  it('says ENGINE_NOT_RUNNING, naming the endpoint, once the engine has stopped', async () => {
    const stopped = await startPrivateDocker();
    await stopped.stop();
    const error = await failure(openConnection({ host: stopped.host }));
    expect(error).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      cause: 'socket-missing',
      endpoint: stopped.host,
    });
  });

  it('says ENGINE_NOT_RUNNING when a crashed engine left its socket behind', async () => {
    const socketPath = await abandonedSocket(scratch);
    expect((await stat(socketPath)).isSocket()).toBe(true);
    const error = await failure(openConnection({ host: `unix://${socketPath}` }));
    expect(error).toMatchObject({ code: 'ENGINE_NOT_RUNNING', cause: 'connection-refused' });
  });

  it('says PERMISSION_DENIED, with the Linux fix, to an unprivileged user', async () => {
    // The same socket (a hard link to its inode) in a folder anyone may enter: only the
    // socket's own mode (0660, root) stands between `nobody` and the engine.
    const socketPath = path.join(scratch, 'docker.sock');
    await link(engine.socketPath, socketPath);
    const mode = (await stat(socketPath)).mode;
    expect(mode & 0o007, 'the socket must not be open to others').toBe(0);
    expect(await openAsNobody(scratch, `unix://${engine.socketPath}`)).toMatchObject({
      // Its own folder is root's alone: denied before the socket is even reached.
      code: 'PERMISSION_DENIED',
    });
    const error = await openAsNobody(scratch, `unix://${socketPath}`);
    expect(error).not.toBe('connected');
    expect(error).toMatchObject({
      code: 'PERMISSION_DENIED',
      cause: 'access-denied',
      endpoint: `unix://${socketPath}`,
      values: { hint: 'join-docker-group' },
    });
    // Root reaches the very same socket: the denial was about the user, not the engine.
    const asRoot = await openConnection({ host: `unix://${socketPath}` });
    expect(asRoot.engine.kind).toBe('docker');
  });
});
