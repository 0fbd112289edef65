// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import PruneDialog from './PruneDialog.svelte';

beforeAll(setupComponentTests);

describe('PruneDialog', () => {
  it('previews dangling-only first, then -a with until, and says why images are kept', async () => {
    const api = createFakeApi();
    render(PruneDialog, { api, onclose: vi.fn() });
    const dialog = await screen.findByTestId('prune-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('prune-command').textContent).toBe('docker image prune -f'),
    );
    expect(within(dialog).getByTestId('prune-remove-list').children).toHaveLength(2);
    // Dangling mode looks at untagged images only: tagged ones are kept as tagged.
    expect(within(dialog).getByTestId('prune-keep-list').textContent).toContain(
      'tagged: only -a removes tagged images',
    );

    await fireEvent.click(within(dialog).getByRole('radio', { name: /prune -a/ }));
    await fireEvent.input(within(dialog).getByLabelText(/until/), { target: { value: '72h' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    // team/app:1.4 is too new, so its parent stays whole: the prune line would untag it, so
    // the command is the explicit list, with the reason under it.
    await waitFor(() =>
      expect(within(dialog).getByTestId('prune-command').textContent).toMatch(/^docker rmi /),
    );
    // The protected runner is unused, so the CLI's prune would delete it too.
    expect(within(dialog).getByTestId('prune-not-prune-command').textContent).toContain(
      'Not docker image prune -a --filter until=72h -f: it would also untag or delete registry.local:5000/ci/runner:stable (protected by the label reclaim.protected=true), team/app-base:1 (parent of 1a011a011a01, which stays),',
    );
    // Kept because a container uses it, and the container is named.
    expect(within(dialog).getByTestId('prune-keep-list').textContent).toContain('used by web');
    expect(api.calls.filter((c) => c.method === 'planPrune').at(-1)?.args[0]).toEqual({
      all: true,
      until: '72h',
    });
  });

  it('runs the previewed plan and prints it as docker image prune does, with the bytes', async () => {
    const api = createFakeApi();
    render(PruneDialog, { api, onclose: vi.fn() });
    const dialog = await screen.findByTestId('prune-dialog');
    const confirm = await within(dialog).findByTestId('prune-confirm');
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    await fireEvent.click(confirm);
    const output = await within(dialog).findByTestId('run-output');
    const lines = output.textContent?.split('\n') ?? [];
    expect(lines[0]).toBe('Deleted Images:');
    expect(lines.slice(1, -2).length).toBeGreaterThan(0);
    expect(lines.slice(1, -2).every((line) => line.startsWith('deleted: sha256:'))).toBe(true);
    expect(lines.slice(-2)).toEqual(['', 'Total reclaimed space: 10.7MB']);
    expect(within(dialog).getByTestId('run-reclaimed').dataset.bytes).toBe('10700000');
    expect(api.inventory().images.some((image) => image.dangling)).toBe(false);
  });
});
