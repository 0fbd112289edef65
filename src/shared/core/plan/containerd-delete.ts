import { shortId } from '../../format/short-id';
import {
  familiarString,
  fullName,
  parseReported,
  type ParsedReference,
} from '../references/reference-grammar';
import {
  multipleReferencesConflict,
  runningContainerConflict,
  stoppedContainerConflict,
} from './delete-conflicts';
import type {
  DeleteConflict,
  DeleteOutcome,
  DeleteTarget,
  EngineModel,
  ModelImage,
} from './engine-model';

/**
 * `DELETE /images/{name}` on the containerd image store (moby daemon/containerd/
 * image_delete.go, the same rules in 26.1 and 28.5 for a whole image). There an image is a
 * set of name records pointing at one manifest or index digest (the image ID): its tags,
 * and `moby-dangling@<digest>` when it has no tag left but must stay. Its RepoDigests are
 * not records: they are made from the names when listed.
 *
 * How it differs from the classic store, each rule checked against the engines:
 * - no conflict for children: a parent with children is deleted, or, removed by its only
 *   name without force, kept as a dangling record while the engine still answers `Deleted`;
 * - a name is untagged alone, with no container check, unless it is every record of the
 *   image (a tag takes its repository's digest records along, a digest every name of its
 *   repository);
 * - `Deleted:` names the image only (content and snapshots go by garbage collection);
 * - untagged parents are pruned only while each is dangling, and not at all when the
 *   image had more than one name (moby checks the parent against the child's names).
 */

const RUNNING = 1;
const ACTIVE_REFERENCE = 2;
const STOPPED = 4;
const SOFT = ACTIVE_REFERENCE | STOPPED;

/** The records of one image: its names, and whether a dangling record holds it. */
function recordCount(image: ModelImage): number {
  return image.refs.length + (image.danglingRecord ? 1 : 0);
}

/**
 * moby's getSameReferences: the names of `image` that count as the same reference as
 * `named` (by ID, null: the first name). A digest takes every name of its repository; a tag
 * takes itself, and the repository's digest records while the repository has no other tag.
 * The dangling record always counts too (see recordCount).
 */
function sameReferences(image: ModelImage, named: ParsedReference | null): ParsedReference[] {
  const first = named ?? image.refs[0];
  if (!first) return [];
  const repo = fullName(first);
  const inRepo = image.refs.filter((r) => fullName(r) === repo);
  if (first.digest !== null && first.tag === null) return inRepo;
  const tag = first.tag;
  const tagged = inRepo.filter((r) => r.tag !== null);
  const sameTag = tagged.filter((r) => r.tag === tag);
  const otherTag = tagged.some((r) => r.tag !== tag);
  return otherTag ? sameTag : [...sameTag, ...inRepo.filter((r) => r.tag === null)];
}

/** Whether `same` (with the dangling record, always the same) is every record of the image. */
function coversAll(image: ModelImage, same: readonly ParsedReference[]): boolean {
  return same.length === image.refs.length;
}

export function deleteOnContainerd(
  model: EngineModel,
  target: DeleteTarget,
  force: boolean,
  prune: boolean,
): DeleteOutcome {
  const outcome: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  const soft = force ? 0 : SOFT;
  if (target.kind === 'id') {
    const image = model.images.get(target.id);
    if (!image) throw new Error(`no image ${target.id}`);
    // When the first name's "same references" are every record, several names cannot be
    // the conflict.
    const every = coversAll(image, sameReferences(image, null));
    return deleteAll(model, image, every ? soft & ~ACTIVE_REFERENCE : soft, prune, outcome);
  }
  const ref = parseReported(target.reference);
  if (!ref) throw new Error(`no image has the reference ${target.reference}`);
  const image = model.imageByReference(ref);
  // `name@digest` with no record of that name: every name of the repository on the image.
  if (!image && ref.digest !== null) return deleteByDigest(model, ref, soft, prune, outcome);
  if (!image) throw new Error(`no image has the reference ${target.reference}`);
  const same = sameReferences(image, ref);
  if (!coversAll(image, same)) return untagOnly(image, same, outcome);
  const mask = recordCount(image) > 1 ? soft & ~ACTIVE_REFERENCE : soft;
  const user = model.containersOf(image.id)[0];
  if (user) {
    if (!force) {
      outcome.conflict = {
        kind: 'reference-in-use',
        hard: false,
        message: `conflict: unable to delete ${familiarString(ref)} (must be forced) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`,
        containerId: user.id,
      };
      return outcome;
    }
    // Forced: only this name goes, and a dangling record keeps the image for its container.
    if (recordCount(image) === 1) image.danglingRecord = true;
    const named = image.refs.filter((r) => familiarString(r) === familiarString(ref));
    return untagOnly(image, named, outcome);
  }
  return deleteAll(model, image, mask, prune, outcome);
}

/** `name@sha256:…` names every name of that repository on the image with that digest. */
function deleteByDigest(
  model: EngineModel,
  ref: ParsedReference,
  soft: number,
  prune: boolean,
  outcome: DeleteOutcome,
): DeleteOutcome {
  const image = model.images.get(ref.digest ?? '');
  const same = image ? sameReferences(image, ref) : [];
  if (!image || same.length === 0) throw new Error(`no image has the reference ${fullName(ref)}`);
  if (!coversAll(image, same)) return untagOnly(image, same, outcome);
  return deleteAll(model, image, soft & ~ACTIVE_REFERENCE, prune, outcome);
}

function untagOnly(
  image: ModelImage,
  names: readonly ParsedReference[],
  outcome: DeleteOutcome,
): DeleteOutcome {
  const gone = new Set(names.map(familiarString));
  image.refs = image.refs.filter((r) => !gone.has(familiarString(r)));
  outcome.untagged.push(...names.map(familiarString));
  return outcome;
}

function conflictOf(
  model: EngineModel,
  image: ModelImage,
  records: number,
  mask: number,
): DeleteConflict | null {
  const containers = model.containersOf(image.id);
  const running = containers.find((c) => c.running);
  if (mask & RUNNING && running) return runningContainerConflict(image.id, running.id);
  const stopped = containers.find((c) => !c.running);
  if (mask & STOPPED && stopped) return stoppedContainerConflict(image.id, stopped.id);
  if (mask & ACTIVE_REFERENCE && records > 1) return multipleReferencesConflict(image.id);
  return null;
}

/** The images the classic builder's parent label leads to, nearest first; [] if one is gone. */
function parentChain(model: EngineModel, image: ModelImage): ModelImage[] {
  const chain: ModelImage[] = [];
  const seen = new Set([image.id]);
  let parentId = image.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = model.images.get(parentId);
    // moby gives up on every parent when one cannot be resolved.
    if (!parent) return [];
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return chain;
}

function deleteAll(
  model: EngineModel,
  image: ModelImage,
  mask: number,
  prune: boolean,
  outcome: DeleteOutcome,
): DeleteOutcome {
  const records = recordCount(image);
  const parents = prune ? parentsPrunedWith(model, image) : [];
  const conflict = conflictOf(model, image, records, RUNNING | mask);
  if (conflict) {
    outcome.conflict = conflict;
    return outcome;
  }
  // Its only name, not forced, with children: a dangling record keeps it for them.
  const keptForChildren =
    image.refs.length === 1 &&
    records === 1 &&
    (mask & ACTIVE_REFERENCE) !== 0 &&
    model.children(image.id).length > 0;
  outcome.untagged.push(...image.refs.map(familiarString));
  image.refs = [];
  if (keptForChildren) image.danglingRecord = true;
  else model.images.delete(image.id);
  outcome.deleted.push(image.id);
  for (const parent of parents) {
    model.images.delete(parent.id);
    outcome.deleted.push(parent.id);
  }
  return outcome;
}

/**
 * The untagged parents deleting `image` whole takes along, nearest first: each while it is
 * dangling and no container uses it, none when the image had more than one record (moby
 * checks the parent against the child's names).
 */
export function parentsPrunedWith(model: EngineModel, image: ModelImage): ModelImage[] {
  const records = recordCount(image);
  const pruned: ModelImage[] = [];
  for (const parent of parentChain(model, image)) {
    const dangling = model.images.has(parent.id) && parent.refs.length === 0;
    if (!dangling || conflictOf(model, parent, records, RUNNING | SOFT)) break;
    pruned.push(parent);
  }
  return pruned;
}
