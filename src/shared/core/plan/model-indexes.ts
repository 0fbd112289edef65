import { fullString, type ParsedReference } from '../references/reference-grammar';
import { IndexedMap } from './indexed-map';

interface IndexedImage {
  id: string;
  parentId: string | null;
  layers: readonly string[];
  refs: ParsedReference[];
}

/**
 * The engine model's maps with the indexes kept beside them, so a plan over thousands of
 * images does not scan every image for each child, layer or reference question: children by
 * parent, holds on each layer (images and containers' writable layers), and images by name.
 */
export class ModelIndexes<I extends IndexedImage, C extends { layers: readonly string[] }> {
  /** Child IDs by parent ID. */
  private readonly childIds = new Map<string, Set<string>>();
  /** Each image's place in the map's order, so children come in that order. */
  private readonly position = new Map<string, number>();
  private nextPosition = 0;
  /** How many images and containers hold each layer. */
  private readonly holds = new Map<string, number>();
  /**
   * The image each reference (full string) named when the image was put in the map. Untagging
   * shrinks an image's refs in place, so a hit is checked against the image's refs now.
   */
  private readonly byReference = new Map<string, string>();

  readonly images: Map<string, I> = new IndexedMap<string, I>(
    (id, image) => {
      if (!this.position.has(id)) this.position.set(id, this.nextPosition++);
      if (image.parentId !== null) {
        const siblings = this.childIds.get(image.parentId) ?? new Set<string>();
        siblings.add(id);
        this.childIds.set(image.parentId, siblings);
      }
      this.hold(image.layers, 1);
      for (const ref of image.refs) {
        // Two images with one name (never on a real engine): the scan's answer, the first.
        const key = fullString(ref);
        const holder = this.images.get(this.byReference.get(key) ?? '');
        if (!holder || holder.id === id || !holder.refs.some((r) => fullString(r) === key)) {
          this.byReference.set(key, id);
        }
      }
    },
    (id, image, replaced) => {
      for (const ref of image.refs) {
        const key = fullString(ref);
        if (this.byReference.get(key) === id) this.byReference.delete(key);
      }
      if (image.parentId !== null) this.childIds.get(image.parentId)?.delete(id);
      this.hold(image.layers, -1);
      // As in a Map: a replaced entry keeps its place, a deleted one comes back at the end.
      if (!replaced) this.position.delete(id);
    },
  );

  readonly containers: Map<string, C> = new IndexedMap<string, C>(
    (_, container) => this.hold(container.layers, 1),
    (_, container) => this.hold(container.layers, -1),
  );

  private hold(layers: readonly string[], by: 1 | -1): void {
    // A layer listed twice in one image holds once, as a set of held layers would count it.
    for (const layer of new Set(layers)) {
      const count = (this.holds.get(layer) ?? 0) + by;
      if (count > 0) this.holds.set(layer, count);
      else this.holds.delete(layer);
    }
  }

  heldLayers(): Set<string> {
    return new Set(this.holds.keys());
  }

  isHeld(layer: string): boolean {
    return this.holds.has(layer);
  }

  /** The images whose parent is `id`, in the map's order. */
  children(id: string): string[] {
    const ids = this.childIds.get(id);
    if (!ids || ids.size === 0) return [];
    const order = (child: string): number => this.position.get(child) ?? 0;
    return [...ids].sort((a, b) => order(a) - order(b));
  }

  /** The image a reference names now (exact, fully qualified match). */
  imageByReference(reference: ParsedReference): I | undefined {
    const key = fullString(reference);
    const names = (image: I): boolean => image.refs.some((r) => fullString(r) === key);
    const indexed = this.images.get(this.byReference.get(key) ?? '');
    if (indexed && names(indexed)) return indexed;
    // Not indexed, or untagged since: the full scan is the answer of record.
    return [...this.images.values()].find(names);
  }
}
