import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import { buildImage, writeImageArchive } from './image-archive';
import { buildLayer } from './layer-tar';

async function entriesOf(tar: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const reader = extract();
  reader.end(tar);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(Buffer.from(chunk as Uint8Array));
    entries.set(entry.header.name, Buffer.concat(chunks));
  }
  return entries;
}

describe('generated layers', () => {
  it('are byte-identical for the same spec and seed, and differ for another seed', async () => {
    const spec = { seed: 7, files: [{ path: 'data/a.bin', size: 10_000 }] };
    const [one, two, other] = await Promise.all([
      buildLayer(spec),
      buildLayer(spec),
      buildLayer({ ...spec, seed: 8 }),
    ]);
    expect(one.diffId).toBe(two.diffId);
    expect(one.diffId).not.toBe(other.diffId);
    expect(one.diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('report the size overlay2 counts: file and symlink bytes, not directories or headers', async () => {
    const layer = await buildLayer({
      seed: 1,
      files: [
        { path: 'x/one.bin', size: 1234 },
        { path: 'two.txt', content: 'hello' },
        { path: 'link', symlinkTo: 'two.txt' },
      ],
    });
    expect(layer.size).toBe(1234 + 5 + 'two.txt'.length);
    const names = [...(await entriesOf(layer.tar)).keys()];
    expect(names).toEqual(['x/', 'x/one.bin', 'two.txt', 'link']);
  });
});

describe('generated images', () => {
  it('take their ID from the config bytes and inherit layers, history and labels from `from`', async () => {
    const base = await buildImage({
      tags: ['base:1'],
      labels: { team: 'a' },
      layers: [{ seed: 1, files: [{ path: 'a', size: 100 }] }],
      created: new Date('2025-01-01T00:00:00Z'),
    });
    const child = await buildImage({
      tags: ['child:1'],
      from: base,
      recordParent: true,
      labels: { tier: 'b' },
      layers: [{ seed: 2, files: [{ path: 'b', size: 50 }] }],
    });
    expect(base.id).toBe(`sha256:${createHash('sha256').update(base.config).digest('hex')}`);
    expect(child.layers.map((l) => l.diffId).slice(0, 1)).toEqual(base.layers.map((l) => l.diffId));
    expect(child.history.slice(0, base.history.length)).toEqual(base.history);
    expect(child.history).toHaveLength(base.history.length + 1);
    expect(child.labels).toEqual({ team: 'a', tier: 'b' });
    expect(child.size).toBe(150);
    const config = JSON.parse(base.config.toString('utf8')) as { created: string };
    expect(config.created).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuse a recorded Parent that docker load would reject', async () => {
    const base = await buildImage({ layers: [{ seed: 1, files: [{ path: 'a', size: 1 }] }] });
    const twoLayers = [1, 2].map((seed) => ({ seed, files: [{ path: `f${seed}`, size: 1 }] }));
    await expect(buildImage({ from: base, recordParent: true, layers: twoLayers })).rejects.toThrow(
      /at most one new layer/,
    );
    await expect(buildImage({ recordParent: true, layers: [] })).rejects.toThrow(/needs `from`/);
  });

  it('write a docker-save archive whose manifest links child to parent and stores shared layers once', async () => {
    const base = await buildImage({
      tags: ['b:1'],
      layers: [{ seed: 3, files: [{ path: 'a', size: 10 }] }],
    });
    const child = await buildImage({
      tags: ['c:1'],
      from: base,
      recordParent: true,
      layers: [{ seed: 4, files: [{ path: 'b', size: 10 }] }],
    });
    // Only the child is asked for: the parent must travel with it for docker load to link them.
    const entries = await entriesOf(await writeImageArchive([child]));
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '[]') as {
      Config: string;
      RepoTags: string[] | null;
      Layers: string[];
      Parent?: string;
    }[];
    expect(manifest.map((item) => item.RepoTags)).toEqual([['b:1'], ['c:1']]);
    expect(manifest[1]?.Parent).toBe(base.id);
    expect(manifest[1]?.Layers[0]).toBe(manifest[0]?.Layers[0]);
    const layerTars = [...entries.keys()].filter((name) => name.endsWith('/layer.tar'));
    expect(layerTars).toHaveLength(2);
    expect(entries.get(`${child.id.slice(7)}.json`)).toEqual(child.config);
  });
});
