/**
 * What the layer accounting knows about layer sizes, kept per chain ID.
 *
 * The fact stored is a chain's CUMULATIVE size: the bytes of that layer and every layer below
 * it. An image's Size is exactly the cumulative size of its top chain (moby sums the diff
 * sizes down the chain), so every image states one fact for free; `/history` states one per
 * layer. A layer's own size is the difference between its chain's cumulative size and its
 * parent chain's. Chain content never changes, so facts never expire.
 *
 * Bytes freed by removing images always fall on a run of layers that ends at an image's top
 * and starts above a layer another image keeps, i.e. above a top or a branch point of the
 * layer tree. So only tops and branch points need known cumulative sizes for every unique and
 * shared figure to be exact; `/history` is read only for images whose branch points are not
 * already known from some image's Size.
 */

export interface ImageLayers {
  id: string;
  /** The image's Size. */
  size: number;
  /** Chain IDs, bottom first. */
  chains: readonly string[];
}

export class ChainSizes {
  private readonly cumulative = new Map<string, number>();

  known(chain: string): number | undefined {
    return this.cumulative.get(chain);
  }

  /** Records the fact every image states: its top chain's cumulative size is its Size. */
  learnImage(image: ImageLayers): void {
    const top = image.chains.at(-1);
    if (top !== undefined) this.cumulative.set(top, image.size);
  }

  /**
   * Records per-layer sizes read from history. Refused (false, nothing recorded) when they
   * contradict a fact already known, which would mean the history was mapped wrongly.
   */
  learnLayerSizes(chains: readonly string[], sizes: readonly number[]): boolean {
    if (chains.length !== sizes.length) return false;
    const running: number[] = [];
    let sum = 0;
    for (const size of sizes) {
      sum += size;
      running.push(sum);
    }
    const contradicts = chains.some((chain, i) => {
      const fact = this.cumulative.get(chain);
      return fact !== undefined && fact !== running[i];
    });
    if (contradicts) return false;
    chains.forEach((chain, i) => this.cumulative.set(chain, running[i] ?? 0));
    return true;
  }

  /**
   * Each layer's own bytes along `chains`. Inside a run of layers with unknown cumulative
   * sizes (no image ends there, nothing branches there), the run's bytes are reported on its
   * top layer; sums over any set of layers that removals can free stay exact.
   */
  layerSizes(chains: readonly string[]): number[] {
    let below = 0;
    return chains.map((chain) => {
      const cumulative = this.cumulative.get(chain);
      if (cumulative === undefined) return 0;
      const own = cumulative - below;
      below = cumulative;
      return own;
    });
  }
}

/** Chains whose cumulative size must be known: every image's top and every branch point. */
export function chainsThatMatter(images: readonly ImageLayers[]): Set<string> {
  const successors = new Map<string, Set<string>>();
  const END = '';
  for (const image of images) {
    image.chains.forEach((chain, i) => {
      const next = image.chains[i + 1] ?? END;
      const set = successors.get(chain);
      if (set) set.add(next);
      else successors.set(chain, new Set([next]));
    });
  }
  const matter = new Set<string>();
  for (const [chain, next] of successors) {
    if (next.size > 1 || next.has(END)) matter.add(chain);
  }
  return matter;
}

/**
 * The fewest images (greedy) whose history would make every chain that matters known.
 * Images in `exclude` (history already read, or unusable) are not asked again.
 */
export function imagesNeedingHistory(
  images: readonly ImageLayers[],
  sizes: ChainSizes,
  exclude: ReadonlySet<string>,
): string[] {
  for (const image of images) sizes.learnImage(image);
  const unknown = new Set(
    [...chainsThatMatter(images)].filter((chain) => sizes.known(chain) === undefined),
  );
  const chosen: string[] = [];
  for (const image of images) {
    if (unknown.size === 0) break;
    if (exclude.has(image.id)) continue;
    const covers = image.chains.filter((chain) => unknown.has(chain));
    if (covers.length === 0) continue;
    chosen.push(image.id);
    for (const chain of covers) unknown.delete(chain);
  }
  return chosen;
}
