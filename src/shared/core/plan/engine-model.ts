import type { EngineKind, ImageStore, Inventory } from '../../model';
import type { ConflictKind } from '../../plan';
import {
  familiarString,
  fullName,
  fullString,
  parseReported,
  type ParsedReference,
} from '../references/reference-grammar';
import { shortId } from '../../format/short-id';
import { deleteOnContainerd } from './containerd-delete';
import { deleteOnPodman } from './podman-delete';
import {
  dependentChildrenConflict,
  multipleReferencesConflict,
  runningContainerConflict,
  stoppedContainerConflict,
} from './delete-conflicts';
import { ModelIndexes } from './model-indexes';

/**
 * A model of the engine's image store, enough to predict `DELETE /images/{name}` exactly:
 * which references go (`Untagged:`), which image and layers go (`Deleted:`), or which
 * conflict the engine answers with. On the classic store it reproduces moby's
 * daemon/images/image_delete.go (ImageDelete, imageDeleteHelper, checkImageDeleteConflict);
 * on the containerd store, containerd-delete.ts; on Podman, podman-delete.ts. Plans run it on a copy of the inventory,
 * target after target, so later targets see what earlier ones did.
 */

export interface ModelImage {
  id: string;
  parentId: string | null;
  /** Chain IDs, bottom first. */
  layers: readonly string[];
  refs: ParsedReference[];
  /**
   * Containerd store: a `moby-dangling@<digest>` record holds the image (it has no name left
   * but is kept, for a container or for children).
   */
  danglingRecord?: boolean;
}

export interface ModelContainer {
  id: string;
  imageId: string;
  running: boolean;
  /** The image's layers when the container was made: its writable layer keeps them. */
  layers: readonly string[];
}

export type { ConflictKind };

export interface DeleteConflict {
  kind: ConflictKind;
  /** Hard conflicts cannot be forced. */
  hard: boolean;
  /** The engine's 409 message, verbatim. */
  message: string;
  containerId?: string;
}

/** One `DELETE /images/…` answer: the records, or the conflict (nothing changed then). */
export interface DeleteOutcome {
  untagged: string[];
  deleted: string[];
  conflict: DeleteConflict | null;
}

export type DeleteTarget = { kind: 'id'; id: string } | { kind: 'reference'; reference: string };

// The conflict classes of checkImageDeleteConflict, checked in this order.
const CHILDREN = 1;
const RUNNING = 2;
const ACTIVE_REFERENCE = 4;
const STOPPED = 8;
const HARD = CHILDREN | RUNNING;
const SOFT = ACTIVE_REFERENCE | STOPPED;

function isSingleReference(refs: readonly ParsedReference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tagged = refs.filter((ref) => ref.digest === null);
  if (tagged.length > 1) return false;
  const canonicalNames = new Set(refs.filter((r) => r.digest !== null).map(fullName));
  const single = tagged[0] ?? refs[0];
  return canonicalNames.size === 1 && single !== undefined && canonicalNames.has(fullName(single));
}

/** The engine's reference store lists an image's references sorted by their full string. */
function sortRefs(refs: ParsedReference[]): ParsedReference[] {
  return refs.sort((a, b) =>
    fullString(a) < fullString(b) ? -1 : fullString(a) > fullString(b) ? 1 : 0,
  );
}

export class EngineModel {
  private readonly indexes = new ModelIndexes<ModelImage, ModelContainer>();
  readonly images = this.indexes.images;
  readonly containers = this.indexes.containers;

  constructor(
    readonly store: ImageStore = 'classic',
    readonly kind: EngineKind = 'docker',
  ) {}

  static fromInventory(inv: Pick<Inventory, 'engine' | 'images' | 'containers'>): EngineModel {
    const model = new EngineModel(inv.engine.imageStore, inv.engine.kind);
    const containerd = model.store === 'containerd';
    // On the containerd store RepoDigests are made from the names, and Podman keeps digests
    // apart from names: neither deletes a digest as a record of its own.
    const digestsAreRecords = !containerd && model.kind !== 'podman';
    for (const image of inv.images) {
      const refs = [...image.repoTags, ...(digestsAreRecords ? image.repoDigests : [])]
        .map(parseReported)
        .filter((ref): ref is ParsedReference => ref !== null);
      model.images.set(image.id, {
        id: image.id,
        parentId: image.parentId,
        layers: image.layers,
        // Podman keeps an image's names in the order it lists them, and words them so.
        refs: model.kind === 'podman' ? refs : sortRefs(refs),
        ...(containerd ? { danglingRecord: refs.length === 0 } : {}),
      });
    }
    for (const container of inv.containers) {
      model.containers.set(container.id, {
        id: container.id,
        imageId: container.imageId,
        running: container.running,
        layers: model.images.get(container.imageId)?.layers ?? [],
      });
    }
    return model;
  }

  clone(): EngineModel {
    const copy = new EngineModel(this.store, this.kind);
    for (const [id, image] of this.images) copy.images.set(id, { ...image, refs: [...image.refs] });
    for (const [id, container] of this.containers) copy.containers.set(id, { ...container });
    return copy;
  }

  /**
   * Whether `Deleted:` names layers as well as images (Docker's classic store). Elsewhere it
   * names images only, and the bytes come from the layers held before and after.
   */
  get deletedNamesLayers(): boolean {
    return this.kind === 'docker' && this.store === 'classic';
  }

  /** Every layer an image or a container's writable layer still holds. */
  heldLayers(): Set<string> {
    return this.indexes.heldLayers();
  }

  isHeld(layer: string): boolean {
    return this.indexes.isHeld(layer);
  }

  /** The images whose parent is `id`, in the map's order. */
  children(id: string): string[] {
    return this.indexes.children(id);
  }

  containersOf(id: string): ModelContainer[] {
    return [...this.containers.values()].filter((container) => container.imageId === id);
  }

  /** `docker rm <id>` of a stopped container: its writable layer stops holding image layers. */
  removeContainer(id: string): void {
    this.containers.delete(id);
  }

  /** Which image a reference names now (exact, fully qualified match). */
  imageByReference(reference: ParsedReference): ModelImage | undefined {
    return this.indexes.imageByReference(reference);
  }

  /**
   * Whether `reference` (familiar form) still names `imageId`: one of its names, or on the
   * containerd store `name@<its digest>` while it has a name in that repository.
   */
  stillNames(imageId: string, reference: string): boolean {
    const image = this.images.get(imageId);
    const parsed = parseReported(reference);
    if (!image || !parsed) return false;
    if (this.store === 'containerd' && parsed.digest === imageId) {
      return image.refs.some((r) => fullName(r) === fullName(parsed));
    }
    return image.refs.some((r) => familiarString(r) === familiarString(parsed));
  }

  /** Predicts `DELETE /images/{target}?force=&noprune=!prune` and applies it to the model. */
  delete(target: DeleteTarget, force: boolean, prune: boolean): DeleteOutcome {
    if (this.kind === 'podman') return deleteOnPodman(this, target, prune);
    if (this.store === 'containerd') return deleteOnContainerd(this, target, force, prune);
    const outcome: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
    if (target.kind === 'id') return this.deleteById(target.id, force, prune, outcome);
    const ref = parseReported(target.reference);
    const image = ref ? this.imageByReference(ref) : undefined;
    if (!ref || !image) throw new Error(`no image has the reference ${target.reference}`);
    if (!force && isSingleReference(image.refs)) {
      const user = [...this.containers.values()].find((c) => c.imageId === image.id);
      if (user) {
        outcome.conflict = {
          kind: 'reference-in-use',
          hard: false,
          message: `conflict: unable to remove repository reference "${target.reference}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`,
          containerId: user.id,
        };
        return outcome;
      }
    }
    this.untag(image, ref, outcome);
    if (ref.digest === null) {
      // Removing the repository's last tag also drops its digest references.
      const tagLeft = image.refs.some((r) => r.digest === null && fullName(r) === fullName(ref));
      if (!tagLeft) {
        for (const digestRef of image.refs.filter(
          (r) => r.digest !== null && fullName(r) === fullName(ref),
        )) {
          this.untag(image, digestRef, outcome);
        }
      }
    }
    if (image.refs.length > 0) return outcome;
    this.deleteHelper(image.id, force, prune, true, outcome);
    return outcome;
  }

  private deleteById(
    id: string,
    force: boolean,
    prune: boolean,
    outcome: DeleteOutcome,
  ): DeleteOutcome {
    const image = this.images.get(id);
    if (!image) throw new Error(`no image ${id}`);
    if (isSingleReference(image.refs)) {
      const mask = force ? HARD : HARD | STOPPED;
      const conflict = this.conflict(image, mask);
      if (conflict) {
        outcome.conflict = conflict;
        return outcome;
      }
      for (const ref of [...image.refs]) this.untag(image, ref, outcome);
    }
    const conflict = this.deleteHelper(id, force, prune, false, outcome);
    if (conflict) outcome.conflict = conflict;
    return outcome;
  }

  private untag(image: ModelImage, ref: ParsedReference, outcome: DeleteOutcome): void {
    image.refs = image.refs.filter((r) => fullString(r) !== fullString(ref));
    outcome.untagged.push(familiarString(ref));
  }

  private deleteHelper(
    id: string,
    force: boolean,
    prune: boolean,
    quiet: boolean,
    outcome: DeleteOutcome,
  ): DeleteConflict | null {
    const image = this.images.get(id);
    if (!image) return null;
    const conflict = this.conflict(image, force ? HARD : HARD | SOFT);
    if (conflict) {
      const dangling = image.refs.length === 0 && this.children(id).length === 0;
      const used = conflict.kind === 'running-container' || conflict.kind === 'stopped-container';
      if (quiet && (!dangling || used)) return null;
      return conflict;
    }
    for (const ref of [...image.refs]) this.untag(image, ref, outcome);
    this.images.delete(id);
    outcome.deleted.push(id);
    outcome.deleted.push(...this.releaseLayers(image.layers));
    if (prune && image.parentId !== null) {
      this.deleteHelper(image.parentId, false, true, true, outcome);
    }
    return null;
  }

  /** Layers no longer held by an image or a container's writable layer, top first. */
  private releaseLayers(layers: readonly string[]): string[] {
    const released: string[] = [];
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i];
      if (layer === undefined || this.isHeld(layer)) break;
      released.push(layer);
    }
    return released;
  }

  private conflict(image: ModelImage, mask: number): DeleteConflict | null {
    if (mask & CHILDREN && this.children(image.id).length > 0) {
      return dependentChildrenConflict(image.id);
    }
    const containers = this.containersOf(image.id);
    const running = containers.find((c) => c.running);
    if (mask & RUNNING && running) return runningContainerConflict(image.id, running.id);
    if (mask & ACTIVE_REFERENCE && image.refs.length > 0) {
      return multipleReferencesConflict(image.id);
    }
    const stopped = containers.find((c) => !c.running);
    if (mask & STOPPED && stopped) return stoppedContainerConflict(image.id, stopped.id);
    return null;
  }
}
