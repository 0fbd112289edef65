import type { EventEffect } from './event-effects';

/** What events asked to re-read since the last update, merged. */
export class PendingChanges {
  allImages = false;
  readonly images = new Set<string>();
  readonly containers = new Set<string>();
  stores = false;

  add(effect: EventEffect): void {
    switch (effect.kind) {
      case 'image':
        this.images.add(effect.id);
        break;
      case 'all-images':
        this.allImages = true;
        break;
      case 'container':
        this.containers.add(effect.id);
        break;
      case 'stores':
        this.stores = true;
        break;
      case 'none':
        break;
    }
  }

  /** Whether anything but the stores changed. */
  get hasFastChanges(): boolean {
    return this.allImages || this.images.size > 0 || this.containers.size > 0;
  }

  /** Takes the image and container changes, leaving `stores` to its own lane. */
  takeFast(): { allImages: boolean; images: string[]; containers: string[] } {
    const taken = {
      allImages: this.allImages,
      images: [...this.images],
      containers: [...this.containers],
    };
    this.allImages = false;
    this.images.clear();
    this.containers.clear();
    return taken;
  }

  takeStores(): boolean {
    const stores = this.stores;
    this.stores = false;
    return stores;
  }
}
