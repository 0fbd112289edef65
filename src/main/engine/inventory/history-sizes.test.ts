import { describe, expect, it } from 'vitest';
import { layerSizesFromHistory } from './history-sizes';
import { fixtureId, recorded } from './recorded/docker-20.10';
import type { RawHistoryItem } from './raw-types';

/** History entries, written oldest first for readability; the API sends newest first. */
function history(...entries: [string, number][]): RawHistoryItem[] {
  return entries.map(([CreatedBy, Size]) => ({ CreatedBy, Size })).reverse();
}

describe('layerSizesFromHistory', () => {
  it('skips the LABEL step of a recorded legacy build and maps COPY onto the top layer', () => {
    const built = fixtureId('built');
    const inspect = recorded.inspects[built];
    const sizes = layerSizesFromHistory(
      recorded.history[built] ?? [],
      inspect?.RootFS?.Layers?.length ?? 0,
      inspect?.Size ?? 0,
    );
    expect(sizes).toEqual([1_100_000, 250_000]);
  });

  it('takes a 0-byte layer from a RUN step rather than from an ENV step', () => {
    const steps = history(
      ['ADD rootfs.tar /', 500],
      ['/bin/sh -c #(nop)  ENV A=1', 0],
      ['/bin/sh -c touch /nothing-new', 0],
      ['COPY app /app', 70],
    );
    expect(layerSizesFromHistory(steps, 3, 570)).toEqual([500, 0, 70]);
  });

  it('recognises BuildKit metadata steps, which carry no #(nop) prefix', () => {
    const steps = history(
      ['ADD rootfs.tar /', 500],
      ['LABEL a=b', 0],
      ['RUN /bin/sh -c true # buildkit', 0],
      ['CMD ["sh"]', 0],
    );
    expect(layerSizesFromHistory(steps, 2, 500)).toEqual([500, 0]);
  });

  it('refuses a mapping whose sizes do not add up to the image size', () => {
    expect(layerSizesFromHistory(history(['a', 10], ['b', 20]), 2, 31)).toBeNull();
  });

  it('refuses when the history has more sized entries than the image has layers', () => {
    expect(layerSizesFromHistory(history(['a', 10], ['b', 20]), 1, 30)).toBeNull();
  });

  it('refuses when the history is too short to give every layer an entry', () => {
    expect(layerSizesFromHistory(history(['a', 10]), 3, 10)).toBeNull();
  });
});
