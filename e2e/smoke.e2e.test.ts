/**
 * End to end: the built app in browser mode, against a private engine with the fixtures,
 * driven in Debian's Chromium. The page must show the engine as connected and the four
 * disk-usage sizes the engine itself reports.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type RendererApi } from '../src/shared/contract';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import { loadFixtures } from '../test/engine/fixtures';
import { describeEngine } from '../test/engine/gate';
import { getJson } from '../test/engine/http';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt, PRELOAD_BUNDLE } from './support/build';
import { launchChromium, type Browser } from './support/chromium';

/** The raw `GET /system/df` fields the sizes come from (legacy shape, API < 1.52). */
interface SystemDf {
  LayersSize: number;
  Containers: { SizeRw?: number }[] | null;
  Volumes: { UsageData?: { Size: number } | null }[] | null;
  BuildCache: { Size: number }[] | null;
}

/** What the page's global holds; the renderer declares it, this file is compiled without DOM types. */
declare const window: { api: RendererApi };

const CATEGORIES = ['images', 'containers', 'volumes', 'buildCache'] as const;

describeEngine('browser mode end to end (Chromium)', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    await loadFixtures(engine);
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

  it('shows the engine as connected and the engine’s own disk-usage sizes', async () => {
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

    const df = await getJson<SystemDf>(engine.socketPath, '/system/df');
    const expectedSize: Record<(typeof CATEGORIES)[number], number> = {
      images: df.LayersSize,
      containers: (df.Containers ?? []).reduce(
        (sum, container) => sum + (container.SizeRw ?? 0),
        0,
      ),
      volumes: (df.Volumes ?? []).reduce(
        (sum, volume) => sum + Math.max(volume.UsageData?.Size ?? 0, 0),
        0,
      ),
      buildCache: (df.BuildCache ?? []).reduce((sum, record) => sum + record.Size, 0),
    };
    // The fixtures make the images row meaningful: several MB, not an empty engine.
    expect(expectedSize.images).toBeGreaterThan(5_000_000);

    // The page got the browser-mode window.api, with exactly the contract's shape.
    const apiKeys = await page.evaluate(() => Object.keys(window.api).sort());
    expect(apiKeys).toEqual(
      [
        ...METHOD_NAMES,
        ...EVENT_NAMES.map((name) => `on${name[0]?.toUpperCase()}${name.slice(1)}`),
      ].sort(),
    );

    for (const category of CATEGORIES) {
      const figure = page.getByTestId(`disk-usage-${category}-size`);
      // Exact bytes ride on data-bytes; the visible text is formatted for people.
      await expect
        .poll(async () => Number(await figure.getAttribute('data-bytes')), { timeout: 15_000 })
        .toBe(expectedSize[category]);
      expect((await figure.innerText()).trim(), category).not.toBe('');
    }

    // The strict CSP must not break the UI: nothing the page needs may have been refused.
    expect(consoleLog.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual(
      [],
    );
  });
});
