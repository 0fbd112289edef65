// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import SizeBasisNote from './SizeBasisNote.svelte';

beforeAll(setupComponentTests);

describe('SizeBasisNote', () => {
  it('says the Images row leaves the content out only where the engine does so', () => {
    const { unmount } = render(SizeBasisNote, { store: 'containerd', testid: 'note' });
    expect(screen.getByTestId('note').textContent).not.toMatch(/only the snapshots/);
    unmount();
    render(SizeBasisNote, { store: 'containerd', testid: 'note', rowLeavesContentOut: true });
    expect(screen.getByTestId('note').textContent).toMatch(
      /Docker before 28\.2.*only the snapshots/,
    );
  });

  it('says nothing on the classic store', () => {
    render(SizeBasisNote, { store: 'classic', testid: 'note', rowLeavesContentOut: true });
    expect(screen.queryByTestId('note')).toBeNull();
  });
});
