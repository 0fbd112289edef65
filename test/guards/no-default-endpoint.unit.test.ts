import childProcess, { spawn as namedSpawn } from 'node:child_process';
import http from 'node:http';
import Docker from 'dockerode';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { Client as SshClient } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { isDefaultEngineSocket } from './default-endpoints';
import { DefaultEndpointRefused, refuseDockerCli } from './no-default-endpoint.setup';

const USER_SOCKET = '/var/run/docker.sock';

// The setup file is loaded for this test file by vitest.config.mts; each of these calls
// would reach the user's engine without it.
describe('no test can connect to a user engine', () => {
  it('refuses the default Docker socket through net and through http (dockerode’s path)', () => {
    expect(() => net.createConnection({ path: USER_SOCKET })).toThrow(DefaultEndpointRefused);
    expect(() => net.connect('/run/docker.sock')).toThrow(DefaultEndpointRefused);
    expect(() => http.request({ socketPath: USER_SOCKET, path: '/_ping' }).end()).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('refuses a bare net.Socket, whatever shape its connect call takes', () => {
    expect(() => new net.Socket().connect({ path: USER_SOCKET })).toThrow(DefaultEndpointRefused);
    expect(() => new net.Socket().connect(USER_SOCKET)).toThrow(DefaultEndpointRefused);
    expect(() => new net.Socket().connect(2375, '192.0.2.1')).toThrow(DefaultEndpointRefused);
    // A numeric string is a port to Node, not a path; typed callers cannot write it this way.
    const untypedConnect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
    expect(() => untypedConnect.call(new net.Socket(), '2376', '192.0.2.1')).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('refuses https and tls: over the socket and on the TLS port 2376', () => {
    expect(() => https.request({ socketPath: USER_SOCKET, path: '/_ping' }).end()).toThrow(
      DefaultEndpointRefused,
    );
    expect(() => https.request({ host: '192.0.2.1', port: 2376, path: '/' }).end()).toThrow(
      DefaultEndpointRefused,
    );
    expect(() => tls.connect({ host: '192.0.2.1', port: 2376 })).toThrow(DefaultEndpointRefused);
    expect(() => tls.connect(2376, '192.0.2.1')).toThrow(DefaultEndpointRefused);
  });

  it('refuses the docker CLI’s default TCP ports', () => {
    expect(() => net.connect({ host: '127.0.0.1', port: 2375 })).toThrow(DefaultEndpointRefused);
    expect(() => http.request({ host: '127.0.0.1', port: 2376, path: '/' }).end()).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('refuses ssh: ssh2 directly and dockerode’s ssh transport', async () => {
    expect(() => new SshClient().connect({ host: '192.0.2.1', port: 22, username: 'me' })).toThrow(
      DefaultEndpointRefused,
    );
    const docker = new Docker({ protocol: 'ssh', host: '192.0.2.1', port: 22, username: 'me' });
    await expect(docker.ping()).rejects.toThrow(DefaultEndpointRefused);
  });

  it('refuses any host off this machine, where a user’s remote engine would be', () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 4243 })).toThrow(DefaultEndpointRefused);
    expect(() => new net.Socket().connect(2222, 'nas.lan')).toThrow(DefaultEndpointRefused);
    expect(() => http.request({ host: 'engine.example', port: 8080, path: '/' }).end()).toThrow(
      DefaultEndpointRefused,
    );
    expect(process.env.DOCKER_HOST).toBeUndefined();
  });

  it('lets a private socket through to the ordinary connection error', async () => {
    const socket = new net.Socket();
    const failure = new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
    socket.connect({ path: '/tmp/rcl-guard-test-none/docker.sock' });
    expect((await failure).code).toBe('ENOENT');
  });

  it('knows the well-known sockets and lets private rig sockets through', () => {
    expect(isDefaultEngineSocket('/var/run/../run/docker.sock')).toBe(true);
    expect(isDefaultEngineSocket('/run/user/1000/podman/podman.sock')).toBe(true);
    expect(isDefaultEngineSocket('/tmp/rcl-abc123/docker.sock')).toBe(false);
  });
});

describe('no test can run the docker CLI against a user engine', () => {
  it('refuses the CLI without --host, by every launcher, named imports included', () => {
    expect(() => childProcess.spawn('docker', ['images'])).toThrow(DefaultEndpointRefused);
    expect(() => namedSpawn('/usr/bin/docker', ['rmi', 'x'])).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.execFileSync('docker', ['ps'])).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.spawnSync('docker', ['system', 'prune', '-f'])).toThrow(
      DefaultEndpointRefused,
    );
    expect(() => childProcess.execSync('docker image prune -af')).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.exec('cd /tmp && docker ps')).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.spawn('sh', ['-c', 'docker rmi busybox'])).toThrow(
      DefaultEndpointRefused,
    );
    // A --host in the line is checked for what it names, per command.
    expect(() => childProcess.execSync(`docker -H unix://${USER_SOCKET} rmi x`)).toThrow(
      DefaultEndpointRefused,
    );
    expect(() =>
      childProcess.execSync('docker ps && docker -H unix:///tmp/rcl-x/docker.sock ps'),
    ).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.spawn('bash', ['-lc', 'docker images'])).toThrow(
      DefaultEndpointRefused,
    );
    expect(() => childProcess.spawn('docker ps', { shell: true })).toThrow(DefaultEndpointRefused);
    expect(() => childProcess.spawn('/usr/bin/env', ['docker', 'ps'])).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('refuses a --host that names a user engine, a remote host or ssh', () => {
    for (const host of [
      `unix://${USER_SOCKET}`,
      'tcp://127.0.0.1:2375',
      'tcp://192.0.2.1:12345',
      'ssh://me@box',
      '',
    ]) {
      expect(() => refuseDockerCli('docker', ['--host', host, 'ps']), host).toThrow(
        DefaultEndpointRefused,
      );
    }
    expect(() => refuseDockerCli('docker', [`-H=unix://${USER_SOCKET}`, 'ps'])).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('keeps what the launchers promise: promisify(execFile) still gives stdout and stderr', async () => {
    const execFile = promisify(childProcess.execFile);
    const { stdout, stderr } = await execFile('/bin/sh', ['-c', 'echo out; echo err >&2']);
    expect([stdout, stderr]).toEqual(['out\n', 'err\n']);
    expect(() => promisify(childProcess.execFile)('docker', ['ps'])).toThrow(
      DefaultEndpointRefused,
    );
    const exec = promisify(childProcess.exec);
    expect((await exec('echo shell')).stdout).toBe('shell\n');
  });

  it('lets the rig’s private engines and `docker --version` through', () => {
    expect(() =>
      refuseDockerCli('docker', ['--host', 'unix:///tmp/rcl-abc/docker.sock', 'ps']),
    ).not.toThrow();
    expect(() => refuseDockerCli('docker', ['-H', 'tcp://127.0.0.1:41234', 'ps'])).not.toThrow();
    expect(() => refuseDockerCli('docker', ['--version'])).not.toThrow();
    expect(() => refuseDockerCli('/usr/bin/busybox', ['ls'])).not.toThrow();
  });
});
