// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureInventory } from '../../testing/inventory-fixture';
import DiskUsageTable from './DiskUsageTable.svelte';

beforeAll(setupComponentTests);

describe('DiskUsageTable', () => {
  it('prints each row as docker system df does, exact bytes in data-bytes', () => {
    const usage = fixtureInventory().diskUsage;
    render(DiskUsageTable, { usage });
    const images = screen.getByTestId('disk-usage-images');
    // Every layer once (41 + 187.6 + 432.1 + 12 + 3 + 2.5 + 8.2 + 1100 + 96.3 + 801 MB), less
    // the bytes of the two images containers use (nginx, postgres): the CLI's formulas.
    expect(images.textContent).toContain('2.684GB');
    expect(images.textContent).toContain('2.064GB (76%)');
    expect(screen.getByTestId('disk-usage-images-reclaimable').dataset.bytes).toBe(
      String(usage.images.reclaimable),
    );
  });

  it('shows a negative reclaimable figure (Docker 26 on containerd) as nothing, and why', () => {
    const base = fixtureInventory().diskUsage;
    const usage = { ...base, images: { ...base.images, size: 3_396_000, reclaimable: -1_037_624 } };
    render(DiskUsageTable, { usage });
    const cell = screen.getByTestId('disk-usage-images-reclaimable');
    expect(cell.textContent).toBe('0B*');
    expect(cell.dataset.bytes).toBe('-1037624');
    expect(cell.getAttribute('title')).toContain('-1037624');
    expect(screen.getByTestId('disk-usage-images').textContent).toContain('(0%)');
  });

  it('marks rows the engine is still reading, and only those', () => {
    const usage = { ...fixtureInventory().diskUsage, pending: ['volumes' as const] };
    render(DiskUsageTable, { usage });
    expect(screen.getByTestId('disk-usage-volumes').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('disk-usage-volumes').textContent).toContain('still reading');
    expect(screen.getByTestId('disk-usage-containers').getAttribute('aria-busy')).toBe('false');
  });
});
