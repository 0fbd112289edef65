import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processesInContainers } from './cleanup';
import { startPrivateDocker, type PrivateDocker } from './dockerd';
import { addContainer, addImage, randomLayer, runnableImageSpec } from './fixture-builders';
import { imageBytesOnDisk } from './measure';

const containerd = selectedEngine().store === 'containerd';
import { containerdDigests, loadFixtures, type Fixtures } from './fixtures';
import { selectedEngine } from './engines';
import { describeEngine, describePodman } from './gate';
import { assertPrivateEndpoint } from './guard';
import { getJson } from './http';
import { buildImage } from './image-archive';
import { loadImagesIntoPodman, startPrivatePodman, type PrivatePodman } from './podman';

interface ApiImage {
  Id: string;
  ParentId: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Created: number;
  Size: number;
  Labels: Record<string, string> | null;
}

interface ApiContainer {
  Id: string;
  ImageID: string;
  State: string;
  Names: string[];
}

/** API 1.41 spells "no name" as `<none>:<none>` / `<none>@<none>`; fixtures list real names only. */
function named(references: string[] | null | undefined): string[] {
  return (references ?? []).filter((reference) => !reference.startsWith('<none>'));
}

describeEngine('private dockerd with fixtures', () => {
  let engine: PrivateDocker;
  let fx: Fixtures;
  let fixtureMs = 0;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    const started = Date.now();
    fx = await loadFixtures(engine);
    fixtureMs = Date.now() - started;
  });
  afterAll(async () => engine?.stop());

  it('keeps all its state in its own folder, reachable only through its own socket', async () => {
    const root = await engine.dockerOk(['info', '--format', '{{.DockerRootDir}}']);
    expect(root.trim()).toBe(`${engine.dir}/data`);
    expect(engine.host).toBe(`unix://${engine.dir}/docker.sock`);
    expect(engine.socketPath.length).toBeLessThan(100);
    expect(() => assertPrivateEndpoint(engine.host)).not.toThrow();
  });

  it('runs the CLI against this engine even when the environment points elsewhere', async () => {
    const saved = { host: process.env.DOCKER_HOST, context: process.env.DOCKER_CONTEXT };
    process.env.DOCKER_HOST = 'unix:///var/run/docker.sock';
    process.env.DOCKER_CONTEXT = 'some-user-context';
    try {
      const root = await engine.dockerOk(['info', '--format', '{{.DockerRootDir}}']);
      expect(root.trim()).toBe(`${engine.dir}/data`);
    } finally {
      for (const [key, value] of [
        ['DOCKER_HOST', saved.host],
        ['DOCKER_CONTEXT', saved.context],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('loads the fixtures fast enough for a beforeAll in every engine test file', () => {
    // About 2 s here; the budget leaves room for a busy CI machine.
    expect(fixtureMs).toBeLessThan(15_000);
  });

  // The Fixtures object states the classic store's figures. On the containerd store every
  // tagged image's digest is its own ID under its repository, its Size adds the content to
  // the unpacked snapshots, and `docker load` records no parent (inventory.engine.test.ts
  // checks Reclaim's reading of those against the engine).
  it('creates every fixture image exactly as the Fixtures object says', async () => {
    const images = await getJson<ApiImage[]>(engine.socketPath, '/images/json?all=1');
    const legacyBuilt = new Set([fx.built, ...fx.intermediates].map((image) => image.id));
    expect(images.map((image) => image.Id).sort()).toEqual(fx.all.map((image) => image.id).sort());
    for (const expected of fx.all) {
      const actual = images.find((image) => image.Id === expected.id);
      expect(actual, expected.id).toBeDefined();
      expect(named(actual?.RepoTags).sort(), expected.id).toEqual([...expected.tags].sort());
      expect(named(actual?.RepoDigests), expected.id).toEqual(
        containerd ? containerdDigests(expected) : expected.digests,
      );
      if (containerd) expect(actual?.Size, expected.id).toBeGreaterThan(expected.size);
      else expect(actual?.Size, expected.id).toBe(expected.size);
      expect(actual?.Created, expected.id).toBe(expected.created);
      expect(actual?.ParentId || null, expected.id).toBe(
        containerd && !legacyBuilt.has(expected.id) ? null : expected.parentId,
      );
      expect(actual?.Labels ?? {}, expected.id).toEqual(expected.labels);
    }
  });

  it('gives every fixture image the layers the Fixtures object lists', async () => {
    const out = await engine.dockerOk(['image', 'inspect', ...fx.all.map((image) => image.id)]);
    const inspected = JSON.parse(out) as { Id: string; RootFS: { Layers?: string[] } }[];
    for (const expected of fx.all) {
      const actual = inspected.find((image) => image.Id === expected.id);
      expect(actual?.RootFS.Layers ?? [], expected.id).toEqual(expected.diffIds);
    }
  });

  it('has the parent/child, two-tag, registry-digest and legacy-build relations', () => {
    expect(fx.child.parentId).toBe(fx.parent.id);
    expect(fx.multiTag.tags).toHaveLength(2);
    expect(fx.pulled.digests[0]).toMatch(
      /^127\.0\.0\.1:\d+\/reclaim-fx\/pulled@sha256:[0-9a-f]{64}$/,
    );
    expect(fx.intermediates.length).toBeGreaterThan(0);
    expect(fx.built.parentId).toBe(fx.intermediates.at(-1)?.id);
    expect(fx.built.diffIds).toHaveLength(2);
    expect(fx.built.diffIds[0]).toBe(fx.buildBase.diffIds[0]);
    expect(fx.sharedA.diffIds.slice(0, 1)).toEqual(fx.base.diffIds);
    expect(fx.sharedB.diffIds.slice(0, 1)).toEqual(fx.base.diffIds);
    expect(fx.protectedImage.labels['reclaim.protected']).toBe('true');
    expect(fx.old.created).toBeLessThan(Date.now() / 1000 - 29 * 24 * 3600);
  });

  it('lists as dangling exactly the re-pointed build, not the legacy intermediates', async () => {
    const dangling = await getJson<ApiImage[]>(
      engine.socketPath,
      `/images/json?filters=${encodeURIComponent('{"dangling":["true"]}')}`,
    );
    // The containerd store's filter also lists a tagged image holding a dangling record
    // beside its tag (the parent, loaded twice); `docker images` shows it by its tag.
    const all = await getJson<ApiImage[]>(engine.socketPath, '/images/json?all=1');
    const tagged = new Set(all.filter((i) => named(i.RepoTags).length > 0).map((i) => i.Id));
    const untagged = dangling.filter((image) => !tagged.has(image.Id));
    expect(untagged.map((image) => image.Id)).toEqual([fx.dangling.id]);
    expect(fx.all.filter((image) => image.dangling).map((image) => image.id)).toEqual([
      fx.dangling.id,
    ]);
    const topLevel = await getJson<ApiImage[]>(engine.socketPath, '/images/json');
    const intermediateIds = fx.intermediates.map((image) => image.id);
    expect(topLevel.some((image) => intermediateIds.includes(image.Id))).toBe(false);
  });

  it('runs one container and keeps one stopped, on their own images', async () => {
    const containers = await getJson<ApiContainer[]>(engine.socketPath, '/containers/json?all=1');
    const running = containers.find((c) => c.Id === fx.running.id);
    const stopped = containers.find((c) => c.Id === fx.stopped.id);
    expect(running?.State).toBe('running');
    expect(running?.ImageID).toBe(fx.runningImage.id);
    expect(stopped?.State).toBe('exited');
    expect(stopped?.ImageID).toBe(fx.stoppedImage.id);
    expect(containers).toHaveLength(2);
  });
});

describeEngine('private dockerd lifecycle', () => {
  it('stops, kills its containers and removes its folder; the guard then refuses it', async () => {
    const engine = await startPrivateDocker();
    let containerId: string | undefined;
    try {
      const image = await addImage(engine, runnableImageSpec(['lifecycle:1']));
      containerId = (await addContainer(engine, image.id, { running: true })).id;
      expect(await processesInContainers([containerId])).not.toHaveLength(0);
    } finally {
      await engine.stop();
    }
    expect(existsSync(engine.dir)).toBe(false);
    expect(containerId).toBeDefined();
    expect(await processesInContainers([containerId ?? ''])).toEqual([]);
    expect(() => assertPrivateEndpoint(engine.host)).toThrow(/Refusing/);
    await expect(engine.docker(['ps'])).rejects.toThrow(/Refusing/);
    await engine.stop();
  });
});

interface PodmanVersion {
  Components?: { Name: string }[];
}

describeEngine('generated image sizes', () => {
  // Exact on the classic store only: the containerd store counts snapshots in disk blocks
  // and adds the content, so there the removal tests compare Reclaim's estimate with the
  // measured drop instead. Each store registers only its own case.
  if (containerd) {
    it('hold their content and snapshots on the containerd store, a shared layer once', async () => {
      const engine = await startPrivateDocker();
      try {
        const base = await addImage(engine, {
          tags: ['size/base:1'],
          layers: [randomLayer({ a: 300_000 })],
        });
        const top = await addImage(engine, {
          tags: ['size/top:1'],
          from: base,
          layers: [randomLayer({ b: 120_000 })],
        });
        const before = await imageBytesOnDisk(engine);
        // Content and snapshot of each layer: at least twice the payload, once per layer.
        expect(before).toBeGreaterThanOrEqual(2 * top.size);
        expect(before).toBeLessThan(2 * top.size + 256 * 1024);
        await engine.dockerOk(['rmi', 'size/top:1']);
        const drop = before - (await imageBytesOnDisk(engine));
        expect(drop).toBeGreaterThanOrEqual(2 * (top.size - base.size));
        expect(drop).toBeLessThan(2 * (top.size - base.size) + 64 * 1024);
      } finally {
        await engine.stop();
      }
    });
    return;
  }
  it('free exactly their predicted bytes when removed, shared layers excepted', async () => {
    const engine = await startPrivateDocker();
    try {
      const base = await addImage(engine, {
        tags: ['size/base:1'],
        layers: [randomLayer({ a: 300_000 })],
      });
      const top = await addImage(engine, {
        tags: ['size/top:1'],
        from: base,
        layers: [randomLayer({ b: 120_000 })],
      });
      const before = await imageBytesOnDisk(engine);
      // top holds base's layer plus its own; the engine stores the shared layer once.
      expect(before).toBe(top.size);
      await engine.dockerOk(['rmi', 'size/top:1']);
      expect(before - (await imageBytesOnDisk(engine))).toBe(top.size - base.size);
    } finally {
      await engine.stop();
    }
  });
});

describePodman('private podman', () => {
  let podman: PrivatePodman;

  beforeAll(async () => {
    podman = await startPrivatePodman();
  });
  afterAll(async () => podman?.stop());

  it('answers /version on its own socket as Podman', async () => {
    const version = await getJson<PodmanVersion>(podman.socketPath, '/version');
    expect(version.Components?.map((component) => component.Name)).toContain('Podman Engine');
  });

  it('loads a generated image, which the Docker API then lists with a non-zero size', async () => {
    const image = await buildImage(runnableImageSpec(['podman-fx:1']), 'classic');
    await loadImagesIntoPodman(podman, [image]);
    const images = await getJson<ApiImage[]>(podman.socketPath, '/v1.41/images/json');
    const loaded = images.find((candidate) => candidate.Id === image.id);
    expect(loaded?.RepoTags).toEqual(['localhost/podman-fx:1']);
    expect(loaded?.Size).toBeGreaterThan(image.size);
  });

  it('stops and removes its folder', async () => {
    const other = await startPrivatePodman();
    await other.stop();
    expect(existsSync(other.dir)).toBe(false);
    expect(() => assertPrivateEndpoint(other.host)).toThrow(/Refusing/);
  });
});
