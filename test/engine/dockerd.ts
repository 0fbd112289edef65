import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, killGroup, killOnExit, removeEngineDir } from './cleanup';
import { answersOk } from './http';
import { assertPrivateEndpoint, registerPrivateSocket, unregisterPrivateSocket } from './guard';
import { run, type RunResult } from './run';
import { cleanUpIfOrphaned } from './watchdog';
import { daemonConfig, selectedEngine, type EngineSpec } from './engines';

export interface DockerCliOptions {
  input?: Buffer | string;
  /** Extra variables for this call only (after the rig's own clearing of DOCKER_*). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Another docker CLI binary for this call (still pointed at this engine only). */
  cli?: string;
}

export interface PrivateDocker {
  /** `unix:///tmp/rcl-XXXX/docker.sock`: give this to code under test. */
  readonly host: string;
  readonly socketPath: string;
  /** The private folder holding data-root, exec-root, pidfile, socket and log. */
  readonly dir: string;
  readonly pid: number;
  /** The docker CLI against this engine only; never rejects on a non-zero exit. */
  docker(args: string[], opts?: DockerCliOptions): Promise<RunResult>;
  /** Like docker(), but a non-zero exit throws with the command and its stderr; returns stdout. */
  dockerOk(args: string[], opts?: DockerCliOptions): Promise<string>;
  /** Which engine of the matrix this is (release and image store). */
  readonly spec: EngineSpec;
  /** The daemon's log so far, for failure messages. */
  log(): Promise<string>;
  /** Stops the daemon, unmounts what it left and removes `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for `/_ping`; dockerd answers in about 0.5 s here. */
  readyTimeoutMs?: number;
  /** Extra dockerd flags (e.g. `--storage-driver=vfs`). */
  extraArgs?: string[];
  /** Which engine of the matrix; default: the one RECLAIM_TEST_ENGINE names. */
  engine?: EngineSpec;
}

const DOCKER_CLI = process.env.RECLAIM_TEST_DOCKER_CLI ?? 'docker';
const STOP_GRACE_MS = 10_000;

/** GET /_ping on a unix socket; resolves true on a 200 "OK". */
export function ping(socketPath: string, timeoutMs = 1_000): Promise<boolean> {
  return answersOk({ socketPath, path: '/_ping' }, timeoutMs);
}

/**
 * An environment for the docker CLI that cannot reach any engine but `host`: every DOCKER_*
 * variable the user may have set is dropped and the CLI config points at a private folder,
 * so neither a context nor a config.json can redirect it.
 */
function isolatedCliEnv(configDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DOCKER_')) env[key] = value;
  }
  return {
    ...env,
    DOCKER_CONFIG: configDir,
    DOCKER_BUILDKIT: '0',
    DOCKER_CLI_HINTS: 'false',
    ...extra,
  };
}

/** The daemon's environment: the CLI's, with this release's containerd first in PATH. */
function daemonEnv(spec: EngineSpec, configDir: string): NodeJS.ProcessEnv {
  const env = isolatedCliEnv(configDir);
  if (spec.binDir !== null) env.PATH = `${spec.binDir}${path.delimiter}${env.PATH ?? ''}`;
  return env;
}

function daemonArgs(dir: string, socketPath: string, extra: string[]): string[] {
  return [
    // Its own config file: /etc/docker/daemon.json of this machine must not apply.
    `--config-file=${path.join(dir, 'daemon.json')}`,
    `--data-root=${path.join(dir, 'data')}`,
    `--exec-root=${path.join(dir, 'exec')}`,
    `--pidfile=${path.join(dir, 'docker.pid')}`,
    `--host=unix://${socketPath}`,
    '--bridge=none',
    '--iptables=false',
    '--ip6tables=false',
    // A running `sleep` ignores SIGTERM as PID 1: do not wait 15 s for it at shutdown.
    '--shutdown-timeout=1',
    ...extra,
  ];
}

async function waitForPing(
  child: ChildProcess,
  socketPath: string,
  logPath: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await readFile(logPath, 'utf8').catch(() => '');
      throw new Error(
        `dockerd exited (${child.exitCode ?? child.signalCode}) before /_ping:\n${log}`,
      );
    }
    if (await ping(socketPath)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(logPath, 'utf8').catch(() => '');
  throw new Error(`dockerd did not answer /_ping on ${socketPath} within ${timeoutMs} ms:\n${log}`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * dockerd gives each running container its own 10 s stop timeout at shutdown, and a `sleep`
 * running as PID 1 ignores SIGTERM: kill them first so stop() takes one second, not eleven.
 * Returns every container ID, so their processes can be swept if the daemon dies uncleanly.
 */
async function killRunningContainers(socketPath: string, cliConfig: string): Promise<string[]> {
  const cli = (args: string[]) =>
    run(DOCKER_CLI, ['--host', `unix://${socketPath}`, ...args], {
      env: isolatedCliEnv(cliConfig),
      timeoutMs: 10_000,
    });
  const ids = async (args: string[]) =>
    (await cli(args)).stdout.split('\n').filter((id) => id.length > 0);
  const running = await ids(['ps', '-q', '--no-trunc']);
  if (running.length > 0) await cli(['kill', ...running]);
  const all = await ids(['ps', '-aq', '--no-trunc']);
  // A network a test created keeps its bridge interface on the host after dockerd stops, and
  // enough of them exhaust the address pools of every later engine on this machine.
  const networks = await ids(['network', 'ls', '-q', '--filter', 'type=custom']);
  if (networks.length > 0) {
    if (all.length > 0) await cli(['rm', '-f', ...all]);
    await cli(['network', 'rm', ...networks]);
  }
  return all;
}

/** Starts a dockerd that shares nothing with the machine's own engine. */
export async function startPrivateDocker(options: StartOptions = {}): Promise<PrivateDocker> {
  // Short prefix: a unix socket path must stay under ~108 bytes.
  const dir = await mkdtemp('/tmp/rcl-');
  const socketPath = path.join(dir, 'docker.sock');
  const logPath = path.join(dir, 'dockerd.log');
  const cliConfig = path.join(dir, 'cli');
  await mkdir(cliConfig);
  const spec = options.engine ?? selectedEngine();
  await writeFile(path.join(dir, 'daemon.json'), daemonConfig(spec));
  await writeFile(path.join(cliConfig, 'config.json'), '{}\n');

  const logFd = openSync(logPath, 'a');
  const child = spawn(spec.dockerd, daemonArgs(dir, socketPath, options.extraArgs ?? []), {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: daemonEnv(spec, cliConfig),
  });
  closeSync(logFd);
  const forget = killOnExit(child);
  if (child.pid !== undefined) cleanUpIfOrphaned(child.pid, dir);
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    unregisterPrivateSocket(socketPath);
    let containerIds: string[] = [];
    if (child.pid !== undefined && isAlive(child.pid)) {
      containerIds = await killRunningContainers(socketPath, cliConfig);
      killGroup(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        killGroup(child.pid, 'SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    forget();
    await removeEngineDir(dir, containerIds);
  };

  try {
    await Promise.race([
      waitForPing(child, socketPath, logPath, options.readyTimeoutMs ?? 30_000),
      spawnError,
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  registerPrivateSocket(socketPath);

  const host = `unix://${socketPath}`;
  const docker = async (args: string[], opts: DockerCliOptions = {}): Promise<RunResult> => {
    // After stop() the socket path is free again: never let a late call reach whatever took it.
    assertPrivateEndpoint(host);
    return run(opts.cli ?? DOCKER_CLI, ['--host', host, ...args], {
      input: opts.input,
      env: isolatedCliEnv(cliConfig, opts.env),
      timeoutMs: opts.timeoutMs,
    });
  };
  const dockerOk = async (args: string[], opts: DockerCliOptions = {}): Promise<string> => {
    const result = await docker(args, opts);
    if (result.code !== 0) {
      throw new Error(`docker ${args.join(' ')} exited with ${result.code}\n${result.stderr}`);
    }
    return result.stdout;
  };

  return {
    host,
    socketPath,
    dir,
    pid: child.pid ?? -1,
    spec,
    docker,
    dockerOk,
    log: () => readFile(logPath, 'utf8').catch(() => ''),
    stop,
  };
}
