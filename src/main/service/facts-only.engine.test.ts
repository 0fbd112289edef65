/**
 * What main sends the UI is facts, never sentences: every plan, run result, event and error
 * the service answers with, across the removal cases, prunes, a run that skips and fails,
 * bad input and a stopped engine, carries no English text meant for display. The engine's
 * own words may travel, but only in the fields that hold them verbatim (shown quoted).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { loadFixtures, type Fixtures } from '../../../test/engine/fixtures';
import { selectedEngine } from '../../../test/engine/engines';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { createReclaimService } from './create-service';
import { realEnginePort } from './engine-wiring';
import { toOutcome } from './outcome';
import type { ReclaimService } from './reclaim-service';
import { displayTextIn } from './display-text.fixture';

const containerd = selectedEngine().store === 'containerd';

describeEngine('main speaks in facts', () => {
  let engine: PrivateDocker;
  let fx: Fixtures;
  let dir: string;
  let service: ReclaimService;
  const sent: { what: string; value: unknown }[] = [];
  const record = (what: string, value: unknown): void => {
    sent.push({ what, value });
  };

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    fx = await loadFixtures(engine);
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-facts-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: () => undefined,
      engine: realEnginePort,
    });
    service.on('runProgress', (progress) => record('runProgress', progress));
    service.on('engineStatus', (status) => record('engineStatus', status));
    record('connect', await service.start({ host: engine.host }));
  });
  afterAll(async () => {
    service?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('no plan, result, event or error carries a display sentence', async () => {
    const plain = { force: false, removeStoppedContainers: false, childrenFirst: false };
    const tagOf = (image: { tags: string[] }): string => image.tags[0] ?? '';
    const removals: [string[], typeof plain][] = [
      [[tagOf(fx.multiTag)], plain],
      [[fx.multiTag.id], plain],
      [[tagOf(fx.runningImage)], plain],
      [[fx.runningImage.id], { ...plain, force: true }],
      [[tagOf(fx.stoppedImage)], plain],
      [[tagOf(fx.stoppedImage)], { ...plain, removeStoppedContainers: true }],
      [[fx.parent.id], plain],
      [[fx.parent.id], { ...plain, childrenFirst: true }],
      [[tagOf(fx.protectedImage), tagOf(fx.multiTag)], plain],
      [[tagOf(fx.multiTag), tagOf(fx.multiTag)], plain],
    ];
    for (const [inputs, options] of removals) {
      record(
        `planRemoval ${inputs.join(' ')}`,
        await toOutcome(() => service.planRemoval(inputs, options)),
      );
    }
    for (const options of [
      { all: false },
      { all: true },
      { all: true, until: '72h' },
      { all: true, label: ['reclaim.protected=true'] },
      { all: true, before: tagOf(fx.multiTag) },
    ]) {
      record(
        `planPrune ${JSON.stringify(options)}`,
        await toOutcome(() => service.planPrune(options)),
      );
    }
    // Bad input, answered before and after the engine is asked.
    for (const input of ['', 'Not A Ref', 'nope:404', 'sha256:']) {
      record(`resolve ${input}`, await toOutcome(() => service.resolveReference(input)));
    }
    record('bad until', await toOutcome(() => service.planPrune({ all: true, until: '3d' })));
    record('bad label', await toOutcome(() => service.planPrune({ all: true, label: ['=x'] })));
    record('unknown plan', await toOutcome(() => service.runPlan('no-such-plan')));

    // A run with a blocked target, a changed one and one that goes.
    const plan = await service.planRemoval(
      [tagOf(fx.runningImage), tagOf(fx.dangling) || fx.dangling.id, fx.multiTag.id],
      plain,
    );
    await engine.dockerOk(['tag', fx.multiTag.id, 'reclaim-facts/moved:1']);
    record('runPlan', await toOutcome(() => service.runPlan(plan.id)));
    record('inventory', await toOutcome(() => service.getInventory()));

    // The engine goes away: the connection error is a fact too.
    await engine.stop();
    record('connect to a stopped engine', await service.connect({ host: engine.host }));

    const offenders = sent.flatMap(({ what, value }) =>
      displayTextIn(value).map((found) => `${what}: ${found}`),
    );
    expect(offenders).toEqual([]);
    // The walk saw what it should: plans with targets and keep lists, and errors.
    // A conflict the engine would answer: by ID, a parent on the classic store; an image
    // with two tags on the containerd store, where a loaded image has no parent.
    const conflict = containerd ? 'needs-force-multiple-tags' : 'blocked-by-children';
    expect(JSON.stringify(sent)).toContain(`"outcome":"${conflict}"`);
    expect(JSON.stringify(sent)).toContain('"code":"INVALID_FILTER"');
    expect(JSON.stringify(sent)).toContain('"engineMessage"');
  });
});
