import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../../shared/errors';
import { formatHost, parseHost } from './host-url';

const canonical = (raw: string, tls = false) => formatHost(parseHost(raw, tls));

describe('parseHost', () => {
  it('reads the schemes the docker CLI accepts', () => {
    expect(parseHost('unix:///var/run/docker.sock')).toEqual({
      scheme: 'unix',
      path: '/var/run/docker.sock',
    });
    expect(parseHost('npipe:////./pipe/docker_engine')).toEqual({
      scheme: 'npipe',
      path: '//./pipe/docker_engine',
    });
    expect(parseHost('tcp://10.0.0.2:2376')).toEqual({
      scheme: 'tcp',
      hostname: '10.0.0.2',
      port: 2376,
    });
    expect(parseHost('ssh://me@build:2222')).toEqual({
      scheme: 'ssh',
      hostname: 'build',
      port: 2222,
      user: 'me',
    });
  });

  it('fills in what the CLI fills in', () => {
    expect(canonical('unix://')).toBe('unix:///var/run/docker.sock');
    expect(canonical('npipe://')).toBe('npipe:////./pipe/docker_engine');
    expect(canonical('tcp://engine')).toBe('tcp://engine:2375');
    expect(canonical('tcp://engine', true)).toBe('tcp://engine:2376');
    expect(canonical('tcp://:2375')).toBe('tcp://localhost:2375');
    expect(canonical('engine:4243')).toBe('tcp://engine:4243');
    expect(canonical('ssh://me@build')).toBe('ssh://me@build');
    expect(canonical('tcp://[::1]:2375')).toBe('tcp://[::1]:2375');
  });

  it('rejects what the CLI rejects, with ENDPOINT_INVALID naming the address and why', () => {
    for (const [raw, facts] of [
      ['', { cause: 'address-empty' }],
      ['http://engine:2375', { cause: 'address-scheme', values: { scheme: 'http' } }],
      ['fd://', { cause: 'address-scheme', values: { scheme: 'fd' } }],
      ['tcp://engine:port', { cause: 'address-port-not-number', subject: 'port' }],
      ['tcp://engine:70000', { cause: 'address-port-out-of-range', values: { port: 70000 } }],
      ['tcp://[::1:2375', { cause: 'address-ipv6-unclosed' }],
      ['tcp://[::1]x', { cause: 'address-after-ipv6' }],
      ['tcp://e:1/prefix', { cause: 'address-path' }],
      ['ssh://me@host/path', { cause: 'address-ssh-path' }],
      ['ssh://', { cause: 'address-ssh-no-host' }],
      ['ssh://me:pw@host', { cause: 'address-ssh-password' }],
    ] as const) {
      try {
        parseHost(raw);
        expect.unreachable(`"${raw}" should be refused`);
      } catch (error) {
        expect(error, raw).toBeInstanceOf(ReclaimFailure);
        expect((error as ReclaimFailure).error, raw).toEqual({
          code: 'ENDPOINT_INVALID',
          endpoint: raw,
          ...facts,
        });
      }
    }
  });
});
