// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import CleanupDialog from './CleanupDialog.svelte';

beforeAll(setupComponentTests);

describe('CleanupDialog', () => {
  it('opens on the Safe review: dangling images and build cache, one confirmation, then the summary', async () => {
    const api = createFakeApi();
    const danglingBefore = api
      .inventory()
      .images.filter((i) => i.dangling && i.containers.length === 0);
    render(CleanupDialog, { api, onclose: () => undefined });
    const dialog = await screen.findByTestId('cleanup-dialog');
    const total = await within(dialog).findByTestId('cleanup-total');
    expect(within(dialog).getByTestId('prune-command').textContent).toBe('docker image prune -f');
    expect(within(dialog).getByTestId('cache-command').textContent).toBe('docker builder prune -f');
    const planned = api.calls.filter((c) => c.method === 'planCleanup');
    expect(planned.map((c) => c.args)).toEqual([
      [{ strategy: 'safe' }, { images: [], cacheRecords: [], resources: [] }],
    ]);
    const bytes = Number(total.dataset.bytes);
    expect(bytes).toBeGreaterThan(0);

    await fireEvent.click(within(dialog).getByTestId('cleanup-confirm'));

    const reclaimed = await within(dialog).findByTestId('cleanup-reclaimed');
    expect(Number(reclaimed.dataset.bytes)).toBeGreaterThan(0);
    // Before and after, the four rows: the images row shrank, and the figures are the engine's.
    const table = within(dialog).getByTestId('before-after');
    const figure = (category: string, column: string): number =>
      Number(
        table
          .querySelector(`tr[data-category="${category}"] [data-testid="${column}"] [data-bytes]`)
          ?.getAttribute('data-bytes') ?? NaN,
      );
    await waitFor(() => expect(figure('images', 'after')).toBeLessThan(figure('images', 'before')));
    const usage = await api.getDiskUsage();
    if (!usage.ok) throw new Error('no disk usage');
    expect(figure('images', 'after')).toBe(usage.value.images.size);
    expect(figure('buildCache', 'after')).toBe(usage.value.buildCache.size);
    const left = api.inventory().images.map((i) => i.id);
    for (const image of danglingBefore) expect(left).not.toContain(image.id);
    expect(api.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['runPlan', 'runBuildCachePlan']),
    );
  });

  it('everything unused: containers go first, and a volume only once ticked', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, start: 'choose', onclose: () => undefined });
    const list = await screen.findByTestId('strategy-list');
    await fireEvent.click(
      within(list.querySelector<HTMLElement>('[data-strategy="everything-unused"]')!).getByRole(
        'radio',
      ),
    );
    const dialog = screen.getByTestId('cleanup-dialog');
    await fireEvent.click(within(dialog).getByTestId('cleanup-review'));
    const part = await within(dialog).findByTestId('cleanup-resources');
    const row = (id: string) => part.querySelector<HTMLElement>(`tr[data-id="${id}"]`);
    // The stopped container goes; the unused volumes are offered, unticked; the used one is absent.
    expect(row('c0ffee000002')?.querySelector('input')?.checked).toBe(true);
    expect(row('old-cache')?.querySelector('input')?.checked).toBe(false);
    expect(row('pgdata')).toBeNull();
    const before = Number(within(dialog).getByTestId('cleanup-total').dataset.bytes);

    await fireEvent.click(
      within(part).getByRole('checkbox', { name: /Remove volume old-cache and its data/ }),
    );
    await waitFor(() =>
      expect(Number(within(dialog).getByTestId('cleanup-total').dataset.bytes)).toBe(
        before + 57_000_000,
      ),
    );
    expect(api.calls.filter((c) => c.method === 'planCleanup').at(-1)?.args[0]).toEqual({
      strategy: 'everything-unused',
      volumes: ['old-cache'],
    });
    expect(within(dialog).getByTestId('resource-plan-commands').textContent?.split('\n')).toEqual([
      'docker container rm old-db',
      'docker volume rm old-cache',
    ]);

    await fireEvent.click(within(dialog).getByTestId('cleanup-confirm'));
    await within(dialog).findByTestId('cleanup-reclaimed');
    const runs = api.calls.map((c) => c.method).filter((m) => m.startsWith('run'));
    expect(runs[0]).toBe('runResourcePlan');
    expect(api.inventory().volumes.map((v) => v.name)).toEqual(['pgdata', '3f9a1c0d2e7b']);
    expect(api.inventory().containers.map((c) => c.name)).toEqual(['web']);
  });

  it('lists every strategy with its bytes, and reviews the one chosen with its parameter', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, start: 'choose', onclose: () => undefined });
    const list = await screen.findByTestId('strategy-list');
    const strategies = [...list.querySelectorAll<HTMLElement>('[data-strategy]')].map(
      (el) => el.dataset.strategy,
    );
    expect(strategies).toEqual([
      'safe',
      'unused-images',
      'older-than',
      'keep-newest',
      'build-cache',
      'least-recently-used',
      'everything-unused',
      'custom',
    ]);
    for (const figure of within(list).getAllByTestId('strategy-estimate')) {
      expect(Number(figure.dataset.bytes)).toBeGreaterThanOrEqual(0);
    }
    await fireEvent.click(within(list).getByRole('radio', { name: /Keep the newest/ }));
    const keep = await screen.findByTestId('keep-newest');
    await fireEvent.change(keep, { target: { value: '1' } });
    await waitFor(() =>
      expect(
        api.calls.filter((c) => c.method === 'estimateCleanups').at(-1)?.args[0],
      ).toMatchObject({ keepNewest: 1 }),
    );
    await fireEvent.click(screen.getByTestId('cleanup-review'));
    await screen.findByTestId('cleanup-total');
    expect(api.calls.filter((c) => c.method === 'planCleanup').at(-1)?.args[0]).toEqual({
      strategy: 'keep-newest',
      keep: 1,
    });
  });

  it('says a review is stale when the engine changes, and runs only once reviewed again', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, onclose: () => undefined });
    const dialog = await screen.findByTestId('cleanup-dialog');
    await within(dialog).findByTestId('cleanup-total');
    const confirm = within(dialog).getByTestId('cleanup-confirm');
    expect(confirm).toHaveProperty('disabled', false);
    const inventory = api.inventory();
    // Another client pulled an image: a fresh snapshot, taken after the review.
    api.emit('inventoryChanged', { ...inventory, takenAt: inventory.takenAt + 60_000 });
    await within(dialog).findByTestId('cleanup-stale');
    expect(confirm).toHaveProperty('disabled', true);
    const plansBefore = api.calls.filter((c) => c.method === 'planCleanup').length;
    await fireEvent.click(within(dialog).getByTestId('cleanup-refresh'));
    await waitFor(() => expect(within(dialog).queryByTestId('cleanup-stale')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'planCleanup').length).toBe(plansBefore + 1);
    expect(within(dialog).getByTestId('cleanup-confirm')).toHaveProperty('disabled', false);
  });

  it('unticking an image re-plans at once: the total and the command follow, the run leaves it', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, start: 'choose', onclose: () => undefined });
    const list = await screen.findByTestId('strategy-list');
    await fireEvent.click(within(list).getByRole('radio', { name: /^Unused images/ }));
    await fireEvent.click(screen.getByTestId('cleanup-review'));
    const dialog = await screen.findByTestId('cleanup-dialog');
    const totalBefore = Number((await within(dialog).findByTestId('cleanup-total')).dataset.bytes);
    const removeList = within(dialog).getByTestId('prune-remove-list');
    const rows = [...removeList.querySelectorAll<HTMLElement>('li[data-image-id]')];
    expect(rows.length).toBeGreaterThan(1);
    const row = rows[0] as HTMLElement;
    const imageId = row.dataset.imageId as string;
    const name = row.querySelector('.name')?.textContent ?? '';
    const commandBefore = within(dialog).getByTestId('prune-command').textContent;

    await fireEvent.click(within(row).getByRole('checkbox', { name: new RegExp(name) }));

    await waitFor(() =>
      expect(Number(within(dialog).getByTestId('cleanup-total').dataset.bytes)).toBeLessThan(
        totalBefore,
      ),
    );
    expect(api.calls.filter((c) => c.method === 'planCleanup').at(-1)?.args[1]).toEqual({
      images: [imageId],
      cacheRecords: [],
      resources: [],
    });
    const command = within(dialog).getByTestId('prune-command').textContent ?? '';
    expect(command).not.toBe(commandBefore);
    expect(command).toMatch(/^docker rmi /);
    expect(command.split(' ')).not.toContain(name);
    const unticked = within(dialog)
      .getByTestId('prune-remove-list')
      .querySelector<HTMLInputElement>(`li[data-image-id="${imageId}"] input`);
    expect(unticked?.checked).toBe(false);

    await fireEvent.click(within(dialog).getByTestId('cleanup-confirm'));

    await within(dialog).findByTestId('cleanup-reclaimed');
    const left = api.inventory().images.map((i) => i.id);
    expect(left).toContain(imageId);
    for (const other of rows.slice(1)) expect(left).not.toContain(other.dataset.imageId);
  });

  it('ticking an unticked item again brings its bytes back; a cache record unticks the same way', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, onclose: () => undefined });
    const dialog = await screen.findByTestId('cleanup-dialog');
    const total = (): number => Number(within(dialog).getByTestId('cleanup-total').dataset.bytes);
    await within(dialog).findByTestId('cleanup-total');
    const before = total();
    const [record] = within(dialog).getAllByTestId('untick-cache');
    if (!record) throw new Error('the Safe review lists build cache');

    await fireEvent.click(record);
    await waitFor(() => expect(total()).toBeLessThan(before));
    expect(within(dialog).queryByTestId('cache-command')?.textContent ?? '').not.toBe(
      'docker builder prune -f',
    );
    await fireEvent.click(within(dialog).getAllByTestId('untick-cache')[0] as HTMLElement);

    await waitFor(() => expect(total()).toBe(before));
    expect(within(dialog).getByTestId('cache-command').textContent).toBe('docker builder prune -f');
  });

  it('a re-plan that fails leaves the plan shown and its ticks as they were', async () => {
    const api = createFakeApi();
    render(CleanupDialog, { api, start: 'choose', onclose: () => undefined });
    const list = await screen.findByTestId('strategy-list');
    await fireEvent.click(within(list).getByRole('radio', { name: /^Unused images/ }));
    await fireEvent.click(screen.getByTestId('cleanup-review'));
    const dialog = await screen.findByTestId('cleanup-dialog');
    const totalBefore = (await within(dialog).findByTestId('cleanup-total')).dataset.bytes;
    api.planCleanup = async () => ({ ok: false, error: { code: 'NOT_CONNECTED' } });
    const [first] = within(dialog).getAllByTestId('untick-image') as HTMLInputElement[];
    if (!first) throw new Error('no tick');

    await fireEvent.click(first);

    await within(dialog).findByRole('alert');
    const ticks = within(dialog).getAllByTestId('untick-image') as HTMLInputElement[];
    expect(ticks.every((tick) => tick.checked)).toBe(true);
    expect(within(dialog).getByTestId('cleanup-total').dataset.bytes).toBe(totalBefore);
  });
});
