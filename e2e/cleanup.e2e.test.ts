/**
 * The guided cleanup end to end, in Chromium on browser mode against a private engine: one
 * click on Clean up opens the Safe review, one confirmation runs it, and the engine then
 * holds exactly what the review said would stay (the dangling image a container uses, the
 * tagged images, the build cache an image shares), with the summary's bytes. An image
 * unticked in a review stays: the total and the command follow at once, and the run leaves it.
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
  /** Each summary's reclaimed bytes, in the order the cleanups ran. */
  const reclaimedBySummary: number[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    await addNamedImages(engine, {
      old: { tags: [`${REPO}/app:1`], layers: [randomLayer({ a: 400_000 })] },
      next: { tags: [`${REPO}/app:next`], layers: [randomLayer({ b: 300_000 })] },
      used: runnableImageSpec([`${REPO}/used:1`]),
      extra1: { tags: [`${REPO}/extra:1`], layers: [randomLayer({ c: 200_000 })] },
      extra2: { tags: [`${REPO}/extra:2`], layers: [randomLayer({ d: 250_000 })] },
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
    expect(await dangling()).toEqual([usedDangling]);
    const cacheAfter = cliBuildCacheRow(await buildCacheRecords(engine));
    expect(cacheAfter.reclaimable).toBe(0);
    // The summary's bytes are the engine's: the images run's plus the cache run's.
    reclaimedBySummary.push(Number(await reclaimed.getAttribute('data-bytes')));
    const cacheFreed = cacheBefore.size - cacheAfter.size;
    expect(Number(await reclaimed.getAttribute('data-bytes'))).toBeGreaterThan(cacheFreed);
    // Before and after: the Build Cache row as the engine's own records add it up.
    const row = (column: string) =>
      page
        .getByTestId('before-after')
        .locator(`tr[data-category="buildCache"] [data-testid="${column}"] [data-bytes]`);
    expect(Number(await row('before').getAttribute('data-bytes'))).toBe(cacheBefore.size);
    await expect
      .poll(async () => Number(await row('after').getAttribute('data-bytes')), { timeout: 15_000 })
      .toBe(cacheAfter.size);
    expect(await checkBothThemes(page, 'cleanup-summary', 'en')).toEqual([]);
    const tags = (await engine.dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((tag) => tag !== '' && tag !== '<none>:<none>')
      .sort();
    expect(tags).toEqual([`${REPO}/app:1`, `${REPO}/extra:1`, `${REPO}/extra:2`, `${REPO}/used:1`]);
    await page.getByTestId('cleanup-close').click();
    await expect.poll(async () => badge.getAttribute('data-count')).toBe('0');
  });

  it('an image unticked in the review stays: the total and the command follow, the run leaves it', async () => {
    const { page } = browser;
    await page.getByTestId('clean-up').click();
    const total = page.getByTestId('cleanup-total');
    await total.waitFor();
    await page.getByTestId('cleanup-choose').click();
    await page.getByRole('radio', { name: /^Unused images/ }).check();
    await page.getByTestId('cleanup-review').click();
    await page.getByTestId('prune-remove-list').locator('li', { hasText: 'extra:2' }).waitFor();
    const bytesOf = async (): Promise<number> => Number(await total.getAttribute('data-bytes'));
    const before = await bytesOf();
    const row = page.locator('[data-testid="prune-remove-list"] li', { hasText: 'extra:2' });
    const rowBytes = Number(await row.locator('[data-bytes]').getAttribute('data-bytes'));
    expect(rowBytes).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: `Remove ${REPO}/extra:2 in this cleanup` }).uncheck();

    await expect.poll(bytesOf).toBe(before - rowBytes);
    const command = await page.getByTestId('prune-command').innerText();
    expect(command).toMatch(/^docker rmi /);
    expect(command.split(' ')).not.toContain(`${REPO}/extra:2`);
    expect(command.split(' ')).toContain(`${REPO}/extra:1`);
    expect(await checkBothThemes(page, 'cleanup-review-unticked', 'en')).toEqual([]);

    await page.getByTestId('cleanup-confirm').click();

    const reclaimed = page.getByTestId('cleanup-reclaimed');
    await reclaimed.waitFor({ timeout: 30_000 });
    reclaimedBySummary.push(Number(await reclaimed.getAttribute('data-bytes')));
    const tags = (await engine.dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((tag) => tag !== '' && tag !== '<none>:<none>')
      .sort();
    // app:1 and used:1 name one image, which no container uses: it went with both names.
    expect(tags).toEqual([`${REPO}/extra:2`]);
    await page.getByTestId('cleanup-close').click();
  });

  it('the history lists both cleanups, with the bytes their summaries said, after a restart', async () => {
    const { page } = browser;
    await web.stop({ keepData: true });
    web = await startBrowserMode(engine.host, { settingsDir: web.settingsDir });
    await page.goto(web.url);
    await page.getByTestId('nav-history').click();
    const table = page.getByTestId('history-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // Newest first: the Unused images cleanup, then the Safe one.
    expect(await rows.nth(0).innerText()).toContain('Unused images');
    expect(await rows.nth(1).innerText()).toContain('Safe');
    const bytes = await rows
      .locator('[data-testid="history-bytes"]')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-bytes'))));
    expect(bytes).toEqual([...reclaimedBySummary].reverse());
    expect(await checkBothThemes(page, 'history', 'en')).toEqual([]);
    await page.getByTestId('nav-dashboard').click();
  });
});
