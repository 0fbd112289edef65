import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import { toReclaimError, unexpectedError } from './engine-errors';

/** What dockerode rejects with on an HTTP error (docker-modem's buildPayload). */
function dockerodeError(statusCode: number, json: unknown): Error {
  const message =
    typeof json === 'object' && json !== null
      ? (json as { message: string }).message
      : String(json);
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), {
    reason: undefined,
    statusCode,
    json,
  });
}

/** A real Node socket error, recorded by trying to connect to `socketPath`. */
function socketError(socketPath: string): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.on('error', (error) => resolve(error));
    socket.on('connect', () => {
      socket.destroy();
      throw new Error(`unexpectedly connected to ${socketPath}`);
    });
  });
}

/** A path that is not a listening socket (a plain file): connecting is refused (ECONNREFUSED). */
async function refusingPath(): Promise<string> {
  const socketPath = path.join(tmpdir(), `rcl-refusing-${process.pid}-${Date.now()}.sock`);
  await writeFile(socketPath, '');
  return socketPath;
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, errno: -1, syscall: 'connect' });
}

describe('toReclaimError: reaching the engine', () => {
  it('maps a missing socket (ENOENT) to ENGINE_NOT_RUNNING / socket-missing at the endpoint', async () => {
    const missing = path.join(tmpdir(), `rcl-no-such-${process.pid}.sock`);
    const error = toReclaimError(await socketError(missing), `unix://${missing}`, 'linux');
    expect(error).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      cause: 'socket-missing',
      endpoint: `unix://${missing}`,
      values: { hint: 'start-engine-at-socket', socketPath: missing },
    });
    expect(error.detail).toContain('ENOENT');
  });

  it('maps a refused connection (ECONNREFUSED) to connection-refused', async () => {
    const socketPath = await refusingPath();
    const thrown = await socketError(socketPath);
    expect(thrown.code).toBe('ECONNREFUSED');
    expect(toReclaimError(thrown, `unix://${socketPath}`, 'linux')).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      cause: 'connection-refused',
      detail: thrown.message,
    });
  });

  it('tells a missing named pipe and a cut connection apart', () => {
    const pipe = toReclaimError(
      errnoError('ENOENT', 'connect ENOENT //./pipe/docker_engine'),
      'npipe:////./pipe/docker_engine',
      'win32',
    );
    expect(pipe).toMatchObject({ cause: 'pipe-missing', values: { hint: 'start-docker-desktop' } });
    const cut = toReclaimError(errnoError('ECONNRESET', 'read ECONNRESET'), 'tcp://box:2375');
    expect(cut).toMatchObject({ code: 'ENGINE_NOT_RUNNING', cause: 'connection-cut' });
  });

  it('chooses the fix hint for the engine that owns the socket and the platform', () => {
    const refused = errnoError('ECONNREFUSED', 'connect ECONNREFUSED /x');
    const hint = (host: string, platform: NodeJS.Platform = 'linux') =>
      toReclaimError(refused, host, platform).values;
    expect(hint('unix:///var/run/docker.sock')).toEqual({ hint: 'start-docker-service' });
    expect(hint('unix:///var/run/docker.sock', 'darwin')).toEqual({
      hint: 'start-default-socket-engine',
    });
    expect(hint('unix:///Users/me/.colima/default/docker.sock', 'darwin')).toEqual({
      hint: 'start-colima',
    });
    expect(hint('unix:///Users/me/.orbstack/run/docker.sock', 'darwin')).toEqual({
      hint: 'start-orbstack',
    });
    expect(hint('unix:///home/me/.rd/docker.sock')).toEqual({ hint: 'start-rancher-desktop' });
    expect(hint('unix:///Users/me/.docker/run/docker.sock', 'darwin')).toEqual({
      hint: 'start-docker-desktop',
    });
    expect(hint('unix:///run/user/1000/podman/podman.sock')).toEqual({
      hint: 'start-podman-user-service',
    });
    expect(hint('unix:///run/podman/podman.sock')).toEqual({ hint: 'start-podman-service' });
    expect(hint('unix:///run/user/1000/podman/podman.sock', 'darwin')).toEqual({
      hint: 'start-podman-machine',
    });
    expect(hint('unix:///run/user/1000/docker.sock')).toEqual({ hint: 'start-rootless-docker' });
    expect(hint('npipe:////./pipe/podman-machine-default', 'win32')).toEqual({
      hint: 'start-podman-machine',
    });
    expect(hint('tcp://build:2375')).toEqual({ hint: 'check-tcp-engine', address: 'build:2375' });
    expect(hint('ssh://me@box:2222')).toEqual({
      hint: 'check-ssh-engine',
      command: 'ssh -p 2222 me@box',
    });
  });

  it('maps EACCES and EPERM to PERMISSION_DENIED / access-denied with the platform hint', () => {
    const linux = toReclaimError(
      errnoError('EACCES', 'connect EACCES /var/run/docker.sock'),
      'unix:///var/run/docker.sock',
      'linux',
    );
    expect(linux).toMatchObject({
      code: 'PERMISSION_DENIED',
      cause: 'access-denied',
      endpoint: 'unix:///var/run/docker.sock',
      values: { hint: 'join-docker-group' },
    });
    const windows = toReclaimError(
      errnoError('EPERM', 'connect EPERM'),
      'npipe:////./pipe/docker_engine',
      'win32',
    );
    expect(windows.values).toEqual({ hint: 'join-docker-users' });
    const mac = toReclaimError(errnoError('EACCES', 'x'), 'unix:///var/run/docker.sock', 'darwin');
    expect(mac.values).toEqual({ hint: 'own-socket', socketPath: '/var/run/docker.sock' });
    const podman = toReclaimError(errnoError('EACCES', 'x'), 'unix:///run/podman/podman.sock');
    expect(podman.values).toEqual({ hint: 'use-own-podman-socket' });
  });

  it('maps ssh authentication failures to ssh-auth-failed and ssh timeouts to TIMEOUT', () => {
    const auth = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(toReclaimError(auth, 'ssh://me@server')).toMatchObject({
      code: 'PERMISSION_DENIED',
      cause: 'ssh-auth-failed',
      values: { hint: 'load-ssh-key' },
    });
    const slow = Object.assign(new Error('Timed out while waiting for handshake'), {
      level: 'client-timeout',
    });
    expect(toReclaimError(slow, 'ssh://me@server')).toMatchObject({
      code: 'TIMEOUT',
      cause: 'no-answer',
    });
  });

  it('maps ETIMEDOUT to TIMEOUT and an unknown host to ENDPOINT_INVALID', () => {
    expect(
      toReclaimError(
        errnoError('ETIMEDOUT', 'connect ETIMEDOUT 10.1.1.1:2376'),
        'tcp://10.1.1.1:2376',
      ),
    ).toMatchObject({ code: 'TIMEOUT', cause: 'no-answer', endpoint: 'tcp://10.1.1.1:2376' });
    expect(
      toReclaimError(errnoError('ENOTFOUND', 'getaddrinfo ENOTFOUND nohost'), 'tcp://nohost:2375'),
    ).toMatchObject({ code: 'ENDPOINT_INVALID', cause: 'host-unknown' });
  });

  it('maps certificate and handshake errors to TLS_FAILED, keeping the system words', () => {
    for (const [code, message] of [
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"],
      [
        'EPROTO',
        'write EPROTO 0080:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      ],
      ['ERR_OSSL_PEM_NO_START_LINE', 'error:0480006C:PEM routines::no start line'],
    ]) {
      const error = toReclaimError(errnoError(code ?? '', message ?? ''), 'tcp://engine:2376');
      expect(error, code).toMatchObject({
        code: 'TLS_FAILED',
        cause: 'tls-handshake',
        detail: message,
      });
    }
  });
});

describe('toReclaimError: the engine answered with an error', () => {
  it("maps 404 and 409 to NOT_FOUND and CONFLICT, keeping the engine's words", () => {
    const notFound = toReclaimError(
      dockerodeError(404, { message: 'No such image: nope:latest' }),
      'unix:///e.sock',
    );
    expect(notFound).toEqual({
      code: 'NOT_FOUND',
      cause: 'engine-not-found',
      detail: 'No such image: nope:latest',
      endpoint: 'unix:///e.sock',
    });
    const conflict = toReclaimError(
      dockerodeError(409, {
        message:
          'conflict: unable to delete 0123456789ab (must be forced) - image is being used by stopped container 4f2a',
      }),
    );
    expect(conflict).toMatchObject({ code: 'CONFLICT', cause: 'engine-conflict' });
    expect(conflict.detail).toContain('must be forced');
  });

  it('tells a disk usage read refused while another runs (before API 1.42) apart', () => {
    const error = toReclaimError(
      dockerodeError(500, { message: 'a disk usage operation is already running' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', cause: 'disk-usage-busy' });
  });

  it("maps any other status to ENGINE_ERROR with the status and the engine's words", () => {
    const error = toReclaimError(
      dockerodeError(500, { message: 'driver failed: disk full' }),
      'unix:///e.sock',
    );
    expect(error).toEqual({
      code: 'ENGINE_ERROR',
      cause: 'http-error',
      detail: 'driver failed: disk full',
      endpoint: 'unix:///e.sock',
      values: { status: 500 },
    });
  });

  it('recognises moby\'s "client version too old" as API_TOO_OLD with both versions', () => {
    const error = toReclaimError(
      dockerodeError(400, {
        message:
          'client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version',
      }),
    );
    expect(error).toMatchObject({
      code: 'API_TOO_OLD',
      cause: 'client-version-refused',
      values: { clientVersion: '1.41', minimum: '1.44' },
    });
  });

  it('recognises a plain request to a TLS port (Go answers 400 in plain text) as TLS_FAILED', () => {
    const body = Buffer.from('Client sent an HTTP request to an HTTPS server.\n');
    const error = toReclaimError(dockerodeError(400, body), 'tcp://engine:2376');
    expect(error).toEqual({
      code: 'TLS_FAILED',
      cause: 'plain-http-to-tls',
      endpoint: 'tcp://engine:2376',
      detail: 'Client sent an HTTP request to an HTTPS server.',
    });
  });
});

describe('toReclaimError: everything else', () => {
  it('passes ReclaimErrors and ReclaimFailures through unchanged', () => {
    const original = reclaimError('CANCELLED');
    expect(toReclaimError(new ReclaimFailure(original))).toBe(original);
    expect(toReclaimError(original)).toBe(original);
  });

  it('keeps an unknown socket error as ENGINE_ERROR and a programming error as INTERNAL', () => {
    expect(toReclaimError(errnoError('EWEIRD', 'odd'), 'unix:///e.sock')).toMatchObject({
      code: 'ENGINE_ERROR',
      cause: 'connection-failed',
      values: { errno: 'EWEIRD' },
    });
    const internal = toReclaimError(new TypeError('x is not a function'));
    expect(internal).toEqual({
      code: 'INTERNAL',
      cause: 'unexpected',
      detail: 'x is not a function',
    });
  });

  it('never words an error outside an engine call as the engine socket', () => {
    const fileError = errnoError('EACCES', "EACCES: permission denied, open 'settings.json'");
    expect(unexpectedError(fileError)).toMatchObject({ code: 'INTERNAL', cause: 'unexpected' });
  });
});

describe('no sentence of Reclaim in any mapped error', () => {
  it('carries only codes, endpoints, values and the system or engine words', () => {
    const error = toReclaimError(errnoError('ECONNREFUSED', 'connect ECONNREFUSED'), 'tcp://h:1');
    expect(Object.keys(error).sort()).toEqual(['cause', 'code', 'detail', 'endpoint', 'values']);
  });
});
