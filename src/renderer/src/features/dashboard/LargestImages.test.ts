// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureImages } from '../../testing/inventory-fixture';
import LargestImages from './LargestImages.svelte';

beforeAll(setupComponentTests);

describe('LargestImages', () => {
  it('leaves intermediate build steps out, as docker images does without -a', () => {
    const images = fixtureImages();
    const base = images[0] as (typeof images)[number];
    const huge = {
      ...base,
      id: `sha256:${'cd'.repeat(32)}`,
      repoTags: [],
      intermediate: true,
      dangling: false,
      size: 10 ** 12,
    };
    render(LargestImages, { images: [...images, huge] });
    expect(screen.getByTestId('largest-images').textContent).not.toContain('cdcdcdcdcdcd');
  });
});
