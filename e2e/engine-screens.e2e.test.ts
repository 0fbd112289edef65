/**
 * The engine-state screens a user meets before any engine answers, in Chromium against
 * browser mode: "connecting" (a socket that accepts and never answers) and the engine error
 * (a socket path nothing listens on, as a stopped engine leaves). Each in light and dark,
 * English and Chinese, with screenshots and axe. No engine is involved at all.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../test/engine/gate';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';
import { ensureBuilt } from './support/build';
import { launchChromium, type Browser } from './support/chromium';
import { checkBothThemes, englishWordsOutsideData, type UiLanguage } from './support/page-checks';
import { silentEngine, stoppedEngine, type StandInEngine } from './support/stand-in-engine';

const LANGUAGES: UiLanguage[] = ['en', 'zh-CN'];
/** Latin words a Chinese screen may show: product names. */
const PRODUCT_NAMES = ['Reclaim', 'Docker', 'docker', 'Podman', 'containerd'];

describeEngine('engine-state screens (Chromium, browser mode, no engine)', () => {
  let browser: Browser;
  let web: BrowserMode | null = null;
  let standIn: StandInEngine | null = null;

  const open = async (engine: StandInEngine, language: UiLanguage): Promise<void> => {
    standIn = engine;
    web = await startBrowserMode(engine.host, { settings: { language } });
    await browser.page.goto(web.url);
    await browser.page.locator(`html[lang="${language}"]`).waitFor();
  };

  beforeAll(async () => {
    await ensureBuilt();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await web?.stop();
    await standIn?.stop();
    web = null;
    standIn = null;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGUAGES)(
    'shows "connecting" while the engine does not answer (%s)',
    async (language) => {
      const page = browser.page;
      await open(await silentEngine(), language);
      const screen = page.getByTestId('engine-connecting');
      await screen.waitFor();
      expect(await screen.innerText()).toContain(standIn?.host.slice('unix://'.length));
      expect(await checkBothThemes(page, 'engine-connecting', language)).toEqual([]);
      if (language === 'zh-CN') {
        expect(await englishWordsOutsideData(page, 'body', PRODUCT_NAMES)).toEqual([]);
      }
      // Still connecting when the pictures were taken: the engine never answered.
      expect(await screen.isVisible()).toBe(true);
      expect(await page.getByTestId('engine-status').getAttribute('data-state')).toBe('connecting');
    },
  );

  it.each(LANGUAGES)('explains a stopped engine and what to do (%s)', async (language) => {
    const page = browser.page;
    await open(await stoppedEngine(), language);
    const screen = page.getByTestId('engine-error');
    await screen.waitFor({ timeout: 15_000 });
    const text = await screen.innerText();
    expect(text).toContain(standIn?.host);
    // What to do: the fix of the ReclaimError, and the two ways on.
    const detail = page.getByTestId('engine-error-detail');
    expect(await detail.getAttribute('data-code')).toBe('ENGINE_NOT_RUNNING');
    expect(await detail.innerText()).not.toBe('');
    expect(await screen.getByRole('button').count()).toBe(2);
    expect(await checkBothThemes(page, 'engine-error', language)).toEqual([]);
    if (language === 'zh-CN') {
      // What happened and what to do, in Chinese (what the engine said is quoted in <code>).
      expect(await englishWordsOutsideData(page, 'body', PRODUCT_NAMES)).toEqual([]);
    }
  });
});
