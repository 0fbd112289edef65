// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { locale } from 'svelte-i18n';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import EnginePicker from './EnginePicker.svelte';

beforeAll(setupComponentTests);
afterEach(() => locale.set('en'));

describe('EnginePicker', () => {
  it('lists what discovery found; Connect is off, with why, on the current engine and a missing socket', async () => {
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
    expect(docker.textContent).toContain('Already connected to this engine');
    expect(podman.textContent).toContain('socket missing');
    const podmanConnect = within(podman).getByRole('button', { name: 'Connect' });
    expect(podmanConnect).toHaveProperty('disabled', true);
    expect(podmanConnect.getAttribute('aria-describedby')).toBeTruthy();
    expect(podman.textContent).toContain('No socket at this path');
    await fireEvent.input(screen.getByLabelText('Other endpoint'), {
      target: { value: 'tcp://127.0.0.1:2375' },
    });
    await fireEvent.submit(
      screen.getByLabelText('Other endpoint').closest('form') as HTMLFormElement,
    );
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.calls.find((c) => c.method === 'connect')?.args).toEqual([
      { host: 'tcp://127.0.0.1:2375' },
    ]);
  });

  it('words the endpoint chosen in Settings in the UI language, not main’s English label', async () => {
    await locale.set('zh-CN');
    const api = createFakeApi();
    api.listEndpoints = async () => ({
      ok: true,
      value: [
        {
          endpoint: { host: 'unix:///tmp/chosen.sock' },
          source: 'settings',
          label: 'Chosen in Settings',
          present: true,
        },
      ],
    });
    render(EnginePicker, { api, current: 'unix:///tmp/chosen.sock', onclose: vi.fn() });
    const [chosen] = await screen.findAllByTestId('engine-choice');
    expect(chosen?.textContent).toContain('设置中选择的引擎');
    expect(chosen?.textContent).not.toContain('Chosen in Settings');
  });
});
