import { describe, expect, it } from 'vitest';
import { fixtureImages } from '../../testing/inventory-fixture';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { badgesFor, protectedBySettings } from './image-badges';
import { bytesFreedBySelection, imageRows } from './image-rows';
import { searchRows, sortRows } from './image-sort';

const images = fixtureImages();
const rows = imageRows(images);
const byTag = (tag: string) => images.find((i) => i.repoTags.includes(tag))!;

describe('imageRows', () => {
  it('lists one row per tag and one <none> row per untagged image, like docker images', () => {
    const tagCount = images.reduce((n, i) => n + Math.max(1, i.repoTags.length), 0);
    expect(rows).toHaveLength(tagCount);
    const nginx = rows.find((r) => r.key === 'nginx:latest');
    expect(nginx?.digest).toMatch(/^sha256:b4f0/);
    expect(rows.filter((r) => r.tag === null).every((r) => r.key.startsWith('sha256:'))).toBe(true);
  });
  it('counts an image as freed only when every tag of it is selected', () => {
    const redis = byTag('redis:alpine');
    expect(bytesFreedBySelection(rows, new Set(['redis:alpine']))).toBe(0);
    expect(bytesFreedBySelection(rows, new Set(['redis:alpine', 'redis:7-alpine']))).toBe(
      redis.uniqueSize,
    );
  });
});

describe('sortRows and searchRows', () => {
  it('sorts by size descending and by repository ascending', () => {
    const bySize = sortRows(rows, { column: 'size', descending: true });
    expect(bySize[0]?.key).toBe('node:20');
    const byName = sortRows(rows, { column: 'repository', descending: false });
    expect(byName[0]?.repository).toBe('mongo');
  });
  it('finds by part of a tag or of the ID', () => {
    expect(
      searchRows(rows, 'ALPINE')
        .map((r) => r.key)
        .sort(),
    ).toEqual(['redis:7-alpine', 'redis:alpine']);
    expect(searchRows(rows, '9e01').map((r) => r.image.id)).toEqual([images[5]?.id]);
  });
});

describe('badgesFor', () => {
  it('marks the newest N of a repository protected when the setting asks, ranked over all images', () => {
    const base = byTag('nginx:latest');
    const older = {
      ...base,
      id: `${base.id}-old`,
      repoTags: ['web:1'],
      created: base.created - 100,
    };
    const newer = { ...base, id: `${base.id}-new`, repoTags: ['web:2'], created: base.created };
    const settings = { ...DEFAULT_SETTINGS, protectedLabel: null, protectedNewest: 1 };
    const isProtected = protectedBySettings(settings, [older, newer, ...images]);
    const kinds = (image: typeof base) => badgesFor(image, isProtected).map((b) => b.kind);
    expect(kinds(newer)).toContain('protected');
    expect(kinds(older)).not.toContain('protected');
    // Off, neither is.
    expect(
      badgesFor(
        newer,
        protectedBySettings({ ...settings, protectedNewest: 0 }, [older, newer]),
      ).map((b) => b.kind),
    ).not.toContain('protected');
  });
  it('names the containers of in-use images and marks protected ones', () => {
    expect(
      badgesFor(byTag('nginx:latest'), protectedBySettings(DEFAULT_SETTINGS, [])),
    ).toContainEqual({
      kind: 'running',
      tone: 'ok',
      names: ['web'],
    });
    expect(
      badgesFor(byTag('postgres:16'), protectedBySettings(DEFAULT_SETTINGS, [])),
    ).toContainEqual({
      kind: 'stopped',
      tone: 'info',
      names: ['old-db'],
    });
    const runner = badgesFor(
      byTag('registry.local:5000/ci/runner:stable'),
      protectedBySettings(DEFAULT_SETTINGS, []),
    ).map((b) => b.kind);
    expect(runner).toEqual(['unused', 'protected']);
  });
  it('shows several tags, children, dangling, and protection by pattern', () => {
    const kinds = badgesFor(
      byTag('team/app-base:1'),
      protectedBySettings({ protectedPatterns: ['team/*'], protectedLabel: null }, []),
    ).map((b) => b.kind);
    expect(kinds).toEqual(['unused', 'children', 'protected']);
    expect(
      badgesFor(byTag('redis:alpine'), protectedBySettings(DEFAULT_SETTINGS, [])).map(
        (b) => b.kind,
      ),
    ).toContain('tags');
    const dangling = images.find((i) => i.dangling)!;
    expect(
      badgesFor(dangling, protectedBySettings(DEFAULT_SETTINGS, [])).map((b) => b.kind),
    ).toEqual(['dangling']);
  });
});
