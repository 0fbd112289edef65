/**
 * More of the guided cleanup end to end, in Chromium on browser mode against a private
 * engine: the CI/CD preset takes the image older than 72 hours and leaves the newer one; a
 * run stopped in the middle leaves a consistent engine and says so; "everything unused"
 * (in 简体中文) removes the stopped container and only the volume the user ticked; the
 * disk-space watch, once on, offers the Safe review.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import {
  addImages,
  addNamedImages,
  buildKitBuild,
  randomLayer,
  runnableImageSpec,
} from '../test/engine/fixture-builders';
import { selectedEngine } from '../test/engine/engines';
import { describeEngine } from '../test/engine/gate';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt } from './support/build';
import { launchChromium, type Browser } from './support/chromium';
import { checkBothThemes } from './support/page-checks';
import { chooseLanguage } from './user-path-support';

const REPO = 'reclaim-e2e-st';
const DAY_MS = 86_400_000;
const BULK = 40;

describeEngine('cleanup strategies in Chromium', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    const at = (msAgo: number): Date => new Date(Date.now() - msAgo);
    await addNamedImages(engine, {
      old: {
        tags: [`${REPO}/old:1`],
        layers: [randomLayer({ o: 300_000 })],
        created: at(10 * DAY_MS),
      },
      fresh: {
        tags: [`${REPO}/fresh:1`],
        layers: [randomLayer({ f: 200_000 })],
        created: at(3_600_000),
      },
      used: runnableImageSpec([`${REPO}/used:1`], { created: at(30 * DAY_MS) }),
    });
    await addImages(
      engine,
      Array.from({ length: BULK }, (_, index) => ({
        tags: [`${REPO}/bulk:${index}`],
        layers: [randomLayer({ [`b${index}`]: 20_000 })],
        created: at(3_600_000),
      })),
    );
    for (const name of ['data', 'spare'])
      await engine.dockerOk(['volume', 'create', `${REPO}-${name}`]);
    // Data in the volume the test ticks: its bytes join the total.
    await engine.dockerOk([
      'run',
      '--rm',
      '--network',
      'none',
      '-v',
      `${REPO}-data:/data`,
      `${REPO}/used:1`,
      '/bin/busybox',
      'dd',
      'if=/dev/zero',
      'of=/data/blob',
      'bs=1024',
      'count=300',
    ]);
    await engine.dockerOk([
      'create',
      '--network',
      'none',
      '--name',
      `${REPO}-stopped`,
      '-v',
      `${REPO}-data:/data`,
      `${REPO}/used:1`,
      '/bin/busybox',
      'true',
    ]);
    web = await startBrowserMode(engine.host);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.stop();
  });

  const tags = async (): Promise<string[]> =>
    (await engine.dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((tag) => tag !== '' && tag !== '<none>:<none>');
  const exists = async (kind: 'container' | 'volume', name: string): Promise<boolean> =>
    (await engine.docker([kind, 'inspect', name])).code === 0;

  async function openStrategy(name: RegExp): Promise<void> {
    const { page } = browser;
    await page.getByTestId('clean-up').click();
    await page.getByTestId('cleanup-total').waitFor();
    await page.getByTestId('cleanup-choose').click();
    await page.getByRole('radio', { name }).check();
  }

  it('the CI/CD preset: the image older than 72 hours goes, the newer one stays', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await openStrategy(/^Older than/);
    expect(await page.getByTestId('older-than-hours').inputValue()).toBe('72');
    expect(await checkBothThemes(page, 'cleanup-choose', 'en')).toEqual([]);
    await page.getByTestId('cleanup-review').click();
    const list = page.getByTestId('prune-remove-list');
    await list.waitFor();
    expect(await list.innerText()).toContain(`${REPO}/old:1`);
    expect(await list.innerText()).not.toContain(`${REPO}/fresh:1`);
    await page.getByTestId('cleanup-confirm').click();
    await page.getByTestId('cleanup-reclaimed').waitFor({ timeout: 30_000 });
    const left = await tags();
    expect(left).not.toContain(`${REPO}/old:1`);
    expect(left).toContain(`${REPO}/fresh:1`);
    expect(left).toContain(`${REPO}/used:1`);
    await page.getByTestId('cleanup-close').click();
  });

  it('stopped in the middle: the summary says so, and the engine holds exactly what did not run', async () => {
    const { page } = browser;
    await openStrategy(/^Unused images/);
    await page.getByTestId('cleanup-review').click();
    await page.getByTestId('prune-remove-list').waitFor();
    const planned = await page
      .getByTestId('prune-remove-list')
      .locator('li')
      .evaluateAll((items) => items.length);
    expect(planned).toBe(BULK + 1);
    await page.getByTestId('cleanup-confirm').click();
    await page.getByTestId('run-progress').getByRole('button').click();
    await page.getByTestId('cleanup-reclaimed').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('run-result').innerText()).toContain(
      'Stopped before every target ran.',
    );
    const left = await tags();
    const bulkLeft = left.filter((tag) => tag.startsWith(`${REPO}/bulk:`)).length;
    const freshLeft = left.includes(`${REPO}/fresh:1`) ? 1 : 0;
    // The stop took effect: planned images remain, and exactly those the summary did not
    // remove (how many ran before the click depends on the engine's speed).
    expect(bulkLeft + freshLeft).toBeGreaterThan(0);
    const done = Number(await page.getByTestId('run-result').getAttribute('data-done'));
    expect(done).toBe(BULK + 1 - bulkLeft - freshLeft);
    expect(left).toContain(`${REPO}/used:1`);
    expect(await checkBothThemes(page, 'cleanup-summary-stopped', 'en')).toEqual([]);
    await page.getByTestId('cleanup-close').click();
  });

  it('an image built by another client during the review makes it stale; it runs only once reviewed again', async () => {
    const { page } = browser;
    await page.getByTestId('clean-up').click();
    await page.getByTestId('cleanup-total').waitFor();
    // Docker 26.1 on the containerd store sends no event for an image BuildKit exports, so
    // nothing can tell Reclaim of it until the next change (a known gap, see the README);
    // there the other client's image arrives by `docker load`, which does send one.
    if (selectedEngine().name === 'docker-26.1-containerd') {
      await addImages(engine, [
        { tags: [`${REPO}/during:1`], layers: [randomLayer({ x: 30_000 })] },
      ]);
    } else {
      await buildKitBuild(engine, `${REPO}/during:1`, [30_000]);
    }
    const stale = page.getByTestId('cleanup-stale');
    await stale.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cleanup-confirm').isDisabled()).toBe(true);
    expect(await checkBothThemes(page, 'cleanup-review-stale', 'en')).toEqual([]);
    await page.getByTestId('cleanup-refresh').click();
    await stale.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('everything unused, in 简体中文: the stopped container goes, and of the volumes only the ticked one', async () => {
    const { page } = browser;
    await chooseLanguage(page, 'zh-CN');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('clean-up').click();
    await page.getByTestId('cleanup-total').waitFor();
    await page.getByTestId('cleanup-choose').click();
    await page.getByRole('radio', { name: /^所有未使用的资源/ }).check();
    await page.getByTestId('cleanup-review').click();
    const part = page.getByTestId('cleanup-resources');
    await part.waitFor();
    const total = page.getByTestId('cleanup-total');
    const before = Number(await total.getAttribute('data-bytes'));
    await part.getByRole('checkbox', { name: new RegExp(`${REPO}-data`) }).check();
    await expect
      .poll(async () => Number(await total.getAttribute('data-bytes')))
      .toBeGreaterThanOrEqual(before + 300 * 1024);
    expect(await page.getByTestId('resource-plan-commands').innerText()).toContain(
      `docker volume rm ${REPO}-data`,
    );
    expect(await checkBothThemes(page, 'cleanup-review-everything', 'zh-CN')).toEqual([]);
    await page.getByTestId('cleanup-confirm').click();
    await page.getByTestId('cleanup-reclaimed').waitFor({ timeout: 30_000 });
    expect(await checkBothThemes(page, 'cleanup-summary-everything', 'zh-CN')).toEqual([]);
    expect(await exists('container', `${REPO}-stopped`)).toBe(false);
    expect(await exists('volume', `${REPO}-data`)).toBe(false);
    expect(await exists('volume', `${REPO}-spare`)).toBe(true);
    // Its image was used only by the stopped container: it went too, as system prune -a does.
    expect(await tags()).not.toContain(`${REPO}/used:1`);
    await page.getByTestId('cleanup-close').click();
  });

  it('the disk-space watch, switched on in Settings, shows its banner, which opens the Safe review', async () => {
    const { page } = browser;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-watch').check();
    // Thresholds the private engine passes at once: any reclaimable byte, any free space.
    await page.getByTestId('settings-watch-reclaimable').fill('0');
    await page.getByTestId('settings-watch-free').fill('1000000');
    await page.getByTestId('settings').locator('button[type="submit"]').click();
    const banner = page.getByTestId('disk-watch');
    await banner.waitFor({ timeout: 15_000 });
    const root = (await engine.dockerOk(['info', '-f', '{{.DockerRootDir}}'])).trim();
    expect(await page.getByTestId('disk-watch-low-free').innerText()).toContain(root);
    expect(await checkBothThemes(page, 'disk-watch', 'zh-CN')).toEqual([]);
    await page.getByTestId('disk-watch-review').click();
    await page.getByTestId('cleanup-total').waitFor();
    expect(await page.getByTestId('cleanup-dialog').innerText()).toContain('检查清理内容');
  });
});
