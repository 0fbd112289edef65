import { describe, expect, it } from 'vitest';
import { parseReported, type ParsedReference } from '../references/reference-grammar';
import { ModelIndexes } from './model-indexes';

const ref = (text: string): ParsedReference => {
  const parsed = parseReported(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

function image(id: string, parentId: string | null, layers: string[], refs: string[] = []) {
  return { id, parentId, layers, refs: refs.map(ref) };
}

describe('the engine model’s indexes follow every change to its maps', () => {
  it('lists children in the map’s order, as a scan of the map would', () => {
    const indexes = new ModelIndexes();
    indexes.images.set('p', image('p', null, ['l1']));
    indexes.images.set('c2', image('c2', 'p', ['l1', 'l2']));
    indexes.images.set('c1', image('c1', 'p', ['l1', 'l3']));
    expect(indexes.children('p')).toEqual(['c2', 'c1']);
    // Replaced in place: keeps its place, like Map.set on an existing key.
    indexes.images.set('c2', image('c2', 'p', ['l1', 'l2']));
    expect(indexes.children('p')).toEqual(['c2', 'c1']);
    expect([...indexes.images.keys()]).toEqual(['p', 'c2', 'c1']);
    // Deleted and added again: at the end, like a Map.
    indexes.images.delete('c2');
    expect(indexes.children('p')).toEqual(['c1']);
    indexes.images.set('c2', image('c2', 'p', ['l1', 'l2']));
    expect(indexes.children('p')).toEqual(['c1', 'c2']);
    indexes.images.clear();
    expect(indexes.children('p')).toEqual([]);
  });

  it('counts holds on layers from images and containers alike', () => {
    const indexes = new ModelIndexes();
    indexes.images.set('a', image('a', null, ['base', 'a-own']));
    indexes.images.set('b', image('b', null, ['base', 'b-own', 'b-own']));
    indexes.containers.set('c', { layers: ['base', 'a-own'] });
    indexes.images.delete('a');
    expect(indexes.isHeld('a-own')).toBe(true);
    indexes.containers.delete('c');
    expect(indexes.isHeld('a-own')).toBe(false);
    expect([...indexes.heldLayers()].sort()).toEqual(['b-own', 'base']);
    indexes.images.delete('b');
    expect(indexes.heldLayers().size).toBe(0);
  });

  it('finds an image by name, and not by a name it lost in place', () => {
    const indexes = new ModelIndexes();
    const redis = image('r', null, ['l'], ['redis:7', 'redis:latest']);
    indexes.images.set('r', redis);
    expect(indexes.imageByReference(ref('docker.io/library/redis:7'))?.id).toBe('r');
    redis.refs = redis.refs.filter((r) => r.tag !== '7');
    expect(indexes.imageByReference(ref('redis:7'))).toBeUndefined();
    expect(indexes.imageByReference(ref('redis:latest'))?.id).toBe('r');
    // A name given to another image later is found on that image.
    indexes.images.set('s', image('s', null, ['m'], ['redis:7']));
    expect(indexes.imageByReference(ref('redis:7'))?.id).toBe('s');
  });
});
