/**
 * Helpers for the user-path tests: what the engine holds (read straight from its socket, not
 * through Reclaim), the accessibility check, screenshots, and a few UI steps.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { getJson } from '../test/engine/http';
import { REPO_ROOT } from './support/build';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

interface EngineImage {
  Id: string;
  RepoTags: string[] | null;
}

/** The engine's whole image set (`docker images -a`): ID → tags, sorted for comparisons. */
export async function engineImageSet(socketPath: string): Promise<Record<string, string[]>> {
  const images = await getJson<EngineImage[]>(socketPath, '/images/json?all=1');
  const set: Record<string, string[]> = {};
  for (const image of images) {
    set[image.Id] = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>').sort();
  }
  return set;
}

/** The IDs `docker images -f dangling=true` lists. */
export async function engineDanglingIds(socketPath: string): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ dangling: ['true'] }));
  const images = await getJson<EngineImage[]>(socketPath, `/images/json?filters=${filters}`);
  return images.map((image) => image.Id).sort();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns its serious and critical violations, worded for a
 * failure message. Evaluated through the debugger protocol, so the page's CSP still holds.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Types a reference into the remove field, waits until it resolves, and opens the preview. */
export async function previewRemovalOf(page: Page, reference: string): Promise<void> {
  await page.getByTestId('nav-images').click();
  const input = page.getByTestId('reference-input');
  await input.fill(reference);
  await page.getByTestId('reference-status').getByText('Resolves to').waitFor();
  await page.getByTestId('reference-preview').click();
  await page.getByTestId('plan-target').first().waitFor();
}

/** Confirms the open removal preview and returns the result's output lines. */
export async function confirmRemoval(page: Page): Promise<string[]> {
  await page.getByTestId('plan-confirm').click();
  const output = page.getByTestId('run-output');
  await output.waitFor({ timeout: 30_000 });
  const lines = (await output.innerText()).split('\n').filter(Boolean);
  await page.getByTestId('plan-close').click();
  return lines;
}

/** Presses Tab until the element with `testid` has focus (keyboard-only paths). */
export async function tabTo(page: Page, testid: string, maxPresses = 60): Promise<void> {
  for (let n = 0; n < maxPresses; n++) {
    const focused = await page.evaluate<string | null>(
      `document.activeElement && document.activeElement.getAttribute('data-testid')`,
    );
    if (focused === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}`);
}
