// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import ResourcesView from './ResourcesView.svelte';

beforeAll(setupComponentTests);

describe('ResourcesView', () => {
  it('never lets a running container be ticked, and removes only the ticked stopped one', async () => {
    const api = createFakeApi();
    render(ResourcesView, { api, inventory: api.inventory() });
    const panel = screen.getByTestId('containers-panel');
    expect(within(panel).getByRole('checkbox', { name: 'Select web' })).toHaveProperty(
      'disabled',
      true,
    );
    await fireEvent.click(within(panel).getByRole('checkbox', { name: 'Select old-db' }));
    await fireEvent.click(within(panel).getByTestId('remove-containers'));
    // The confirmation shows the preview: what goes, and the command that does the same.
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(within(confirm).getByTestId('resource-plan-remove').textContent).toContain('old-db');
    expect(within(confirm).getByTestId('resource-plan-commands').textContent).toBe(
      'docker container rm old-db',
    );
    expect(api.calls.find((c) => c.method === 'planResourceRemoval')?.args).toEqual([
      { containers: ['c0ffee000002'], networks: false, volumes: [], unticked: [] },
    ]);
    await fireEvent.click(within(confirm).getByTestId('confirm-yes'));
    await waitFor(() =>
      expect(within(panel).getByTestId('resource-result').textContent).toContain('Removed 1'),
    );
    expect(api.calls.some((c) => c.method === 'runResourcePlan')).toBe(true);
    expect(api.inventory().containers.map((c) => c.name)).not.toContain('old-db');
    expect(api.inventory().containers.map((c) => c.name)).toContain('web');
  });

  it('removes no volume until one is ticked, sends only ticked names, and never a used one', async () => {
    const api = createFakeApi();
    render(ResourcesView, { api, inventory: api.inventory() });
    const panel = screen.getByTestId('volumes-panel');
    // No "Remove 0 volumes" button until something is ticked.
    expect(within(panel).queryByTestId('remove-volumes')).toBeNull();
    expect(within(panel).getByRole('checkbox', { name: 'Select pgdata' })).toHaveProperty(
      'disabled',
      true,
    );
    await fireEvent.click(within(panel).getByRole('checkbox', { name: 'Select old-cache' }));
    const remove = within(panel).getByTestId('remove-volumes');
    expect(remove.textContent).toContain('Remove 1 volume (57MB)');
    await fireEvent.click(remove);
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(within(confirm).getByTestId('resource-plan-commands').textContent).toBe(
      'docker volume rm old-cache',
    );
    // Only what was ticked is planned: no other volume is named in the confirmation.
    expect(within(confirm).queryByTestId('resource-plan-keep')).toBeNull();
    await fireEvent.click(within(confirm).getByTestId('confirm-yes'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'runResourcePlan')).toBe(true));
    expect(api.calls.find((c) => c.method === 'planResourceRemoval')?.args).toEqual([
      { containers: [], networks: false, volumes: ['old-cache'], unticked: [] },
    ]);
    expect(api.inventory().volumes.map((v) => v.name)).not.toContain('old-cache');
    expect(api.inventory().volumes.map((v) => v.name)).toContain('pgdata');
  });

  it('ticks every unused volume only through its explicit button', async () => {
    const api = createFakeApi();
    render(ResourcesView, { api, inventory: api.inventory() });
    const panel = screen.getByTestId('volumes-panel');
    await fireEvent.click(within(panel).getByRole('button', { name: 'Tick every unused volume' }));
    expect(within(panel).getByTestId('remove-volumes').textContent).toContain('Remove 2 volumes');
  });

  it('previews a build cache prune, lists what goes and why the rest stays, then runs that plan', async () => {
    const api = createFakeApi();
    render(ResourcesView, { api, inventory: api.inventory() });
    const panel = screen.getByTestId('build-cache-panel');
    await fireEvent.click(within(panel).getByTestId('prune-build-cache'));
    const confirm = await screen.findByTestId('confirm-dialog');
    // Plain `docker builder prune`: the unshared, unused record goes; shared and busy stay.
    expect(within(confirm).getByTestId('cache-plan-summary').textContent).toContain(
      '1 record goes, 64MB freed.',
    );
    expect(within(confirm).getByTestId('cache-plan-remove').textContent).toContain('COPY . /app');
    const reasons = [...within(confirm).getByTestId('cache-plan-keep').querySelectorAll('li')];
    expect(reasons.map((li) => li.dataset.reason)).toEqual(['in-use', 'shared']);
    expect(within(confirm).getByTestId('cache-command').textContent).toBe(
      'docker builder prune -f',
    );
    await fireEvent.click(within(confirm).getByTestId('confirm-yes'));
    await waitFor(() =>
      expect(within(panel).getByTestId('resource-result').textContent).toContain(
        'Removed 1, reclaimed 64MB',
      ),
    );
    const planId = (api.calls.find((c) => c.method === 'runBuildCachePlan')?.args ?? [])[0];
    expect(planId).toMatch(/^plan-/);
    expect(api.inventory().buildCache.map((record) => record.id)).toEqual(['k1x1', 'k1x2']);
  });

  it('with -a and until, the shared record goes too and the command says so; a bad until is refused', async () => {
    const api = createFakeApi();
    render(ResourcesView, { api, inventory: api.inventory() });
    const panel = screen.getByTestId('build-cache-panel');
    await fireEvent.input(within(panel).getByTestId('cache-until'), { target: { value: '3d' } });
    await fireEvent.click(within(panel).getByTestId('prune-build-cache'));
    await waitFor(() => expect(within(panel).getByRole('alert').textContent).toContain('3d'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();

    await fireEvent.click(within(panel).getByTestId('cache-all'));
    await fireEvent.input(within(panel).getByTestId('cache-until'), { target: { value: '12h' } });
    await fireEvent.click(within(panel).getByTestId('prune-build-cache'));
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(within(confirm).getByTestId('cache-command').textContent).toBe(
      'docker builder prune -a -f --filter until=12h',
    );
    // Both unused records are older than 12 h; the shared one's data stays with its image.
    expect(within(confirm).getByTestId('cache-plan-summary').textContent).toContain(
      '2 records go, 64MB freed.',
    );
  });
});
