/**
 * A user's paths through the UI, end to end: browser mode against a private engine loaded
 * with the fixtures, in Debian's Chromium. Each path says up front what it expects to remove
 * (nothing, unless it says so); after every path, afterEach compares the engine's image set
 * with that expectation: nothing more (and nothing less) was deleted.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import { FIXTURE_REPO, loadFixtures, type Fixtures } from '../test/engine/fixtures';
import { selectedEngine } from '../test/engine/engines';
import { describeEngine } from '../test/engine/gate';
import { getJson } from '../test/engine/http';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt } from './support/build';
import { launchChromium, type Browser } from './support/chromium';
import { DF_CATEGORIES, expectedDiskUsageRows, shownDiskUsageRow } from './support/disk-usage-rows';
import {
  checkBothThemes,
  englishWordsOutsideData,
  seriousA11yViolations,
  type UiLanguage,
} from './support/page-checks';
import {
  chooseLanguage,
  confirmRemoval,
  engineDanglingIds,
  engineImageSet,
  engineListedSize,
  imageSetWithout,
  previewRemovalOf,
  prunePreview,
  tabTo,
} from './user-path-support';

const LANGUAGES: UiLanguage[] = ['en', 'zh-CN'];
const containerd = selectedEngine().store === 'containerd';

describeEngine('user paths through the UI (Chromium, browser mode)', () => {
  let engine: PrivateDocker;
  let web: BrowserMode;
  let browser: Browser;
  let fx: Fixtures;
  /** The engine's image set before the current path. */
  let before: Record<string, string[]>;
  /** What the current path declared it will leave: `before` unless it says otherwise. */
  let expected: Record<string, string[]>;

  const page = () => browser.page;
  /** A path declares, before it acts, what it removes (IDs) and untags (ID → remaining tags). */
  const willRemove = (removed: string[], untagged: Record<string, string[]> = {}) => {
    expected = imageSetWithout(before, removed, untagged);
  };
  const danglingBadge = () => page().getByTestId('dangling-count');
  /**
   * What `docker image prune` takes: the dangling image, and on the containerd store the
   * legacy build's untagged steps too (there prune knows no parents; prune.engine.test.ts
   * checks it against the engine's own prune).
   */
  const prunedByDanglingPrune = () =>
    [fx.dangling.id, ...(containerd ? fx.intermediates.map((image) => image.id) : [])].sort();
  /**
   * Words a Chinese screen may show in Latin letters: product names, the fixtures' names, the
   * two terms Chinese Docker writing keeps as they are (镜像 ID, Engine API), and Docker's
   * filter keys, which are CLI syntax.
   */
  const latinAllowed = () => [
    ...['Reclaim', 'Docker', 'docker', 'Podman', 'containerd', 'API', 'ID'],
    ...['dangling', 'before', 'since', 'label', 'reference', 'until'],
    // The CLI's result lines begin so, and the notes name those lines by these words.
    ...['Untagged', 'Deleted'],
    ...FIXTURE_REPO.split(/[^a-z]+/),
    // Container names (in the badges' "used by …") are data.
    fx.running.name,
    fx.stopped.name,
  ];

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateDocker();
    fx = await loadFixtures(engine);
    before = await engineImageSet(engine.socketPath);
    web = await startBrowserMode(engine.host);
    browser = await launchChromium();
    await page().goto(web.url);
    await page().locator('[data-testid=engine-status][data-state=connected]').waitFor({
      timeout: 30_000,
    });
  });
  beforeEach(() => {
    expected = before;
  });
  afterEach(async () => {
    // A path that fails with a dialog open must not block the next one.
    for (let n = 0; n < 3 && (await page().getByRole('dialog').count()) > 0; n++) {
      await page().keyboard.press('Escape');
    }
    const now = await engineImageSet(engine.socketPath);
    // The next path is judged on its own changes, even if this one went wrong.
    const declared = expected;
    before = now;
    expect(now, 'the engine’s image set after this path').toEqual(declared);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.stop();
  });

  it('every screen, before any removal, passes axe in light and dark, English and Chinese', async () => {
    const violations: string[] = [];
    for (const language of LANGUAGES) {
      await chooseLanguage(page(), language);
      for (const name of ['dashboard', 'images', 'resources', 'settings'] as const) {
        await page().getByTestId(`nav-${name}`).click();
        if (name === 'dashboard') {
          // The badge in its warning state: it counts what Clean up removes (the fixtures' one
          // dangling image, and on containerd the legacy build's untagged steps too).
          await expect
            .poll(async () => danglingBadge().locator('[data-count]').getAttribute('data-count'))
            .toBe(String(prunedByDanglingPrune().length));
          expect(await danglingBadge().getAttribute('class')).toContain('warn');
        }
        if (name === 'images') await page().getByTestId('image-row').first().waitFor();
        violations.push(...(await checkBothThemes(page(), name, language)));
      }
      // The engine picker lists what discovery found; opening it changes nothing.
      await page().getByTestId('engine-picker-open').click();
      await page().getByTestId('engine-picker').waitFor();
      violations.push(...(await checkBothThemes(page(), 'engine-picker', language)));
      await page().keyboard.press('Escape');
      await page().getByTestId('engine-picker').waitFor({ state: 'detached' });
    }
    expect(violations).toEqual([]);
  });

  it('the dashboard shows every disk-usage row as `docker system df` prints it, and the dangling count', async () => {
    await page().getByTestId('nav-dashboard').click();
    const { rows } = await expectedDiskUsageRows(engine);
    for (const category of DF_CATEGORIES) {
      await expect
        .poll(() => shownDiskUsageRow(page(), category), { timeout: 15_000 })
        .toEqual(rows[category]);
    }
    const dangling = await engineDanglingIds(engine.socketPath);
    expect(dangling).toEqual([fx.dangling.id]);
    // The badge counts what Clean up removes: on containerd the legacy build's untagged steps too.
    await expect
      .poll(() => danglingBadge().locator('[data-count]').getAttribute('data-count'))
      .toBe(String(prunedByDanglingPrune().length));
  });

  it('in 简体中文 the dashboard and the images screen show no English outside code and data', async () => {
    // The check can fail: in English the same dashboard is full of such words.
    await chooseLanguage(page(), 'en');
    await page().getByTestId('nav-dashboard').click();
    expect((await englishWordsOutsideData(page(), 'body', latinAllowed())).length).toBeGreaterThan(
      10,
    );
    await chooseLanguage(page(), 'zh-CN');
    await page().getByTestId('nav-dashboard').click();
    await page().getByRole('heading', { name: '磁盘占用' }).waitFor();
    expect(await englishWordsOutsideData(page(), 'body', latinAllowed())).toEqual([]);
    await page().getByTestId('nav-images').click();
    await page().getByTestId('image-row').first().waitFor();
    expect(await englishWordsOutsideData(page(), 'body', latinAllowed())).toEqual([]);
    await chooseLanguage(page(), 'en');
  });

  it('removes an image by its typed short ID; the result panel passes axe', async () => {
    willRemove([fx.small.id]);
    await previewRemovalOf(page(), fx.small.id.slice(7, 19));
    expect(await page().getByTestId('plan-command').innerText()).toBe(
      `docker rmi ${fx.small.id.slice(7, 19)}`,
    );
    expect(await seriousA11yViolations(page())).toEqual([]);
    await page().getByTestId('plan-confirm').click();
    await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
    expect(await checkBothThemes(page(), 'result-panel', 'en')).toEqual([]);
    const lines = await confirmRemoval(page(), { alreadyRun: true });
    expect(lines).toContain(`Untagged: ${fx.small.tags[0]}`);
    expect(lines).toContain(`Deleted: ${fx.small.id}`);
  });

  it('removing a tag that has a sibling only untags; the image stays listed', async () => {
    const [first, second] = fx.multiTag.tags as [string, string];
    willRemove([], { [fx.multiTag.id]: [second] });
    await previewRemovalOf(page(), first);
    expect(await page().getByTestId('plan-target').getAttribute('data-outcome')).toBe(
      'untagged-only',
    );
    expect(await confirmRemoval(page())).toEqual([`Untagged: ${first}`]);
    await page().getByTestId('image-search').fill('multi');
    await expect
      .poll(async () => page().locator(`[data-testid=image-row][data-key="${second}"]`).count())
      .toBe(1);
    await expect
      .poll(async () => page().locator(`[data-testid=image-row][data-key="${first}"]`).count())
      .toBe(0);
    await page().getByTestId('image-search').fill('');
  });

  it('explains an image used by a stopped container, and the remove-container fix works', async () => {
    willRemove([fx.stoppedImage.id]);
    const reference = fx.stoppedImage.tags[0] as string;
    await previewRemovalOf(page(), reference);
    const target = page().getByTestId('plan-target');
    expect(await target.getAttribute('data-outcome')).toBe('blocked-by-containers');
    expect(await target.innerText()).toContain(fx.stopped.name);
    expect(await page().getByTestId('plan-confirm').isDisabled()).toBe(true);
    expect(await checkBothThemes(page(), 'plan-dialog-blocked', 'en')).toEqual([]);
    await page().getByTestId('fix-remove-stopped-containers').getByRole('checkbox').check();
    await expect.poll(async () => target.getAttribute('data-outcome')).toBe('deleted');
    const lines = await confirmRemoval(page());
    expect(lines).toContain(`Deleted: ${fx.stoppedImage.id}`);
    const containers = await getJson<{ Names: string[] }[]>(
      engine.socketPath,
      '/containers/json?all=1',
    );
    expect(containers.map((c) => c.Names[0])).toEqual([`/${fx.running.name}`]);
  });

  // The classic store refuses to delete an image with a child by ID; the containerd store
  // records no parent for a loaded image and deletes it (removal.engine.test.ts has both).
  // Each store registers its own path, so none shows as skipped.
  if (!containerd) {
    it('in 简体中文, an image with a child, removed by ID, is removed with children first', async () => {
      willRemove([fx.parent.id, fx.child.id]);
      await chooseLanguage(page(), 'zh-CN');
      // By name, Docker only untags an image that has children; by ID it refuses (cannot be forced).
      await previewRemovalOf(page(), fx.parent.id.slice(7, 19));
      const target = page().getByTestId('plan-target');
      expect(await target.getAttribute('data-outcome')).toBe('blocked-by-children');
      expect(await checkBothThemes(page(), 'plan-dialog-blocked', 'zh-CN')).toEqual([]);
      // Reasons and fixes in Chinese; only the engine's own answer is quoted as it said it.
      expect(
        await englishWordsOutsideData(page(), '[data-testid=plan-dialog]', latinAllowed(), [
          '[data-testid=plan-engine-answer]',
        ]),
      ).toEqual([]);
      await page().getByTestId('fix-children-first').getByRole('checkbox').check();
      await expect.poll(async () => target.getAttribute('data-outcome')).toBe('deleted');
      await page().getByTestId('plan-confirm').click();
      await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
      expect(await checkBothThemes(page(), 'result-panel', 'zh-CN')).toEqual([]);
      expect(
        await englishWordsOutsideData(page(), '[data-testid=plan-dialog]', latinAllowed()),
      ).toEqual([]);
      const lines = await confirmRemoval(page(), { alreadyRun: true });
      // The result lines are the CLI's, untranslated, whatever the language.
      expect(lines).toContain(`Deleted: ${fx.child.id}`);
      expect(lines).toContain(`Deleted: ${fx.parent.id}`);
      await chooseLanguage(page(), 'en');
    });
  }

  if (containerd) {
    it('in 简体中文, an image loaded with a child, removed by ID, goes alone; the child stays', async () => {
      willRemove([fx.parent.id]);
      await chooseLanguage(page(), 'zh-CN');
      await previewRemovalOf(page(), fx.parent.id.slice(7, 19));
      const target = page().getByTestId('plan-target');
      expect(await target.getAttribute('data-outcome')).toBe('deleted');
      expect(await checkBothThemes(page(), 'plan-dialog', 'zh-CN')).toEqual([]);
      expect(
        await englishWordsOutsideData(page(), '[data-testid=plan-dialog]', latinAllowed()),
      ).toEqual([]);
      await page().getByTestId('plan-confirm').click();
      await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
      expect(await checkBothThemes(page(), 'result-panel', 'zh-CN')).toEqual([]);
      const lines = await confirmRemoval(page(), { alreadyRun: true });
      expect(lines).toContain(`Deleted: ${fx.parent.id}`);
      await chooseLanguage(page(), 'en');
    });
  }

  it('the dashboard’s Clean up opens the Safe review: the dangling prune and the builder prune; cancel removes nothing', async () => {
    const violations: string[] = [];
    for (const language of LANGUAGES) {
      await chooseLanguage(page(), language);
      await page().getByTestId('nav-dashboard').click();
      await page().getByTestId('clean-up').click();
      const preview = await prunePreview(page());
      // Dangling only: no -a (the CLI form may carry -f, since Reclaim asked already).
      expect(preview.command).toMatch(/^docker image prune( -f)?$/);
      expect([...preview.ids].sort()).toEqual(prunedByDanglingPrune());
      expect(await page().getByTestId('cache-command').innerText()).toBe('docker builder prune -f');
      violations.push(...(await checkBothThemes(page(), 'cleanup-dialog', language)));
      if (language === 'zh-CN') {
        expect(
          await englishWordsOutsideData(page(), '[data-testid=cleanup-dialog]', latinAllowed()),
        ).toEqual([]);
      }
      await page().keyboard.press('Escape');
      await page().getByTestId('cleanup-dialog').waitFor({ state: 'detached' });
    }
    await chooseLanguage(page(), 'en');
    expect(violations).toEqual([]);
  });

  it('on the images list, filter dangling=true and select all previews removing the dangling image only', async () => {
    await page().getByTestId('nav-images').click();
    await page().getByTestId('filter-kind').selectOption('dangling');
    await page().getByTestId('filter-add').click();
    expect(await page().getByTestId('filter-command').innerText()).toBe(
      'docker images --filter dangling=true',
    );
    const rows = page().getByTestId('image-row');
    await expect.poll(async () => rows.evaluateAll((all) => all.length)).toBe(1);
    expect(await rows.first().getAttribute('data-image-id')).toBe(fx.dangling.id);
    await page().getByTestId('image-table').getByRole('columnheader').getByRole('checkbox').check();
    await expect
      .poll(async () =>
        Number(await page().getByTestId('selection-bytes').getAttribute('data-bytes')),
      )
      .toBe(await engineListedSize(engine.socketPath, fx.dangling.id));
    await page().getByTestId('remove-selected').click();
    const target = page().getByTestId('plan-target');
    await target.waitFor();
    expect(await target.count()).toBe(1);
    expect(await target.getAttribute('data-outcome')).toBe('deleted');
    expect(await page().getByTestId('plan-command').innerText()).toContain('docker rmi ');
    await page().keyboard.press('Escape');
    await page().getByTestId('plan-dialog').waitFor({ state: 'detached' });
    await page().getByTestId('filter-dangling').getByRole('button').click();
  });

  it('prunes dangling images from the images list with Remove dangling…', async () => {
    willRemove(prunedByDanglingPrune());
    await page().getByTestId('nav-images').click();
    await page().getByTestId('images-prune-dangling').click();
    const preview = await prunePreview(page());
    expect(preview.command).toMatch(/^docker image prune( -f)?$/);
    expect([...preview.ids].sort()).toEqual(prunedByDanglingPrune());
    await page().getByTestId('prune-confirm').click();
    const output = page().getByTestId('run-output');
    await output.waitFor({ timeout: 30_000 });
    expect(await checkBothThemes(page(), 'prune-result', 'en')).toEqual([]);
    const lines = (await output.innerText()).split('\n').filter(Boolean);
    // As `docker image prune` prints it: each image, with each layer it deleted on the
    // classic store; nothing is untagged; then the total.
    expect(lines[0]).toBe('Deleted Images:');
    if (!containerd) expect(lines[1]).toBe(`deleted: ${fx.dangling.id}`);
    for (const id of prunedByDanglingPrune()) expect(lines).toContain(`deleted: ${id}`);
    expect(lines.at(-1)).toMatch(/^Total reclaimed space: \d+(\.\d+)?[kMG]?B$/);
    expect(lines.slice(1, -1).filter((line) => !line.startsWith('deleted: sha256:'))).toEqual([]);
    await page().getByTestId('prune-close').click();
    await page().getByTestId('prune-dialog').waitFor({ state: 'detached' });
    await page().getByTestId('nav-dashboard').click();
    await expect
      .poll(async () => danglingBadge().locator('[data-count]').getAttribute('data-count'))
      .toBe('0');
    expect(await danglingBadge().getAttribute('class')).not.toContain('warn');
  });

  it('removes an image with the keyboard only, starting from the top of the page', async () => {
    willRemove([fx.large.id]);
    const reference = fx.large.tags[0] as string;
    // A fresh page: focus is on the document, nothing has been clicked or focused by script.
    await page().reload();
    await page().locator('[data-testid=engine-status][data-state=connected]').waitFor();
    expect(await page().evaluate<string>(`document.activeElement.tagName`)).toBe('BODY');
    await tabTo(page(), 'nav-images');
    await page().keyboard.press('Enter');
    await tabTo(page(), 'reference-input');
    await page().keyboard.type(reference);
    await page().locator('[data-testid=reference-preview]:enabled').waitFor();
    await page().keyboard.press('Enter');
    await page().getByTestId('plan-target').waitFor();
    await tabTo(page(), 'plan-confirm');
    await page().keyboard.press('Enter');
    await page().getByTestId('run-output').waitFor({ timeout: 30_000 });
    expect(await page().getByTestId('run-output').innerText()).toContain(`Deleted: ${fx.large.id}`);
    await tabTo(page(), 'plan-close');
    await page().keyboard.press('Enter');
    expect(await page().getByTestId('plan-dialog').count()).toBe(0);
  });
});
