import { afterEach, describe, expect, it } from 'vitest';
import {
  assertPrivateEndpoint,
  isPrivateEndpoint,
  registerPrivateSocket,
  unregisterPrivateSocket,
} from './guard';

const rigSocket = '/tmp/rcl-unit/docker.sock';

describe('assertPrivateEndpoint', () => {
  afterEach(() => unregisterPrivateSocket(rigSocket));

  it('refuses the system socket in every spelling', () => {
    expect(() => assertPrivateEndpoint('unix:///var/run/docker.sock')).toThrow(/Refusing/);
    expect(() => assertPrivateEndpoint('/var/run/docker.sock')).toThrow(/Refusing/);
    expect(() => assertPrivateEndpoint('unix:/run/docker.sock')).toThrow(/Refusing/);
  });

  it('refuses DOCKER_HOST values, whatever they are', () => {
    for (const host of [
      'tcp://127.0.0.1:2375',
      'ssh://user@box',
      'npipe:////./pipe/docker_engine',
    ]) {
      expect(() => assertPrivateEndpoint(host)).toThrow(/Refusing/);
    }
    const userHost = process.env.DOCKER_HOST ?? 'unix:///run/user/1000/docker.sock';
    expect(() => assertPrivateEndpoint(userHost)).toThrow(/Refusing/);
  });

  it('accepts a socket the rig registered, only while it is registered', () => {
    expect(isPrivateEndpoint(`unix://${rigSocket}`)).toBe(false);
    registerPrivateSocket(rigSocket);
    expect(() => assertPrivateEndpoint(`unix://${rigSocket}`)).not.toThrow();
    expect(() => assertPrivateEndpoint(rigSocket)).not.toThrow();
    // A path that only looks like it (traversal) resolves elsewhere and stays refused.
    expect(() => assertPrivateEndpoint('unix:///tmp/rcl-unit/../docker.sock')).toThrow();
    unregisterPrivateSocket(rigSocket);
    expect(() => assertPrivateEndpoint(`unix://${rigSocket}`)).toThrow(/Refusing/);
  });

  it('refuses a sibling socket in the same folder', () => {
    registerPrivateSocket(rigSocket);
    expect(() => assertPrivateEndpoint('unix:///tmp/rcl-unit/other.sock')).toThrow(/Refusing/);
  });
});
