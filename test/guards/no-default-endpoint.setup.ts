/**
 * Loaded before every unit and engine test file (vitest setupFiles). Makes it impossible for
 * a test process to open a connection to a user's engine: any attempt to connect to a default
 * Docker/Podman socket, to the CLI's default TCP ports (plain 2375, TLS 2376) or to an ssh
 * server's port (where a user's remote engine answers `docker system dial-stdio`) throws at
 * once, and so does running the docker CLI without an explicit private `--host`. The private
 * engines the rig starts live in /tmp/rcl-* and are unaffected.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { isDefaultEnginePort, isDefaultEngineSocket } from './default-endpoints';

export class DefaultEndpointRefused extends Error {}

interface ConnectTarget {
  path?: string;
  port?: number | string;
  host?: string;
}

/**
 * What `net.Socket.prototype.connect` was asked for, in each of its call shapes:
 * `(options)`, `(path)`, `(port, host)`, and the normalised `[options, callback]` array
 * that `net.connect` and `net.createConnection` hand on.
 */
function targetOf(args: unknown[]): ConnectTarget {
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  const second = Array.isArray(args[0]) ? undefined : args[1];
  const host = typeof second === 'string' ? second : undefined;
  if (typeof first === 'number') return { port: first, host };
  if (typeof first === 'string') {
    return /^\d+$/.test(first) ? { port: first, host } : { path: first };
  }
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: unknown; port?: unknown; host?: unknown };
    return {
      host: typeof options.host === 'string' ? options.host : undefined,
      path: typeof options.path === 'string' ? options.path : undefined,
      port:
        typeof options.port === 'number' || typeof options.port === 'string'
          ? options.port
          : undefined,
    };
  }
  return {};
}

/** This machine's own addresses: private engines, the registry and test servers live here. */
function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true;
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '[::1]';
}

function refuse(target: ConnectTarget): void {
  if (target.path !== undefined && isDefaultEngineSocket(target.path)) {
    throw new DefaultEndpointRefused(
      `A test tried to connect to the user's engine at ${target.path}`,
    );
  }
  if (target.path === undefined && isDefaultEnginePort(target.port)) {
    throw new DefaultEndpointRefused(
      `A test tried to connect to a docker TCP port (${target.port})`,
    );
  }
  if (target.path === undefined && !isLoopback(target.host)) {
    // A user's remote engine (DOCKER_HOST=tcp://nas:4243, an ssh context) is elsewhere.
    throw new DefaultEndpointRefused(`A test tried to connect to ${target.host} off this machine`);
  }
  if (target.path === undefined && Number(target.port) === 22) {
    throw new DefaultEndpointRefused(
      "A test tried to connect to an ssh server (port 22), where a user's remote engine answers",
    );
  }
}

// Every socket Node opens goes through this one method: net.connect and net.createConnection,
// the http and https agents (socketPath included), tls.connect, and ssh2's `new Socket()`.
// Guarding it closes every route at once, where patching the helpers left some open.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  try {
    refuse(targetOf(args));
  } catch (refusal) {
    // The throw is the signal. The refused socket never opens; what its owner does with it
    // afterwards (ssh2 writes a goodbye to it) must not add a second, confusing error.
    this.on('error', () => undefined);
    this.destroy();
    throw refusal;
  }
  return Reflect.apply(originalConnect, this, args) as net.Socket;
} as typeof net.Socket.prototype.connect;

const HOST_FLAGS = new Set(['-H', '--host']);

/** The `--host` a docker CLI command line names, or undefined when it names none. */
function cliHost(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (HOST_FLAGS.has(arg)) return args[i + 1] ?? '';
    const inline = /^(?:-H|--host)=(.*)$/.exec(arg);
    if (inline) return inline[1];
  }
  return undefined;
}

/**
 * The docker CLI reaches the user's engine unless told otherwise (DOCKER_HOST, a context, or
 * /var/run/docker.sock), so a test may run it only with `--host` naming a socket that is not
 * a user's. `docker --version` opens no connection and stays allowed.
 */
export function refuseDockerCli(file: string, args: readonly string[]): void {
  if (path.basename(file) !== 'docker') return;
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) return;
  const host = cliHost(args);
  if (host === undefined || host === '') {
    throw new DefaultEndpointRefused(
      `A test ran \`docker ${args.join(' ')}\` without --host: it would use the user's engine`,
    );
  }
  // Allowed: a private unix socket, or a private engine's own loopback port (the TLS tests).
  // Never a user's socket, a remote host, the CLI's default ports, or ssh.
  const unix = /^unix:\/\/(\/.+)$/.exec(host);
  const tcp = /^tcp:\/\/(?:127\.0\.0\.1|localhost):(\d+)$/.exec(host);
  const allowed =
    (unix !== null && !isDefaultEngineSocket(unix[1] ?? '')) ||
    (tcp !== null && !isDefaultEnginePort(tcp[1]));
  if (!allowed) {
    throw new DefaultEndpointRefused(
      `A test ran the docker CLI against ${host}, not a private engine`,
    );
  }
}

/**
 * A shell line that runs the docker CLI (`docker ps`, `cd x && docker rmi y`) without a
 * `--host`. Coarse on purpose: a test has no reason to hand the CLI to a shell.
 */
export function refuseShellLine(line: string): void {
  for (const command of line.split(/[;&|()`\n]+/)) {
    const words = command.split(/\s+/).filter(Boolean);
    const at = words.findIndex((word) => path.basename(word) === 'docker');
    if (at < 0) continue;
    // The command's own words after `docker` are its arguments; the same rules apply.
    try {
      refuseDockerCli('docker', words.slice(at + 1));
    } catch (refusal) {
      throw new DefaultEndpointRefused(
        `A test ran \`${line.slice(0, 80)}\` in a shell: ${(refusal as Error).message}`,
      );
    }
  }
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh']);

type Launcher = (file: string, ...rest: unknown[]) => unknown;

/** Refuses a launch that would run the docker CLI against anything but a private engine. */
function checkLaunch(file: string, rest: unknown[], shellLine: boolean): void {
  if (shellLine) {
    refuseShellLine(file);
    return;
  }
  const args = Array.isArray(rest[0]) ? (rest[0] as string[]) : [];
  const options = (Array.isArray(rest[0]) ? rest[1] : rest[0]) as { shell?: unknown } | undefined;
  // `spawn('docker ps', { shell: true })`, `env docker …`: the shell line they make.
  if (options?.shell || path.basename(file) === 'env') refuseShellLine([file, ...args].join(' '));
  refuseDockerCli(file, args);
  const scriptFlag = args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
  const script = scriptFlag >= 0 ? args[scriptFlag + 1] : undefined;
  if (SHELLS.has(path.basename(file)) && script !== undefined) refuseShellLine(script);
}

function guardedLauncher<T>(original: T, options: { shellLine?: boolean } = {}): T {
  const shellLine = options.shellLine ?? false;
  const wrap = (launch: Launcher): Launcher =>
    function (this: unknown, file: string, ...rest: unknown[]) {
      checkLaunch(file, rest, shellLine);
      return Reflect.apply(launch, this, [file, ...rest]) as unknown;
    };
  const guarded = wrap(original as unknown as Launcher);
  // `promisify(execFile)` resolves `{ stdout, stderr }` through the original's own promisified
  // form: keep that form, behind the same check.
  const custom = (original as unknown as Record<symbol, Launcher | undefined>)[promisify.custom];
  if (custom) Object.defineProperty(guarded, promisify.custom, { value: wrap(custom) });
  return guarded as unknown as T;
}

childProcess.spawn = guardedLauncher(childProcess.spawn);
childProcess.spawnSync = guardedLauncher(childProcess.spawnSync);
childProcess.execFile = guardedLauncher(childProcess.execFile);
childProcess.execFileSync = guardedLauncher(childProcess.execFileSync);
childProcess.exec = guardedLauncher(childProcess.exec, { shellLine: true });
childProcess.execSync = guardedLauncher(childProcess.execSync, { shellLine: true });
// A user's own settings must not leak in: the docker CLI and docker-modem read these.
for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'CONTAINER_HOST']) delete process.env[name];
// `import { spawn } from 'node:child_process'` binds the ES module's copy: bring it in step.
syncBuiltinESMExports();
