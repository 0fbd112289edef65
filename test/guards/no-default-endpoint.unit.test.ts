import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { isDefaultEngineSocket } from './default-endpoints';
import { DefaultEndpointRefused } from './no-default-endpoint.setup';

// The setup file is loaded for this test file by vitest.config.mts; these calls would reach
// the user's engine without it.
describe('no test can connect to a user engine', () => {
  it('refuses the default Docker socket through net and through http (dockerode’s path)', () => {
    expect(() => net.createConnection({ path: '/var/run/docker.sock' })).toThrow(
      DefaultEndpointRefused,
    );
    expect(() => net.connect('/run/docker.sock')).toThrow(DefaultEndpointRefused);
    expect(() =>
      http.request({ socketPath: '/var/run/docker.sock', path: '/_ping' }).end(),
    ).toThrow(DefaultEndpointRefused);
  });

  it('refuses the docker CLI’s default TCP ports', () => {
    expect(() => net.connect({ host: '127.0.0.1', port: 2375 })).toThrow(DefaultEndpointRefused);
    expect(() => http.request({ host: '127.0.0.1', port: 2376, path: '/' }).end()).toThrow(
      DefaultEndpointRefused,
    );
  });

  it('knows the well-known sockets and lets private rig sockets through', () => {
    expect(isDefaultEngineSocket('/var/run/../run/docker.sock')).toBe(true);
    expect(isDefaultEngineSocket('/run/user/1000/podman/podman.sock')).toBe(true);
    expect(isDefaultEngineSocket('/tmp/rcl-abc123/docker.sock')).toBe(false);
  });
});
