/**
 * Helpers for the user-path tests: what the engine holds (read straight from its socket, not
 * through Reclaim), and a few UI steps that work in any language.
 */
import type { Page } from 'playwright-core';
import { getJson } from '../test/engine/http';
import type { UiLanguage } from './support/page-checks';

interface EngineImage {
  Id: string;
  RepoTags: string[] | null;
  Size: number;
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

/**
 * The IDs `docker images -f dangling=true` lists, without a tag. The containerd store's
 * filter also lists a tagged image that has a dangling record beside its tag (a `docker load`
 * of an image already tagged leaves one); `docker images` shows that image by its tag.
 */
export async function engineDanglingIds(socketPath: string): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ dangling: ['true'] }));
  const images = await getJson<EngineImage[]>(socketPath, `/images/json?filters=${filters}`);
  const tags = await engineImageSet(socketPath);
  return images
    .map((image) => image.Id)
    .filter((id) => (tags[id] ?? []).length === 0)
    .sort();
}

/** An image's Size as the engine lists it (`docker images -a`). */
export async function engineListedSize(socketPath: string, id: string): Promise<number> {
  const images = await getJson<EngineImage[]>(socketPath, '/images/json?all=1');
  const image = images.find((candidate) => candidate.Id === id);
  if (!image) throw new Error(`the engine lists no image ${id}`);
  return image.Size;
}

/** Types a reference into the remove field, waits until it resolves, and opens the preview. */
export async function previewRemovalOf(page: Page, reference: string): Promise<void> {
  await page.getByTestId('nav-images').click();
  const input = page.getByTestId('reference-input');
  await input.fill(reference);
  // The preview button is enabled once the field resolves (any language).
  await page.locator('[data-testid=reference-preview]:enabled').waitFor();
  await page.getByTestId('reference-preview').click();
  await page.getByTestId('plan-target').first().waitFor();
}

/**
 * Confirms the open removal preview (unless it already ran), closes the result and returns
 * its output lines.
 */
export async function confirmRemoval(
  page: Page,
  { alreadyRun = false }: { alreadyRun?: boolean } = {},
): Promise<string[]> {
  if (!alreadyRun) await page.getByTestId('plan-confirm').click();
  const output = page.getByTestId('run-output');
  await output.waitFor({ timeout: 30_000 });
  const lines = (await output.innerText()).split('\n').filter(Boolean);
  await page.getByTestId('plan-close').click();
  return lines;
}

/** The open prune dialog's preview: its command and the IDs it will remove, in order. */
export async function prunePreview(page: Page): Promise<{ command: string; ids: string[] }> {
  await page.getByTestId('prune-plan').waitFor();
  const command = await page.getByTestId('prune-command').innerText();
  const ids = await page
    .getByTestId('prune-remove-list')
    .locator('li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-image-id') ?? ''));
  return { command, ids };
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

/** Switches the language on the Settings screen, as a user does. */
export async function chooseLanguage(page: Page, language: UiLanguage): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** The image set after removing `ids` and untagging `untagged` (ID → tags that stay). */
export function imageSetWithout(
  set: Record<string, string[]>,
  removed: string[],
  untagged: Record<string, string[]> = {},
): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [id, tags] of Object.entries(set)) {
    if (removed.includes(id)) continue;
    next[id] = untagged[id] ?? tags;
  }
  return next;
}
