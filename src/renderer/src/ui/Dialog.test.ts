// The jsdom shims must load before any component.
import { setupComponentTests } from '../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../testing/fake-api';
import RemovalPlanDialog from '../features/remove/RemovalPlanDialog.svelte';

beforeAll(setupComponentTests);

describe('Dialog', () => {
  it('makes the page behind inert while open and gives it back when closed', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'behind';
    document.body.append(outside);
    const { unmount } = render(RemovalPlanDialog, {
      api: createFakeApi(),
      inputs: ['mongo:8.0'],
      onclose: vi.fn(),
    });
    const dialog = await screen.findByTestId('plan-dialog');
    expect(outside.hasAttribute('inert')).toBe(true);
    expect(dialog.closest('[inert]')).toBeNull();
    unmount();
    expect(outside.hasAttribute('inert')).toBe(false);
    outside.remove();
  });

  it('has a translated ✕ in the title bar that closes', async () => {
    const onclose = vi.fn();
    render(RemovalPlanDialog, { api: createFakeApi(), inputs: ['mongo:8.0'], onclose });
    const dialog = await screen.findByTestId('plan-dialog');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalled();
    expect(document.activeElement).not.toBe(within(dialog).getByTestId('dialog-close'));
  });

  it('focuses Close once a removal has run', async () => {
    render(RemovalPlanDialog, { api: createFakeApi(), inputs: ['mongo:8.0'], onclose: vi.fn() });
    const dialog = await screen.findByTestId('plan-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('plan-confirm')).toHaveProperty('disabled', false),
    );
    await fireEvent.click(within(dialog).getByTestId('plan-confirm'));
    await within(dialog).findByTestId('run-output');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByTestId('plan-close')),
    );
  });
});
