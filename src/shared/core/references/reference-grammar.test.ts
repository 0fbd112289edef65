import { describe, expect, it } from 'vitest';
import {
  familiarString,
  fullString,
  parseNormalizedNamed,
  ReferenceSyntaxError,
  withDefaultTag,
} from './reference-grammar';

const normal = (input: string): string => fullString(withDefaultTag(parseNormalizedNamed(input)));
const familiar = (input: string): string =>
  familiarString(withDefaultTag(parseNormalizedNamed(input)));

describe('reference grammar', () => {
  it('normalises familiar names onto docker.io/library with the latest tag', () => {
    expect(normal('redis')).toBe('docker.io/library/redis:latest');
    expect(normal('redis:alpine')).toBe('docker.io/library/redis:alpine');
    expect(normal('docker.io/library/redis:latest')).toBe('docker.io/library/redis:latest');
    expect(normal('index.docker.io/library/redis')).toBe('docker.io/library/redis:latest');
    expect(normal('team/app:1')).toBe('docker.io/team/app:1');
  });

  it('keeps registries with a port, a dot or localhost as the domain', () => {
    expect(normal('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000/team/app:1');
    expect(normal('localhost/app')).toBe('localhost/app:latest');
    expect(normal('ghcr.io/org/tool')).toBe('ghcr.io/org/tool:latest');
    expect(normal('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });

  it('prints the familiar form the CLI prints', () => {
    expect(familiar('docker.io/library/redis')).toBe('redis:latest');
    expect(familiar('docker.io/team/app:1')).toBe('team/app:1');
    expect(familiar('docker.io/library/team/app:1')).toBe('library/team/app:1');
    expect(familiar('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000/team/app:1');
  });

  it('parses digests and does not add a tag to them', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const ref = withDefaultTag(parseNormalizedNamed(`nginx@${digest}`));
    expect(ref.tag).toBeNull();
    expect(familiarString(ref)).toBe(`nginx@${digest}`);
  });

  it.each([
    ['', 'empty'],
    ['Redis', 'upper case'],
    ['redis:', 'empty tag'],
    ['redis:bad tag', 'space'],
    ['a'.repeat(64).replace(/a/g, 'f'), '64 hex'],
    ['nginx@sha256:abc', 'short digest'],
    ['-bad', 'leading separator'],
    ['redis::1', 'double colon'],
    ['app/', 'trailing slash'],
  ])('refuses %j (%s)', (input) => {
    expect(() => parseNormalizedNamed(input)).toThrow(ReferenceSyntaxError);
  });
});
