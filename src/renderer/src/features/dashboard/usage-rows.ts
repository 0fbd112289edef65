import type { DiskUsage, DiskUsageRow } from '../../../../shared/model';

/** The four categories in `docker system df`'s order, with the keys the UI and tests use. */
export const USAGE_CATEGORIES = ['images', 'containers', 'volumes', 'buildCache'] as const;
export type UsageCategory = (typeof USAGE_CATEGORIES)[number];

export interface UsageRowView {
  category: UsageCategory;
  row: DiskUsageRow;
}

export function usageRows(usage: DiskUsage): UsageRowView[] {
  return USAGE_CATEGORIES.map((category) => ({ category, row: usage[category] }));
}

/** The rows added up; a negative reclaimable figure (Docker 26, containerd) adds nothing. */
export function usageTotals(usage: DiskUsage): { size: number; reclaimable: number } {
  return usageRows(usage).reduce(
    (sum, { row }) => ({
      size: sum.size + row.size,
      reclaimable: sum.reclaimable + Math.max(0, row.reclaimable),
    }),
    { size: 0, reclaimable: 0 },
  );
}
