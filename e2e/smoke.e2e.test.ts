/**
 * End to end: the built app in browser mode, against a private engine with the fixtures,
 * driven in Debian's Chromium. The page must show the engine as connected and the four
 * disk-usage rows the engine itself reports: exact bytes, and the text a user reads equal to
 * what `docker system df` prints.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type RendererApi } from '../src/shared/contract';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import { loadFixtures } from '../test/engine/fixtures';
import { describeEngine } from '../test/engine/gate';
import { buildKitBuild } from '../test/engine/fixture-builders';
import { DF_CATEGORIES, expectedDiskUsageRows, shownDiskUsageRow } from './support/disk-usage-rows';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt, PRELOAD_BUNDLE } from './support/build';
import { launchChromium, type Browser } from './support/chromium';

/** What the page's global holds; the renderer declares it, this file is compiled without DOM types. */
declare const window: { api: RendererApi };

describeEngine('browser mode end to end (Chromium)', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    const fx = await loadFixtures(engine);
    // No row may be trivially 0 B: a stopped container's writable layer, a volume in use and
    // one unused, and BuildKit cache records (the rig's CLI otherwise uses the legacy builder).
    await engine.dockerOk(['volume', 'create', 'reclaim-e2e-unused']);
    await engine.dockerOk([
      ...['run', '--network', 'none', '--name', 'e2e-writer', '-v', 'reclaim-e2e-data:/data'],
      ...[fx.stoppedImage.id, '/bin/busybox', 'sh', '-c'],
      'head -c 234567 /dev/zero > /data/f; head -c 65432 /dev/zero > /rw.bin',
    ]);
    await engine.dockerOk([
      ...['run', '--rm', '--network', 'none', '-v', 'reclaim-e2e-unused:/data'],
      ...[fx.stoppedImage.id, '/bin/busybox', 'sh', '-c', 'head -c 8888 /dev/zero > /data/g'],
    ]);
    await buildKitBuild(engine, 'reclaim-e2e/cached:1', 300_000);
    web = await startBrowserMode(engine.host);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.stop();
  });

  it('builds a sandbox-ready preload: one CommonJS file that requires only electron', () => {
    const preload = readFileSync(PRELOAD_BUNDLE, 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((found) => found[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('shows the engine as connected and each disk-usage row as the engine and `docker system df` do', async () => {
    const { page, consoleLog } = browser;
    await page.goto(web.url);
    const status = page.getByTestId('engine-status');
    try {
      await expect
        .poll(async () => status.getAttribute('data-state'), { timeout: 30_000 })
        .toBe('connected');
    } catch (error) {
      throw new Error(
        `${String(error)}\npage console:\n${consoleLog.join('\n')}\nserver:\n${web.output()}`,
        { cause: error },
      );
    }

    const { rows: expected, exact } = await expectedDiskUsageRows(engine);
    // The state makes every row meaningful: several MB of images, and no empty row.
    expect(exact.images.size).toBeGreaterThan(5_000_000);
    for (const category of DF_CATEGORIES) expect(exact[category].size, category).toBeGreaterThan(0);

    // The page got the browser-mode window.api, with exactly the contract's shape.
    const apiKeys = await page.evaluate(() => Object.keys(window.api).sort());
    expect(apiKeys).toEqual(
      [
        ...METHOD_NAMES,
        ...EVENT_NAMES.map((name) => `on${name[0]?.toUpperCase()}${name.slice(1)}`),
      ].sort(),
    );

    for (const category of DF_CATEGORIES) {
      // The counts the CLI prints are the engine's own (the bytes it rounds are checked exactly).
      expect([expected[category].total, expected[category].active], category).toEqual([
        String(exact[category].total),
        String(exact[category].active),
      ]);
      await expect
        .poll(() => shownDiskUsageRow(page, category), { timeout: 15_000 })
        .toEqual(expected[category]);
    }

    // Which figure the sizes are: said on the containerd store only, and on Docker 26.1 that
    // its Images row (as `docker system df` prints it) leaves the content out.
    const note = page.getByTestId('size-basis-dashboard');
    if (engine.spec.store === 'classic') {
      expect(await note.count()).toBe(0);
    } else {
      expect(await note.innerText()).toMatch(/unpacked snapshots/);
      expect(/only the snapshots/.test(await note.innerText())).toBe(
        engine.spec.release === '26.1',
      );
    }

    // The strict CSP must not break the UI: nothing the page needs may have been refused.
    expect(consoleLog.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual(
      [],
    );
  });
});
