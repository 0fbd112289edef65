import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import { toReclaimError } from './errors';

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

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, errno: -1, syscall: 'connect' });
}

describe('toReclaimError: reaching the engine', () => {
  it('maps a missing socket to ENGINE_NOT_RUNNING naming the endpoint', async () => {
    const missing = path.join(tmpdir(), `rcl-no-such-${process.pid}.sock`);
    const error = toReclaimError(await socketError(missing), `unix://${missing}`, 'linux');
    expect(error.code).toBe('ENGINE_NOT_RUNNING');
    expect(error.message).toContain(`unix://${missing}`);
    expect(error.endpoint).toBe(`unix://${missing}`);
    expect(error.detail).toContain('ENOENT');
  });

  it('words the fix for the engine that owns the socket', () => {
    const refused = errnoError('ECONNREFUSED', 'connect ECONNREFUSED /x');
    const fix = (host: string, platform: NodeJS.Platform = 'linux') =>
      toReclaimError(refused, host, platform).fix;
    expect(fix('unix:///var/run/docker.sock')).toContain('sudo systemctl start docker');
    expect(fix('unix:///var/run/docker.sock', 'darwin')).toContain('Docker Desktop');
    expect(fix('unix:///Users/me/.colima/default/docker.sock', 'darwin')).toContain('colima start');
    expect(fix('unix:///Users/me/.orbstack/run/docker.sock', 'darwin')).toContain('OrbStack');
    expect(fix('unix:///home/me/.rd/docker.sock')).toContain('Rancher Desktop');
    expect(fix('unix:///Users/me/.docker/run/docker.sock', 'darwin')).toContain('Docker Desktop');
    expect(fix('unix:///run/user/1000/podman/podman.sock')).toContain(
      'systemctl --user start podman.socket',
    );
    expect(fix('unix:///run/user/1000/docker.sock')).toContain('systemctl --user start docker');
    expect(fix('npipe:////./pipe/docker_engine', 'win32')).toContain('Docker Desktop');
    expect(fix('npipe:////./pipe/podman-machine-default', 'win32')).toContain(
      'podman machine start',
    );
    expect(fix('tcp://build:2375')).toContain('build:2375');
    expect(toReclaimError(refused, 'unix:///x.sock', 'linux').message).toContain(
      'nothing is listening',
    );
  });

  it('maps EACCES to PERMISSION_DENIED with the docker-group fix on Linux', () => {
    const error = toReclaimError(
      errnoError('EACCES', 'connect EACCES /var/run/docker.sock'),
      'unix:///var/run/docker.sock',
      'linux',
    );
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('unix:///var/run/docker.sock');
    expect(error.fix).toContain('sudo usermod -aG docker $USER');
    expect(error.fix).toContain('log out');
    const windows = toReclaimError(
      errnoError('EPERM', 'connect EPERM'),
      'npipe:////./pipe/docker_engine',
      'win32',
    );
    expect(windows.fix).toContain('docker-users');
  });

  it('maps ssh authentication failures to PERMISSION_DENIED and ssh timeouts to TIMEOUT', () => {
    const auth = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(toReclaimError(auth, 'ssh://me@server').code).toBe('PERMISSION_DENIED');
    expect(toReclaimError(auth, 'ssh://me@server').fix).toContain('ssh-add');
    const slow = Object.assign(new Error('Timed out while waiting for handshake'), {
      level: 'client-timeout',
    });
    expect(toReclaimError(slow, 'ssh://me@server').code).toBe('TIMEOUT');
  });

  it('maps ETIMEDOUT to TIMEOUT and an unknown host to ENDPOINT_INVALID', () => {
    expect(
      toReclaimError(
        errnoError('ETIMEDOUT', 'connect ETIMEDOUT 10.1.1.1:2376'),
        'tcp://10.1.1.1:2376',
      ).code,
    ).toBe('TIMEOUT');
    expect(
      toReclaimError(errnoError('ENOTFOUND', 'getaddrinfo ENOTFOUND nohost'), 'tcp://nohost:2375')
        .code,
    ).toBe('ENDPOINT_INVALID');
  });

  it('maps certificate and handshake errors to TLS_FAILED', () => {
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
      expect(error.code, code).toBe('TLS_FAILED');
      expect(error.detail, code).toBe(message);
    }
  });
});

describe('toReclaimError: the engine answered with an error', () => {
  it("maps 404 and 409 to NOT_FOUND and CONFLICT, keeping the engine's words", () => {
    const notFound = toReclaimError(
      dockerodeError(404, { message: 'No such image: nope:latest' }),
      'unix:///e.sock',
    );
    expect(notFound).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'No such image: nope:latest',
      endpoint: 'unix:///e.sock',
    });
    const conflict = toReclaimError(
      dockerodeError(409, {
        message:
          'conflict: unable to delete 0123456789ab (must be forced) - image is being used by stopped container 4f2a',
      }),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.detail).toContain('must be forced');
  });

  it("maps any other status to ENGINE_ERROR with the engine's message in detail", () => {
    const error = toReclaimError(
      dockerodeError(500, { message: 'driver failed: disk full' }),
      'unix:///e.sock',
    );
    expect(error).toMatchObject({ code: 'ENGINE_ERROR', detail: 'driver failed: disk full' });
    expect(error.message).toContain('500');
  });

  it('recognises moby\'s "client version too old" as API_TOO_OLD', () => {
    const error = toReclaimError(
      dockerodeError(400, {
        message:
          'client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version',
      }),
    );
    expect(error.code).toBe('API_TOO_OLD');
    expect(error.message).toContain('1.44');
  });

  it('recognises a plain request to a TLS port (Go answers 400 in plain text) as TLS_FAILED', () => {
    const body = Buffer.from('Client sent an HTTP request to an HTTPS server.\n');
    const error = toReclaimError(dockerodeError(400, body), 'tcp://engine:2376');
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fix).toContain('DOCKER_TLS_VERIFY');
  });
});

describe('toReclaimError: everything else', () => {
  it('passes ReclaimErrors and ReclaimFailures through unchanged', () => {
    const original = reclaimError('CANCELLED', 'Stopped.', 'Run it again.');
    expect(toReclaimError(new ReclaimFailure(original))).toBe(original);
    expect(toReclaimError(original)).toBe(original);
  });

  it('keeps an unknown socket error as ENGINE_ERROR and a programming error as INTERNAL', () => {
    expect(toReclaimError(errnoError('EWEIRD', 'odd'), 'unix:///e.sock').code).toBe('ENGINE_ERROR');
    const internal = toReclaimError(new TypeError('x is not a function'));
    expect(internal).toMatchObject({ code: 'INTERNAL', detail: 'x is not a function' });
  });
});
