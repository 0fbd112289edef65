import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW_MS, fixtureImages } from '../../testing/inventory-fixture';
import { applyFilters, dockerImagesCommand, type ImageFilter } from './image-filters';
import { imageRows } from './image-rows';

const images = fixtureImages();
const rows = imageRows(images);
const keys = (filters: ImageFilter[]): string[] =>
  applyFilters(rows, images, filters, FIXTURE_NOW_MS).rows.map((row) => row.key);

describe('applyFilters', () => {
  it('dangling=true keeps only untagged images without children', () => {
    const kept = applyFilters(rows, images, [{ kind: 'dangling', value: 'true' }], FIXTURE_NOW_MS);
    expect(kept.rows.map((r) => r.image.dangling)).toEqual([true, true]);
    expect(kept.rows.some((r) => r.image.intermediate)).toBe(false);
  });
  it('reference matches name:tag with * not crossing a slash, and a bare name', () => {
    expect(keys([{ kind: 'reference', value: '*:latest' }])).toEqual(['nginx:latest']);
    expect(keys([{ kind: 'reference', value: 'redis' }]).sort()).toEqual([
      'redis:7-alpine',
      'redis:alpine',
    ]);
    expect(keys([{ kind: 'reference', value: 'team/*' }]).sort()).toEqual([
      'team/app-base:1',
      'team/app:1.4',
      'team/app:latest',
    ]);
  });
  it('before and since compare creation with the named image', () => {
    // mongo:8.0 is the oldest fixture image: nothing is before it.
    expect(keys([{ kind: 'before', value: 'mongo:8.0' }])).toEqual([]);
    expect(keys([{ kind: 'since', value: 'team/app-base:1' }])).toContain('team/app:1.4');
    expect(keys([{ kind: 'since', value: 'team/app-base:1' }])).not.toContain('postgres:16');
  });
  it('label and label! match key or key=value', () => {
    expect(keys([{ kind: 'label', value: 'tier=db' }])).toEqual(['mongo:8.0']);
    expect(keys([{ kind: 'label', value: 'tier' }])).toEqual(['mongo:8.0']);
    expect(keys([{ kind: 'labelNot', value: 'tier' }])).not.toContain('mongo:8.0');
  });
  it('several label! filters exclude only images matching all of them, as Docker does', () => {
    const kept = keys([
      { kind: 'labelNot', value: 'tier=db' },
      { kind: 'labelNot', value: 'maintainer' },
    ]);
    expect(kept).toContain('mongo:8.0');
    expect(kept).toContain('registry.local:5000/ci/runner:stable');
  });
  it('reports a malformed reference pattern and a label without a key', () => {
    const result = applyFilters(
      rows,
      images,
      [
        { kind: 'reference', value: 'redis:[' },
        { kind: 'label', value: '=db' },
      ],
      FIXTURE_NOW_MS,
    );
    expect(result.problems.map((p) => p.reason)).toEqual(['badReference', 'badLabel']);
  });
  it('reports a before= ID prefix that starts several image IDs', () => {
    const result = applyFilters(rows, images, [{ kind: 'before', value: '9e0' }], FIXTURE_NOW_MS);
    expect(result.problems[0]?.reason).toBe('ambiguousImage');
  });
  it('until takes a Go duration, a date or Unix seconds, and rejects 3d as Docker does', () => {
    expect(keys([{ kind: 'until', value: '2400h' }])).toEqual(['node:20', 'mongo:8.0']);
    expect(keys([{ kind: 'until', value: '2026-06-01' }])).toEqual(['mongo:8.0']);
    const bad = applyFilters(rows, images, [{ kind: 'until', value: '3d' }], FIXTURE_NOW_MS);
    expect(bad.problems).toEqual([{ filter: { kind: 'until', value: '3d' }, reason: 'badUntil' }]);
  });
  it('reports a before= image that does not exist', () => {
    const result = applyFilters(
      rows,
      images,
      [{ kind: 'before', value: 'nope:1' }],
      FIXTURE_NOW_MS,
    );
    expect(result.problems[0]?.reason).toBe('unknownImage');
  });
});

describe('dockerImagesCommand', () => {
  it('writes each filter as docker would take it, quoting globs', () => {
    expect(
      dockerImagesCommand([
        { kind: 'dangling', value: 'true' },
        { kind: 'reference', value: '*:latest' },
        { kind: 'labelNot', value: 'tier=db' },
      ]),
    ).toBe(
      "docker images --filter dangling=true --filter 'reference=*:latest' --filter label!=tier=db",
    );
  });
});
