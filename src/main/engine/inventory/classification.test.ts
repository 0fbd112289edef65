import { describe, expect, it } from 'vitest';
import { childrenByParent, classifyImage, type NamedImage } from './classification';
import { fixtureId, recorded } from './recorded/docker-20.10';
import { imageFromSummary } from './records';

const images: NamedImage[] = recorded.imagesAll.map(imageFromSummary);
const children = childrenByParent(images);
const kinds = new Map(
  images.map((image) => [image.id, classifyImage(image, children.get(image.id) ?? [])]),
);

describe('dangling and intermediate, as the recorded engine decided', () => {
  it('calls dangling exactly the images `dangling=true` listed', () => {
    const dangling = images.filter((image) => kinds.get(image.id)?.dangling).map((i) => i.id);
    expect(dangling.sort()).toEqual([...recorded.danglingIds].sort());
  });

  it('counts an image left with only a digest as dangling, as moby does', () => {
    const pulled = images.find((image) => image.id === fixtureId('pulled'));
    expect(pulled?.repoTags).toEqual([]);
    expect(pulled?.repoDigests.length).toBe(1);
    expect(kinds.get(fixtureId('pulled'))?.dangling).toBe(true);
    expect(kinds.get(fixtureId('pulled'))?.intermediate).toBe(false);
  });

  it('hides exactly the intermediates: what the list without all=1 left out', () => {
    const hidden = images
      .filter((image) => !recorded.defaultListIds.includes(image.id))
      .map((image) => image.id);
    const intermediate = images.filter((image) => kinds.get(image.id)?.intermediate);
    expect(intermediate.map((image) => image.id).sort()).toEqual(hidden.sort());
    expect(hidden.sort()).toEqual([...recorded.fixtureIds.intermediates].sort());
  });

  it('links parents and children both ways', () => {
    expect(kinds.get(fixtureId('parent'))?.childIds).toEqual([fixtureId('child')]);
    expect(kinds.get(fixtureId('child'))?.childIds).toEqual([]);
    const last = recorded.fixtureIds.intermediates.at(-1) ?? '';
    expect(kinds.get(last)?.childIds).toEqual([fixtureId('built')]);
  });

  it('does not call a tagged parent intermediate, nor an untagged image with a digest', () => {
    const withDigest: NamedImage = {
      id: 'sha256:1',
      repoTags: [],
      repoDigests: ['r/x@sha256:2'],
      parentId: null,
    };
    expect(classifyImage(withDigest, ['sha256:3'])).toEqual({
      childIds: ['sha256:3'],
      dangling: false,
      intermediate: false,
    });
    expect(kinds.get(fixtureId('parent'))?.intermediate).toBe(false);
  });
});
