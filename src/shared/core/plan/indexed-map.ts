/**
 * A Map that reports every entry that comes and goes, so the indexes its owner keeps beside
 * it (children by parent, holds on layers) stay exact however the map is changed: planners
 * set, delete and clear the model's maps directly. Iteration order is a Map's own.
 */
export class IndexedMap<K, V> extends Map<K, V> {
  constructor(
    private readonly added: (key: K, value: V) => void,
    /** `replaced`: a new value takes the key's place at once (a Map keeps its order then). */
    private readonly removed: (key: K, value: V, replaced: boolean) => void,
  ) {
    super();
  }

  override set(key: K, value: V): this {
    const old = super.get(key);
    if (old !== undefined) this.removed(key, old, true);
    super.set(key, value);
    this.added(key, value);
    return this;
  }

  override delete(key: K): boolean {
    const old = super.get(key);
    if (old === undefined) return false;
    super.delete(key);
    this.removed(key, old, false);
    return true;
  }

  override clear(): void {
    for (const [key, value] of super.entries()) this.removed(key, value, false);
    super.clear();
  }
}
