import { describe, expect, it } from 'vitest';
import type { ContainerInfo } from '../../../shared/model';
import { mergeContainers, mergeImages } from './apply-changes';
import type { ImageRecord } from './records';

const image = (id: string, created: number, tags: string[] = []): ImageRecord => ({
  id,
  repoTags: tags,
  repoDigests: [],
  created,
  size: 1,
  labels: {},
  parentId: null,
});

const container = (id: string, state = 'running'): ContainerInfo => ({
  id,
  name: id,
  imageId: 'sha256:x',
  image: 'x',
  state,
  running: state === 'running',
  sizeRw: 0,
  created: 0,
});

describe('mergeImages', () => {
  it('on the containerd store keeps the listed Size and platforms of an image re-read by ID', () => {
    const platforms = [
      { platform: 'linux/amd64', available: true, contentBytes: 10, unpackedBytes: 12 },
      { platform: 'linux/arm64', available: false, contentBytes: 8, unpackedBytes: 0 },
    ];
    const listed = { ...image('a', 1, ['a:1', 'a:2']), size: 30, platforms };
    // The inspect after an untag: one tag fewer, and Size counting the content alone.
    const inspected = { ...image('a', 1, ['a:2']), size: 18 };
    const [kept] = mergeImages([listed], new Map([['a', inspected]]), true);
    expect(kept).toEqual({ ...inspected, size: 30, platforms });
    const [classic] = mergeImages([listed], new Map([['a', inspected]]));
    expect(classic).toEqual(inspected);
  });

  it('replaces, removes and adds by ID, newest first', () => {
    const merged = mergeImages(
      [image('a', 1, ['a:1']), image('b', 2)],
      new Map([
        ['a', image('a', 1, ['a:2'])],
        ['b', null],
        ['c', image('c', 3)],
      ]),
    );
    expect(merged.map((i) => [i.id, i.repoTags])).toEqual([
      ['c', []],
      ['a', ['a:2']],
    ]);
  });
});

describe('mergeContainers', () => {
  it('drops an asked-for container the engine no longer lists, updates the found ones', () => {
    const merged = mergeContainers(
      [container('c1'), container('c2')],
      ['c1', 'c2'],
      [container('c2', 'exited')],
    );
    expect(merged.map((c) => [c.id, c.state])).toEqual([['c2', 'exited']]);
  });

  it('keeps containers nobody asked about', () => {
    expect(mergeContainers([container('c1')], ['c9'], [container('c9')]).map((c) => c.id)).toEqual([
      'c1',
      'c9',
    ]);
  });
});
