import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContainerInfo } from '../../shared/model';
import { IMAGE_USE_FILE_NAME, ImageUseStore } from './image-use-store';

const container = (imageId: string, running: boolean, created: number): ContainerInfo => ({
  id: `${imageId}-c`,
  name: `${imageId}-c`,
  imageId,
  image: imageId,
  state: running ? 'running' : 'exited',
  running,
  sizeRw: 0,
  created,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reclaim-use-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ImageUseStore', () => {
  it('counts a running container as a use now and a stopped one at its creation, across restarts', async () => {
    const store = await ImageUseStore.open(dir);
    await store.observe(
      { containers: [container('run', true, 10), container('old', false, 20)] },
      500,
    );
    expect(store.get()).toEqual({ run: 500, old: 20 });
    // Later, the running container is gone: the use seen stays, and only moves forward.
    await store.observe({ containers: [container('old', false, 15)] }, 900);
    const reopened = await ImageUseStore.open(dir);
    expect(reopened.get()).toEqual({ run: 500, old: 20 });
  });

  it('starts empty from a damaged file, and writes a good one on the next use', async () => {
    await writeFile(path.join(dir, IMAGE_USE_FILE_NAME), '{"version":1,"seen":{"a":"x"');
    const store = await ImageUseStore.open(dir);
    expect(store.get()).toEqual({});
    await store.observe({ containers: [container('a', true, 1)] }, 7);
    const saved = JSON.parse(await readFile(path.join(dir, IMAGE_USE_FILE_NAME), 'utf8'));
    expect(saved).toEqual({ version: 1, seen: { a: 7 } });
  });
});
