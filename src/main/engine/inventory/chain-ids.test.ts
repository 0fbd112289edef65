import { describe, expect, it } from 'vitest';
import { chainIds } from './chain-ids';
import { fixtureId, recorded } from './recorded/docker-20.10';

describe('chainIds', () => {
  it('keeps the bottom diff ID and hashes each next one onto the chain below', () => {
    const diffs = [`sha256:${'a'.repeat(64)}`, `sha256:${'b'.repeat(64)}`];
    const chains = chainIds(diffs);
    expect(chains[0]).toBe(diffs[0]);
    // sha256("sha256:aaa… sha256:bbb…"), computed independently with `sha256sum`.
    expect(chains[1]).toBe(
      'sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c',
    );
  });

  it('gives the layer IDs the engine printed as Deleted when it removed the child image', () => {
    const child = fixtureId('child');
    const removal = recorded.removals.find((r) => r.target === child);
    const layers = recorded.inspects[child]?.RootFS?.Layers ?? [];
    const deletedLayers = (removal?.output ?? '')
      .split('\n')
      .filter((line) => line.startsWith('Deleted: ') && !line.includes(child))
      .map((line) => line.slice('Deleted: '.length));
    expect(deletedLayers.length).toBe(1);
    expect(chainIds(layers).at(-1)).toBe(deletedLayers[0]);
  });

  it('is empty for an image without layers', () => {
    expect(chainIds([])).toEqual([]);
  });
});
