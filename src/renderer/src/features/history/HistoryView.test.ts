// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CleanupRecord } from '../../../../shared/history';
import { createFakeApi } from '../../testing/fake-api';
import HistoryView from './HistoryView.svelte';

beforeAll(setupComponentTests);

const record = (id: string, at: number, bytes: number): CleanupRecord => ({
  id,
  at,
  engine: { host: 'unix:///var/run/docker.sock', engineId: null, cli: 'docker' },
  choice: { strategy: 'safe' },
  images: 2,
  cacheRecords: 1,
  resources: 0,
  bytesReclaimed: bytes,
  failures: [],
  cancelled: false,
});

describe('HistoryView', () => {
  it('lists each cleanup newest first with its bytes, and the total', async () => {
    const api = createFakeApi({
      history: {
        records: [
          record('c2', Date.UTC(2026, 11, 2), 5_000_000),
          record('c1', Date.UTC(2026, 10, 1), 1_000),
        ],
        keptAside: null,
      },
    });
    render(HistoryView, { api });
    const table = await screen.findByTestId('history-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.dataset.cleanupId)).toEqual(['c2', 'c1']);
    expect(rows[0]?.textContent).toContain('Safe');
    expect(rows[0]?.textContent).toContain('2 images, 1 cache record');
    expect(screen.getByTestId('history-total').dataset.bytes).toBe('5001000');
    expect(screen.getByTestId('history-export')).toHaveProperty('disabled', false);
  });

  it('says where a damaged history file was kept, and that none has run yet', async () => {
    const api = createFakeApi({
      history: { records: [], keptAside: '/data/cleanup-history.json.damaged-1' },
    });
    render(HistoryView, { api });
    expect((await screen.findByTestId('history-kept-aside')).textContent).toContain(
      '/data/cleanup-history.json.damaged-1',
    );
    expect(screen.getByTestId('history-empty')).toBeTruthy();
    expect(screen.getByTestId('history-export')).toHaveProperty('disabled', true);
  });
});
