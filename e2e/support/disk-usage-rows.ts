/**
 * The dashboard's `docker system df` rows as a user reads them, next to what the docker CLI
 * prints for the same engine: TOTAL, ACTIVE, SIZE and RECLAIMABLE text (units included), and
 * the exact bytes behind the rounded figures.
 */
import type { Page } from 'playwright-core';
import type { PrivateDocker } from '../../test/engine/dockerd';
import {
  cliDiskUsageRows,
  cliDiskUsageTable,
  type DfCategory,
  type DfRow,
} from '../../test/engine/measure';

export const DF_CATEGORIES: DfCategory[] = ['images', 'containers', 'volumes', 'buildCache'];

/** The TYPE column of `docker system df` for each dashboard row. */
export const CLI_TYPE: Record<DfCategory, string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Local Volumes',
  buildCache: 'Build Cache',
};

/** One dashboard row as the page shows it: visible text, and the exact bytes behind it. */
export interface ShownRow {
  pending: string | null;
  total: string;
  active: string;
  size: string;
  reclaimable: string;
  sizeBytes: number;
  reclaimableBytes: number;
}

export async function shownDiskUsageRow(page: Page, category: DfCategory): Promise<ShownRow> {
  const id = `disk-usage-${category}`;
  const row = page.getByTestId(id);
  const text = async (testid: string) =>
    (await page.getByTestId(testid).innerText()).replace(/\s+/g, ' ').trim();
  const bytes = async (testid: string) =>
    Number(await page.getByTestId(testid).getAttribute('data-bytes'));
  return {
    pending: await row.getAttribute('data-pending'),
    total: await text(`${id}-total`),
    active: await text(`${id}-active`),
    size: await text(`${id}-size`),
    // The whole cell: the figure and its percentage, as a user reads it.
    reclaimable: (await row.locator('td').nth(3).innerText()).replace(/\s+/g, ' ').trim(),
    sizeBytes: await bytes(`${id}-size`),
    reclaimableBytes: await bytes(`${id}-reclaimable`),
  };
}

/** What each row must show: the CLI's printed cells and the engine's exact bytes. */
export async function expectedDiskUsageRows(
  engine: PrivateDocker,
): Promise<{ rows: Record<DfCategory, ShownRow>; exact: Record<DfCategory, DfRow> }> {
  const exact = await cliDiskUsageRows(engine);
  const table = await cliDiskUsageTable(engine);
  const rows = {} as Record<DfCategory, ShownRow>;
  for (const category of DF_CATEGORIES) {
    const printed = table.get(CLI_TYPE[category]);
    if (printed?.length !== 4) {
      throw new Error(`docker system df printed no full ${CLI_TYPE[category]} row: ${printed}`);
    }
    const [total, active, size, reclaimable] = printed as [string, string, string, string];
    const row = exact[category];
    // The CLI leaves the percentage off the Build Cache row and off empty rows; the page
    // always shows one, truncated as the CLI truncates it elsewhere.
    const percent = row.size > 0 ? Math.trunc((row.reclaimable * 100) / row.size) : 0;
    rows[category] = {
      pending: 'false',
      total,
      active,
      size,
      reclaimable: reclaimable.includes('(') ? reclaimable : `${reclaimable} (${percent}%)`,
      sizeBytes: row.size,
      reclaimableBytes: row.reclaimable,
    };
  }
  return { rows, exact };
}
