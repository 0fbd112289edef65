import type { DiskUsageRow } from '../../model';
import { imagesRow, type ImageDfFacts } from './cli-rows';

/**
 * The Images row of `docker system df` from Reclaim's own layer facts, with no call to the
 * slow `/system/df`. It mirrors how the daemon fills the figures the CLI then combines:
 *
 * - only images `docker images` lists take part (intermediate build steps are left out);
 * - LayersSize: every layer of those images, once;
 * - SharedSize of an image: its layers that another image also has. Docker 20.10 (API 1.41)
 *   counts only listed images as "another image"; from API 1.42 the daemon counts every
 *   image, intermediates included (moby daemon/images/images.go).
 */

export interface LayeredImage {
  id: string;
  size: number;
  chains: readonly string[];
  intermediate: boolean;
}

export interface ImagesRowInput {
  images: readonly LayeredImage[];
  /** Containers per image ID, any state. */
  containersByImage: ReadonlyMap<string, number>;
  /** Each chain's own bytes. */
  layerSize: ReadonlyMap<string, number>;
  /** True from API 1.42: intermediates count when deciding whether a layer is shared. */
  intermediatesShareLayers: boolean;
}

export function imagesRowFromLayers(input: ImagesRowInput): DiskUsageRow {
  const listed = input.images.filter((image) => !image.intermediate);
  const sharers = input.intermediatesShareLayers ? input.images : listed;
  const uses = new Map<string, number>();
  for (const image of sharers) {
    for (const chain of image.chains) uses.set(chain, (uses.get(chain) ?? 0) + 1);
  }
  const distinct = new Set(listed.flatMap((image) => image.chains));
  let layersSize = 0;
  for (const chain of distinct) layersSize += input.layerSize.get(chain) ?? 0;

  const facts: ImageDfFacts[] = listed.map((image) => ({
    size: image.size,
    sharedSize: image.chains
      .filter((chain) => (uses.get(chain) ?? 0) > 1)
      .reduce((sum, chain) => sum + (input.layerSize.get(chain) ?? 0), 0),
    containers: input.containersByImage.get(image.id) ?? 0,
  }));
  return imagesRow(layersSize, facts);
}
