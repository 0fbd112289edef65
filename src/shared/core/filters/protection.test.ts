import { describe, expect, it } from 'vitest';
import type { ImageInfo } from '../../model';
import { inventory, sha } from '../../testing/inventory-builders';
import { protectionTest } from './protection';

const [runner, redis, digestOnly] = inventory([
  {
    id: sha('6f6f'),
    tags: ['registry.local:5000/ci/runner:stable'],
    labels: { 'reclaim.protected': 'true', maintainer: 'ci' },
    layers: [['sha256:l1', 1]],
  },
  { id: sha('501a'), tags: ['redis:alpine'], layers: [['sha256:l2', 1]] },
  {
    id: sha('d1d1'),
    digests: [`team/app@sha256:${'ab'.repeat(32)}`],
    layers: [['sha256:l3', 1]],
  },
]).images as [ImageInfo, ImageInfo, ImageInfo];

describe('protectionTest', () => {
  it('protects by a reference pattern and says which one', () => {
    const test = protectionTest({ patterns: ['redis:*', 'postgres:*'], label: null });
    expect(test(redis)).toEqual({ by: 'pattern', pattern: 'redis:*', valid: true });
    expect(test(runner)).toBeNull();
  });

  it('matches patterns against digest references too', () => {
    expect(protectionTest({ patterns: ['team/*'], label: null })(digestOnly)).toEqual({
      by: 'pattern',
      pattern: 'team/*',
      valid: true,
    });
  });

  it('protects by a label key or key=value', () => {
    expect(protectionTest({ patterns: [], label: 'reclaim.protected' })(runner)).toEqual({
      by: 'label',
      label: 'reclaim.protected',
    });
    expect(protectionTest({ patterns: [], label: 'maintainer=ci' })(runner)).not.toBeNull();
    expect(protectionTest({ patterns: [], label: 'maintainer=web' })(runner)).toBeNull();
  });

  it('does not take inherited object keys for labels', () => {
    expect(protectionTest({ patterns: [], label: 'constructor' })(redis)).toBeNull();
  });

  it('never drops a malformed pattern: it keeps what its literal part could mean', () => {
    const test = protectionTest({ patterns: ['redis:[', 'registry.local:5000/ci/'], label: null });
    expect(test(redis)).toEqual({ by: 'pattern', pattern: 'redis:[', valid: false });
    expect(test(digestOnly)).toBeNull();
    // The valid pattern beside it still protects what it matches.
    expect(protectionTest({ patterns: ['[', 'redis'], label: null })(redis)).toEqual({
      by: 'pattern',
      pattern: '[',
      valid: false,
    });
    expect(protectionTest({ patterns: ['a[b', 'redis'], label: null })(redis)).toEqual({
      by: 'pattern',
      pattern: 'redis',
      valid: true,
    });
  });

  it('reads a malformed pattern conservatively: a lone [ protects every image', () => {
    const test = protectionTest({ patterns: ['['], label: null });
    for (const image of [runner, redis, digestOnly]) expect(test(image)).not.toBeNull();
  });

  it('matches the literal part of a malformed pattern against full names too', () => {
    const test = protectionTest({ patterns: ['docker.io/library/redis:\\'], label: null });
    expect(test(redis)).not.toBeNull();
    expect(test(runner)).toBeNull();
  });
});
