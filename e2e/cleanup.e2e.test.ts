/**
 * The guided cleanup end to end, in Chromium on browser mode against a private engine: one
 * click on Clean up opens the Safe review, one confirmation runs it, and the engine then
 * holds exactly what the review said would stay (the dangling image a container uses, the
 * tagged images, the build cache an image shares), with the summary's bytes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import {
  addContainer,
  addNamedImages,
  buildKitBuild,
  randomLayer,
  runnableImageSpec,
} from '../test/engine/fixture-builders';
import { describeEngine } from '../test/engine/gate';
import { buildCacheRecords, cliBuildCacheRow } from '../test/engine/measure';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt } from './support/build';
import { launchChromium, type Browser } from './support/chromium';
import { checkBothThemes } from './support/page-checks';

const REPO = 'reclaim-e2e-cl';

describeEngine('the guided cleanup in Chromium', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;
  let usedDangling: string;

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    await addNamedImages(engine, {
      old: { tags: [`${REPO}/app:1`], layers: [randomLayer({ a: 400_000 })] },
      next: { tags: [`${REPO}/app:next`], layers: [randomLayer({ b: 300_000 })] },
      used: runnableImageSpec([`${REPO}/used:1`]),
    });
    // `app:1` moves to the next build, as `docker build -t` moves it: the old one dangles.
    await engine.dockerOk(['tag', `${REPO}/app:next`, `${REPO}/app:1`]);
    await engine.dockerOk(['rmi', `${REPO}/app:next`]);
    // A dangling image a stopped container still uses: the badge names it, Safe keeps it.
    const container = await addContainer(engine, `${REPO}/used:1`, { running: false });
    await engine.dockerOk(['tag', `${REPO}/app:1`, `${REPO}/used:1`]);
    usedDangling = (await engine.dockerOk(['inspect', '-f', '{{.Image}}', container.id])).trim();
    await buildKitBuild(engine, `${REPO}/built:1`, [80_000, 20_000]);
    await engine.dockerOk(['rmi', `${REPO}/built:1`]);
    web = await startBrowserMode(engine.host);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.stop();
  });

  const dangling = async (): Promise<string[]> =>
    (await engine.dockerOk(['images', '-q', '--no-trunc', '-f', 'dangling=true']))
      .split('\n')
      .filter(Boolean);

  it('one click opens the Safe review, one confirmation runs it, and only the review’s items go', async () => {
    const { page } = browser;
    await page.goto(web.url);
    const badge = page.getByTestId('dangling-count').locator('[data-count]');
    await expect.poll(async () => badge.getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
    expect(await badge.getAttribute('data-in-use')).toBe('1');

    await page.getByTestId('clean-up').click();
    const total = page.getByTestId('cleanup-total');
    await total.waitFor();
    expect(await page.getByTestId('prune-command').innerText()).toBe('docker image prune -f');
    expect(await page.getByTestId('cache-command').innerText()).toBe('docker builder prune -f');
    const previewed = await page
      .getByTestId('prune-remove-list')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-image-id') ?? ''));
    const before = await dangling();
    expect(previewed).toEqual(before.filter((id) => id !== usedDangling));
    const cacheBefore = cliBuildCacheRow(await buildCacheRecords(engine));
    expect(await checkBothThemes(page, 'cleanup-review', 'en')).toEqual([]);

    await page.getByTestId('cleanup-confirm').click();

    const reclaimed = page.getByTestId('cleanup-reclaimed');
    await reclaimed.waitFor({ timeout: 30_000 });
    expect(await checkBothThemes(page, 'cleanup-summary', 'en')).toEqual([]);
    expect(await dangling()).toEqual([usedDangling]);
    const cacheAfter = cliBuildCacheRow(await buildCacheRecords(engine));
    expect(cacheAfter.reclaimable).toBe(0);
    // The summary's bytes are the engine's: the images run's plus the cache run's.
    const cacheFreed = cacheBefore.size - cacheAfter.size;
    expect(Number(await reclaimed.getAttribute('data-bytes'))).toBeGreaterThan(cacheFreed);
    const tags = (await engine.dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((tag) => tag !== '' && tag !== '<none>:<none>')
      .sort();
    expect(tags).toEqual([`${REPO}/app:1`, `${REPO}/used:1`]);
    await page.getByTestId('cleanup-close').click();
    await expect.poll(async () => badge.getAttribute('data-count')).toBe('0');
  });
});
