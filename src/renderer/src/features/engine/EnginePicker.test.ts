// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import EnginePicker from './EnginePicker.svelte';

beforeAll(setupComponentTests);

describe('EnginePicker', () => {
  it('lists what discovery found, marks the current engine, and connects to another', async () => {
    const api = createFakeApi();
    const onclose = vi.fn();
    render(EnginePicker, { api, current: 'unix:///var/run/docker.sock', onclose });
    await waitFor(() => expect(screen.getAllByTestId('engine-choice')).toHaveLength(2));
    const [docker, podman] = screen.getAllByTestId('engine-choice') as [HTMLElement, HTMLElement];
    expect(docker.textContent).toContain('connected now');
    expect(within(docker).getByRole('button', { name: 'Connect' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(podman.textContent).toContain('socket missing');
    await fireEvent.click(within(podman).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.calls.find((c) => c.method === 'connect')?.args).toEqual([
      { host: 'unix:///run/user/1000/podman/podman.sock' },
    ]);
  });
});
