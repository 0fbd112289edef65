import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.RECLAIM_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), nothing that phones home, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged and errors it threw, for failure messages. */
  consoleLog: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder, removed again on close. */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'reclaim-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLog: string[] = [];
  page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.message}`));
  return {
    context,
    page,
    consoleLog,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
