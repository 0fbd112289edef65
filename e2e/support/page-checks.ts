/**
 * What every screen must pass: axe-core with no serious or critical violation, a screenshot
 * per theme and language, and (in Chinese) no English left outside code and data.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './build';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export type UiLanguage = 'en' | 'zh-CN';
export const SCHEMES = ['light', 'dark'] as const;

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

/**
 * The current screen in light and dark (the app follows the OS theme): a screenshot named
 * `<name>-<language>-<scheme>.png` and axe for each. Returns the violations, each labelled.
 */
export async function checkBothThemes(
  page: Page,
  name: string,
  language: UiLanguage,
): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let transitions and the chart settle before the picture is taken.
    await page.waitForTimeout(150);
    await screenshot(page, `${name}-${language}-${scheme}`);
    const violations = await seriousA11yViolations(page);
    found.push(...violations.map((v) => `${name} ${language} ${scheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

const DOCKER_COMMAND =
  /\bdocker (system df|image prune|images|rmi|rm|volume (prune|rm)|container prune|builder prune)( -[a-z]\b| --[a-z-]+)*/g;

/**
 * Latin words in the visible UI text under `selector`, outside what is not UI text: <code>,
 * <pre>, <option> of a select (the Docker filter names are CLI syntax), and data cells (table
 * and grid cells, except the badges inside them, which are UI). Docker commands, figures
 * and versions (12.3MB, 20.10.24+dfsg1), CLI flags, paths, endpoints and image references
 * (ASCII runs with a /), image IDs, and the `allowed` words (product names, image names) are
 * left out.
 */
export async function englishWordsOutsideData(
  page: Page,
  selector: string,
  allowed: string[],
  /** More elements whose text is data, not UI (the engine's own words, quoted). */
  dataSelectors: string[] = [],
): Promise<string[]> {
  const skipped = ['code', 'pre', 'option', 'script', 'style', ...dataSelectors].join(', ');
  // A string, not a function: this file is compiled without the DOM's types.
  const texts = await page.evaluate<string[]>(`(() => {
    const found = [];
    const skipped = ${JSON.stringify(skipped)};
    for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent.trim()) continue;
        if (parent.closest(skipped)) continue;
        if (parent.closest('td, [role=cell]') && !parent.closest('.badge')) continue;
        found.push(node.textContent);
      }
    }
    return found;
  })()`);
  const allowedSet = new Set(allowed.map((word) => word.toLowerCase()));
  const words: string[] = [];
  for (const text of texts) {
    const prose = text
      // The docker command a sentence names is the CLI's, in any language, and so are flags.
      .replace(DOCKER_COMMAND, ' ')
      .replace(/(?<![\w-])--?[a-z][a-z-]*\b/g, ' ')
      // Paths, endpoints and image references: an ASCII run with a / in it.
      .replace(/[\w.:+@-]*\/[\w./:+@-]*/g, ' ')
      // Image IDs (12 to 64 hex digits), figures and versions: 12.3MB, 20.10.24+dfsg1, 1.41.
      .replace(/\b(sha256:)?[0-9a-f]{12,64}\b/g, ' ')
      .replace(/\b\d[\w.+~-]*/g, ' ');
    for (const word of prose.match(/[A-Za-z][A-Za-z'-]*/g) ?? []) {
      if (!allowedSet.has(word.toLowerCase())) words.push(`${word} (in "${text.trim()}")`);
    }
  }
  return words;
}
