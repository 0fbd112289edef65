// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import ReferenceInput from './ReferenceInput.svelte';

beforeAll(setupComponentTests);

function setup() {
  const onpreview = vi.fn();
  render(ReferenceInput, { api: createFakeApi(), onpreview });
  const input = screen.getByTestId('reference-input');
  const status = screen.getByTestId('reference-status');
  return { onpreview, input, status };
}

describe('ReferenceInput', () => {
  it('resolves a short ID as you type and previews on Enter', async () => {
    const { onpreview, input, status } = setup();
    await fireEvent.input(input, { target: { value: '4d4d' } });
    await waitFor(() => expect(status.textContent).toContain('Resolves to 4d4d4d4d4d4d'));
    await fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(onpreview).toHaveBeenCalledWith('4d4d');
  });

  it('explains an ambiguous prefix with its candidates, and a missing name', async () => {
    const { onpreview, input, status } = setup();
    await fireEvent.input(input, { target: { value: '1a0' } });
    await waitFor(() =>
      expect(status.textContent).toContain('Ambiguous: 2 images start with this'),
    );
    expect(status.textContent).toContain('1a001a001a00, 1a011a011a01');
    await fireEvent.input(input, { target: { value: 'nope:1' } });
    await waitFor(() =>
      expect(status.textContent).toContain('No image has the reference or ID nope:1'),
    );
    expect(screen.getByTestId('reference-preview')).toHaveProperty('disabled', true);
    await fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(onpreview).not.toHaveBeenCalled();
  });

  it('drops a late answer once the field was cleared', async () => {
    const { input, status } = setup();
    await fireEvent.input(input, { target: { value: 'redis:alpine' } });
    await fireEvent.input(input, { target: { value: '' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(status.textContent?.trim()).toBe('');
  });
});
