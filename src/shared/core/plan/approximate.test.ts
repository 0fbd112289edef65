import { describe, expect, it } from 'vitest';
import { inventory, sha, testEngineInfo, testStamp } from '../../testing/inventory-builders';
import { planPrune } from './prune';
import { planRemoval } from './removal';

/** Tests of other behaviour run with nothing protected. */
const unprotected = { patterns: [], label: null };

const plain = { force: false, removeStoppedContainers: false, childrenFirst: false };
const noProtection = { patterns: [], label: null };
const classic = inventory([
  { id: sha('aaa1'), tags: ['a:1'], layers: [['sha256:la', 100]] },
  { id: sha('bbb2'), layers: [['sha256:lb', 200]] },
]);
const containerd = { ...classic, engine: testEngineInfo({ imageStore: 'containerd' }) };

describe('plans on the containerd image store', () => {
  it('say their bytes are estimated, and a prune with until that its selection is', () => {
    const removal = planRemoval(containerd, ['a:1'], plain, unprotected, testStamp());
    const prune = planPrune(containerd, { all: true }, noProtection, testStamp(0));
    const until = planPrune(containerd, { all: true, until: '1h' }, noProtection, testStamp(0));
    expect(removal.approximate).toBe('containerd-bytes');
    expect(prune.approximate).toBe('containerd-bytes');
    expect(until.approximate).toBe('containerd-until');
  });

  it('are exact (no mark) on the classic store', () => {
    expect(
      planRemoval(classic, ['a:1'], plain, unprotected, testStamp()).approximate,
    ).toBeUndefined();
    expect(
      planPrune(classic, { all: true }, noProtection, testStamp(0)).approximate,
    ).toBeUndefined();
  });
});
