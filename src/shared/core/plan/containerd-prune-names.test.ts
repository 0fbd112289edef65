import { describe, expect, it } from 'vitest';
import { containerdPruneUntagsInUse } from './containerd-prune-names';
import { releaseAtLeast } from './engine-release';

const ID = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const image = (repoTags: string[]) => ({ id: ID, repoTags });
const byId = { imageId: ID, image: ID };
const byShortId = { imageId: ID, image: 'aaaaaaaaaaaa' };

describe('whether the containerd store prune -a untags a used image', () => {
  it('Docker 26.1: a container made by ID protects no name, so every name goes', () => {
    expect(containerdPruneUntagsInUse(image(['app:1']), [byId], '26.1.5')).toBe(true);
    expect(containerdPruneUntagsInUse(image(['app:1']), [byShortId], '26.1.5')).toBe(true);
  });

  it('from 27.3: made by ID, the last name stays, and only other names go', () => {
    expect(containerdPruneUntagsInUse(image(['app:1']), [byId], '28.5.2')).toBe(false);
    expect(containerdPruneUntagsInUse(image(['app:1', 'app:2']), [byId], '28.5.2')).toBe(true);
    expect(containerdPruneUntagsInUse(image(['app:1']), [byId], '27.3.0')).toBe(false);
    expect(containerdPruneUntagsInUse(image(['app:1']), [byId], '27.2.1')).toBe(true);
  });

  it('made by name: that name is kept on every release, the others go', () => {
    const byName = { imageId: ID, image: 'app:1' };
    for (const version of ['26.1.5', '28.5.2']) {
      expect(containerdPruneUntagsInUse(image(['app:1']), [byName], version)).toBe(false);
      expect(containerdPruneUntagsInUse(image(['app:1', 'app:2']), [byName], version)).toBe(true);
    }
    // `app` means `app:latest`, in its full form `docker.io/library/app:latest`.
    const latest = { imageId: ID, image: 'app' };
    expect(containerdPruneUntagsInUse(image(['app:latest']), [latest], '26.1.5')).toBe(false);
  });

  it('from 27.3, name:tag@digest keeps the tag and marks the image used', () => {
    const digested = { imageId: ID, image: `app:1@${ID}` };
    expect(containerdPruneUntagsInUse(image(['app:1']), [digested], '28.5.2')).toBe(false);
    expect(containerdPruneUntagsInUse(image(['app:1']), [digested], '26.1.5')).toBe(true);
  });

  it('a name another container was made by is kept too; an untagged image has none to lose', () => {
    const elsewhere = { imageId: OTHER, image: 'app:2' };
    const mine = { imageId: ID, image: 'app:1' };
    expect(containerdPruneUntagsInUse(image(['app:1', 'app:2']), [mine, elsewhere], '26.1.5')).toBe(
      false,
    );
    expect(containerdPruneUntagsInUse(image([]), [byId], '26.1.5')).toBe(false);
  });
});

describe('releaseAtLeast', () => {
  it('compares major and minor, and takes an unreadable version as current', () => {
    expect(releaseAtLeast('28.5.2', 28, 4)).toBe(true);
    expect(releaseAtLeast('28.3.3', 28, 4)).toBe(false);
    expect(releaseAtLeast('29.0.0', 28, 4)).toBe(true);
    expect(releaseAtLeast('26.1.5', 27, 3)).toBe(false);
    expect(releaseAtLeast('dev', 27, 3)).toBe(true);
  });
});
