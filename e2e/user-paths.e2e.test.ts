/**
 * A user's paths through the UI, end to end: browser mode against a private engine loaded
 * with the fixtures, in Debian's Chromium. After every path the engine's image set must be
 * exactly the expected one: nothing more (and nothing less) was deleted.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import { loadFixtures, type Fixtures } from '../test/engine/fixtures';
import { describeEngine } from '../test/engine/gate';
import { getJson } from '../test/engine/http';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt } from './support/build';
import { launchChromium, type Browser } from './support/chromium';
import {
  confirmRemoval,
  engineDanglingIds,
  engineImageSet,
  previewRemovalOf,
  screenshot,
  seriousA11yViolations,
  tabTo,
} from './user-path-support';

describeEngine('user paths through the UI (Chromium, browser mode)', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;
  let fx: Fixtures;
  /** The image set the engine must hold after each path. */
  let expected: Record<string, string[]>;

  const page = () => browser.page;
  const withoutImages = (...ids: string[]) => {
    expected = Object.fromEntries(Object.entries(expected).filter(([id]) => !ids.includes(id)));
  };
  const expectEngineSet = async () =>
    expect(await engineImageSet(engine.socketPath)).toEqual(expected);

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    fx = await loadFixtures(engine);
    expected = await engineImageSet(engine.socketPath);
    web = await startBrowserMode(engine.host);
    browser = await launchChromium();
    await page().goto(web.url);
    await page().locator('[data-testid=engine-status][data-state=connected]').waitFor({
      timeout: 30_000,
    });
  });
  // A path that fails with a dialog open must not block the next one.
  afterEach(async () => {
    for (let n = 0; n < 3 && (await page().getByRole('dialog').count()) > 0; n++) {
      await page().keyboard.press('Escape');
    }
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.stop();
  });

  it('the dashboard shows the engine’s disk usage counts and the dangling count', async () => {
    const df = await getJson<{ Images: unknown[]; Containers: { State: string }[] }>(
      engine.socketPath,
      '/system/df',
    );
    await expect
      .poll(async () => page().getByTestId('disk-usage-images-total').innerText())
      .toBe(String(df.Images.length));
    expect(await page().getByTestId('disk-usage-containers-total').innerText()).toBe(
      String(df.Containers.length),
    );
    expect(await page().getByTestId('disk-usage-containers-active').innerText()).toBe(
      String(df.Containers.filter((c) => c.State === 'running').length),
    );
    const dangling = await engineDanglingIds(engine.socketPath);
    expect(dangling).toEqual([fx.dangling.id]);
    await expect
      .poll(async () =>
        page().getByTestId('dangling-count').locator('[data-count]').getAttribute('data-count'),
      )
      .toBe(String(dangling.length));
    expect(await seriousA11yViolations(page())).toEqual([]);
  });

  it('removes an image by its typed short ID', async () => {
    await previewRemovalOf(page(), fx.small.id.slice(7, 19));
    expect(await page().getByTestId('plan-command').innerText()).toBe(
      `docker rmi ${fx.small.id.slice(7, 19)}`,
    );
    expect(await seriousA11yViolations(page())).toEqual([]);
    const lines = await confirmRemoval(page());
    expect(lines).toContain(`Untagged: ${fx.small.tags[0]}`);
    expect(lines).toContain(`Deleted: ${fx.small.id}`);
    withoutImages(fx.small.id);
    await expectEngineSet();
  });

  it('removing a tag that has a sibling only untags; the image stays listed', async () => {
    const [first, second] = fx.multiTag.tags as [string, string];
    await previewRemovalOf(page(), first);
    expect(await page().getByTestId('plan-target').getAttribute('data-outcome')).toBe(
      'untagged-only',
    );
    expect(await confirmRemoval(page())).toEqual([`Untagged: ${first}`]);
    expected[fx.multiTag.id] = [second];
    await expectEngineSet();
    await page().getByTestId('image-search').fill('multi');
    await expect
      .poll(async () => page().locator(`[data-testid=image-row][data-key="${second}"]`).count())
      .toBe(1);
    expect(await page().locator(`[data-testid=image-row][data-key="${first}"]`).count()).toBe(0);
    await page().getByTestId('image-search').fill('');
  });

  it('explains an image used by a stopped container, and the remove-container fix works', async () => {
    const reference = fx.stoppedImage.tags[0] as string;
    await previewRemovalOf(page(), reference);
    const target = page().getByTestId('plan-target');
    expect(await target.getAttribute('data-outcome')).toBe('blocked-by-containers');
    expect(await target.innerText()).toContain(fx.stopped.name);
    expect(await page().getByTestId('plan-confirm').isDisabled()).toBe(true);
    await screenshot(page(), 'plan-dialog-blocked-en-light');
    await page().getByTestId('fix-remove-stopped-containers').getByRole('checkbox').check();
    await expect.poll(async () => target.getAttribute('data-outcome')).toBe('deleted');
    const lines = await confirmRemoval(page());
    expect(lines).toContain(`Deleted: ${fx.stoppedImage.id}`);
    withoutImages(fx.stoppedImage.id);
    await expectEngineSet();
    const containers = await getJson<{ Names: string[] }[]>(
      engine.socketPath,
      '/containers/json?all=1',
    );
    expect(containers.map((c) => c.Names[0])).toEqual([`/${fx.running.name}`]);
  });

  it('an image with a child, removed by ID, is removed with children first', async () => {
    // By name, Docker only untags an image that has children; by ID it refuses (cannot be forced).
    await previewRemovalOf(page(), fx.parent.id.slice(7, 19));
    const target = page().getByTestId('plan-target');
    expect(await target.getAttribute('data-outcome')).toBe('blocked-by-children');
    await page().getByTestId('fix-children-first').getByRole('checkbox').check();
    await expect.poll(async () => target.getAttribute('data-outcome')).toBe('deleted');
    const lines = await confirmRemoval(page());
    expect(lines).toContain(`Deleted: ${fx.child.id}`);
    expect(lines).toContain(`Deleted: ${fx.parent.id}`);
    withoutImages(fx.parent.id, fx.child.id);
    await expectEngineSet();
  });

  it('prunes dangling images from the dashboard’s Clean up', async () => {
    await page().getByTestId('nav-dashboard').click();
    await page().getByTestId('clean-up').click();
    const plan = page().getByTestId('prune-plan');
    await plan.waitFor();
    // Dangling only: no -a (the CLI form may carry -f, since Reclaim asked already).
    expect(await page().getByTestId('prune-command').innerText()).toMatch(
      /^docker image prune( -f)?$/,
    );
    const listed = await page()
      .getByTestId('prune-remove-list')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-image-id')));
    expect(listed).toEqual([fx.dangling.id]);
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), 'prune-dialog-en-light');
    await page().getByTestId('prune-confirm').click();
    await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
    expect(await page().getByTestId('run-output').innerText()).toContain(
      `Deleted: ${fx.dangling.id}`,
    );
    await page().getByRole('button', { name: 'Close' }).click();
    withoutImages(fx.dangling.id);
    await expectEngineSet();
    await expect
      .poll(async () =>
        page().getByTestId('dangling-count').locator('[data-count]').getAttribute('data-count'),
      )
      .toBe('0');
  });

  it('removes an image with the keyboard only', async () => {
    const reference = fx.large.tags[0] as string;
    await page().getByTestId('nav-images').focus();
    await page().keyboard.press('Enter');
    await tabTo(page(), 'reference-input');
    await page().keyboard.type(reference);
    await page().getByTestId('reference-status').getByText('Resolves to').waitFor();
    await page().keyboard.press('Enter');
    await page().getByTestId('plan-target').waitFor();
    await tabTo(page(), 'plan-confirm');
    await page().keyboard.press('Enter');
    await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
    expect(await page().getByTestId('run-output').innerText()).toContain(`Deleted: ${fx.large.id}`);
    await tabTo(page(), 'plan-close');
    await page().keyboard.press('Enter');
    expect(await page().getByTestId('plan-dialog').count()).toBe(0);
    withoutImages(fx.large.id);
    await expectEngineSet();
  });

  it('switches to 简体中文 and the dashboard is translated', async () => {
    await page().getByTestId('nav-settings').click();
    await page().getByTestId('settings-language').selectOption('zh-CN');
    await page().getByTestId('nav-dashboard').click();
    await page().getByRole('heading', { name: '磁盘占用' }).waitFor();
    expect(await page().getByTestId('disk-usage').innerText()).toContain('构建缓存');
    expect(await page().locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('every screen passes axe in light and dark, English and Chinese, with screenshots', async () => {
    const screens = ['dashboard', 'images', 'resources', 'settings'] as const;
    for (const language of ['zh-CN', 'en'] as const) {
      await page().getByTestId('nav-settings').click();
      await page().getByTestId('settings-language').selectOption(language);
      for (const scheme of ['light', 'dark'] as const) {
        await page().emulateMedia({ colorScheme: scheme });
        for (const name of screens) {
          await page().getByTestId(`nav-${name}`).click();
          await page().waitForTimeout(300);
          await screenshot(page(), `${name}-${language}-${scheme}`);
          expect(await seriousA11yViolations(page()), `${name} ${language} ${scheme}`).toEqual([]);
        }
      }
    }
    // The engine picker lists what discovery found; opening it changes nothing.
    await page().getByTestId('engine-picker-open').click();
    await page().getByTestId('engine-picker').waitFor();
    await screenshot(page(), 'engine-picker-en-dark');
    expect(await seriousA11yViolations(page()), 'engine picker').toEqual([]);
    await page().keyboard.press('Escape');
    // Nothing on these screens deletes anything by itself.
    await expectEngineSet();
  });
});
