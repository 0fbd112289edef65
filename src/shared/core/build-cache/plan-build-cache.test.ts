import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../errors';
import type { BuildCacheInfo } from '../../model';
import { inventory, testEngineInfo, testStamp } from '../../testing/inventory-builders';
import { builderPruneCommand, planBuildCachePrune } from './plan-build-cache';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3600;

function record(id: string, overrides: Partial<BuildCacheInfo> = {}): BuildCacheInfo {
  return {
    id,
    type: 'regular',
    description: `record ${id}`,
    size: 1000,
    inUse: false,
    shared: false,
    lastUsed: NOW / 1000 - 100 * HOUR,
    parents: [],
    ...overrides,
  };
}

function plan(records: BuildCacheInfo[], options: { all: boolean; until?: string }) {
  return planBuildCachePrune({ ...inventory([]), buildCache: records }, options, testStamp(NOW));
}

const ids = (list: { id: string }[]): string[] => list.map((r) => r.id);

describe('planBuildCachePrune', () => {
  it('without -a, keeps records in use, shared ones and BuildKit internal and frontend ones', () => {
    const result = plan(
      [
        record('free', { size: 300 }),
        record('busy', { inUse: true }),
        record('layer', { shared: true }),
        record('inner', { type: 'internal' }),
        record('front', { type: 'frontend' }),
        record('source', { type: 'source.local', size: 31 }),
      ],
      { all: false },
    );
    expect(ids(result.remove)).toEqual(['free', 'source']);
    expect(result.bytesFreed).toBe(331);
    expect(result.keep.map((k) => [k.id, k.reason])).toEqual([
      ['busy', 'in-use'],
      ['layer', 'shared'],
      ['inner', 'internal'],
      ['front', 'internal'],
    ]);
    expect(result.command).toBe('docker builder prune -f');
  });

  it('with -a, takes shared and internal records too, never one in use', () => {
    const result = plan(
      [
        record('busy', { inUse: true }),
        record('layer', { shared: true }),
        record('inner', { type: 'internal' }),
      ],
      { all: true },
    );
    expect(ids(result.remove)).toEqual(['layer', 'inner']);
    expect(result.keep.map((k) => k.reason)).toEqual(['in-use']);
    // The shared record's data stays with its image: only the internal one frees bytes.
    expect(result.bytesFreed).toBe(1000);
  });

  it('until keeps records used within it; a record never used has no time to keep', () => {
    const result = plan(
      [
        record('old', { lastUsed: NOW / 1000 - 25 * HOUR }),
        record('recent', { lastUsed: NOW / 1000 - 23 * HOUR }),
        record('never', { lastUsed: null }),
      ],
      { all: false, until: '24h' },
    );
    expect(ids(result.remove)).toEqual(['old', 'never']);
    expect(result.keep).toMatchObject([{ id: 'recent', reason: 'too-new' }]);
    expect(result.command).toBe('docker builder prune -f --filter until=24h');
  });

  it('a parent goes only with all its children, and after them', () => {
    const result = plan(
      [
        record('base'),
        record('mid', { parents: ['base'] }),
        record('top', { parents: ['mid'] }),
        record('solo-parent'),
        record('busy-child', { parents: ['solo-parent'], inUse: true }),
      ],
      { all: false },
    );
    expect(ids(result.remove)).toEqual(['top', 'mid', 'base']);
    expect(result.keep).toMatchObject([
      { id: 'solo-parent', reason: 'parent-of-kept', child: 'busy-child' },
      { id: 'busy-child', reason: 'in-use' },
    ]);
  });

  it('a kept grandchild keeps the whole chain under it', () => {
    const result = plan(
      [record('a'), record('b', { parents: ['a'] }), record('c', { parents: ['b'], shared: true })],
      { all: false },
    );
    expect(result.remove).toEqual([]);
    expect(result.keep.map((k) => [k.id, k.reason])).toEqual([
      ['a', 'parent-of-kept'],
      ['b', 'parent-of-kept'],
      ['c', 'shared'],
    ]);
  });

  it('refuses an until that is not a Go duration (build cache takes no dates), or a negative one', () => {
    for (const until of ['2024-01-01', '3d', '-2h', '']) {
      expect(() => plan([record('x')], { all: false, until })).toThrow(ReclaimFailure);
    }
    const thrown = ((): unknown => {
      try {
        plan([], { all: false, until: '3d' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ReclaimFailure);
    expect((thrown as ReclaimFailure).error).toMatchObject({
      code: 'INVALID_FILTER',
      cause: 'cache-until-invalid',
      subject: '3d',
    });
  });

  it('words the CLI command with every option', () => {
    expect(builderPruneCommand({ all: true, until: '1h30m' })).toBe(
      'docker builder prune -a -f --filter until=1h30m',
    );
  });

  it('an unticked record stays with its parents, and the command names each record that goes', () => {
    const records = [
      record('base', { size: 100 }),
      record('step', { size: 200, parents: ['base'] }),
      record('other', { size: 400 }),
    ];
    const result = planBuildCachePrune(
      { ...inventory([]), buildCache: records },
      { all: true, until: '24h' },
      testStamp(NOW),
      ['step'],
    );
    expect(ids(result.remove)).toEqual(['other']);
    expect(result.keep.map((r) => [r.id, r.reason])).toEqual([
      ['base', 'parent-of-kept'],
      ['step', 'unticked'],
    ]);
    expect(result.bytesFreed).toBe(400);
    expect(result.command).toBe(
      'for id in other; do docker builder prune -a -f --filter until=24h --filter id=$id; done',
    );
  });

  it('every record unticked leaves no command; one already kept for its own reason keeps it', () => {
    const result = planBuildCachePrune(
      { ...inventory([]), buildCache: [record('busy', { inUse: true }), record('free')] },
      { all: false },
      testStamp(NOW),
      ['busy', 'free'],
    );
    expect(result.keep.map((r) => [r.id, r.reason])).toEqual([
      ['busy', 'in-use'],
      ['free', 'unticked'],
    ]);
    expect(result).toMatchObject({ remove: [], bytesFreed: 0, command: '' });
  });

  it('an empty cache plans nothing and frees nothing', () => {
    expect(plan([], { all: true })).toMatchObject({ remove: [], keep: [], bytesFreed: 0 });
  });
});

describe('planBuildCachePrune with --keep-storage', () => {
  const at = (hoursAgo: number) => 1_700_000_000 - hoursAgo * 3600;
  const rec = (id: string, size: number, lastUsed: number | null, more = {}): BuildCacheInfo => ({
    id,
    type: 'regular',
    description: id,
    size,
    inUse: false,
    shared: false,
    lastUsed,
    parents: [],
    ...more,
  });
  const engine = testEngineInfo();

  it('removes the least recently used first until the cache holds at most the size', () => {
    const records = [
      rec('new', 300, at(1)),
      rec('mid', 300, at(10)),
      rec('old', 300, at(100)),
      rec('never', 100, null),
      rec('busy', 500, at(200), { inUse: true }),
    ];
    // 1500 held; keep 900: never (100) and old (300) go, then 1100 > 900: mid goes too.
    const plan = planBuildCachePrune(
      { engine, buildCache: records },
      { all: false, keepStorage: 900 },
      { id: 'p', createdAt: 1_700_000_000_000 },
    );
    expect(plan.remove.map((r) => r.id).sort()).toEqual(['mid', 'never', 'old']);
    expect(plan.keep.map((r) => [r.id, r.reason])).toEqual([
      ['new', 'within-size'],
      ['busy', 'in-use'],
    ]);
    expect(plan.bytesFreed).toBe(700);
    expect(plan.command).toMatch(/^for id in /);
  });

  it('removes nothing when the cache already fits, and a parent only after its child', () => {
    const records = [rec('child', 100, at(1), { parents: ['parent'] }), rec('parent', 100, at(50))];
    const fits = planBuildCachePrune(
      { engine, buildCache: records },
      { all: false, keepStorage: 1000 },
      { id: 'p', createdAt: 1_700_000_000_000 },
    );
    expect(fits.remove).toEqual([]);
    // Keep 150: the parent is the older, but it can go only after its child: the child goes.
    const half = planBuildCachePrune(
      { engine, buildCache: records },
      { all: false, keepStorage: 150 },
      { id: 'p', createdAt: 1_700_000_000_000 },
    );
    expect(half.remove.map((r) => r.id)).toEqual(['child']);
    expect(half.keep.map((r) => [r.id, r.reason])).toEqual([['parent', 'within-size']]);
  });

  it('takes a child before its parent to reach the size, whatever order the engine lists them', () => {
    const records = [
      rec('d', 100, at(100)),
      rec('p', 100, at(50)),
      rec('c', 100, at(50), { parents: ['p'] }),
    ];
    // Keep 100: d, then c (p's only child), reach it; p stays within the size.
    const plan = planBuildCachePrune(
      { engine, buildCache: records },
      { all: false, keepStorage: 100 },
      { id: 'p', createdAt: 1_700_000_000_000 },
    );
    expect(plan.remove.map((r) => r.id).sort()).toEqual(['c', 'd']);
    expect(plan.bytesFreed).toBe(200);
  });
});
