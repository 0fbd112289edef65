import type {
  DeleteConflict,
  DeleteOutcome,
  DeleteTarget,
  EngineModel,
  ModelImage,
} from './engine-model';
import { fullString, parseReported } from '../references/reference-grammar';

/**
 * `DELETE /images/{name}` on Podman's Docker-compatible API (Podman 4.3: pkg/api/handlers/
 * compat/images_remove.go, then libimage's removeRecursive in the vendored containers/common).
 * An image there is one record with its names; how it differs from Docker's classic store,
 * each rule checked against Podman 4.3.1:
 * - names are stored and printed fully qualified (`localhost/app:1`,
 *   `docker.io/library/busybox:latest`); the names are its RepoTags (a digest it was pulled
 *   by is listed among them), and RepoDigests are no names of their own;
 * - a name the image shares with other names is only untagged, with no container check;
 *   by ID, several names are refused ("please force removal", HTTP 500);
 * - `noprune` is ignored: when an image goes, so does its parent while the parent has no name
 *   and no other child, and so on up. Where the caller needs the parents kept (`prune`
 *   false: a protected parent), the model answers with a conflict, so the plan refuses;
 * - an image with children is deleted all the same (its layers stay for them), with no
 *   `Deleted:` line;
 * - `Deleted:` lines name images only;
 * - forced, it also removes the containers using the image: plans never force on Podman
 *   (planRemoval refuses), so `force` is not modelled.
 */
export function deleteOnPodman(
  model: EngineModel,
  target: DeleteTarget,
  prune: boolean,
): DeleteOutcome {
  const outcome: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  const image = imageOf(model, target);
  if (target.kind === 'reference' && image.refs.length > 1) {
    const named = parseReported(target.reference);
    if (!named) throw new Error(`not a reference: ${target.reference}`);
    image.refs = image.refs.filter((ref) => fullString(ref) !== fullString(named));
    outcome.untagged.push(fullString(named));
    return outcome;
  }
  if (target.kind === 'id' && image.refs.length > 1) {
    outcome.conflict = byIdConflict(image);
    return outcome;
  }
  const goes = [image, ...parentsThatGo(model, image)];
  for (const going of goes) {
    const user = model.containersOf(going.id)[0];
    if (user) {
      outcome.conflict = inUseConflict(going, target, user.id, user.running);
      return outcome;
    }
  }
  if (!prune && goes.length > 1) {
    // Reclaim's own refusal, not the engine's: there is no engine message to show.
    outcome.conflict = { kind: 'parent-would-go', hard: true, message: '' };
    return outcome;
  }
  for (const going of goes) {
    // Asked before it goes, once the child before it has gone: only a childless image is
    // reported `Deleted:`.
    const hasChildren = model.children(going.id).length > 0;
    model.images.delete(going.id);
    outcome.untagged.push(...going.refs.map(fullString));
    if (!hasChildren) outcome.deleted.push(going.id);
  }
  return outcome;
}

function imageOf(model: EngineModel, target: DeleteTarget): ModelImage {
  if (target.kind === 'id') {
    const image = model.images.get(target.id);
    if (!image) throw new Error(`no image ${target.id}`);
    return image;
  }
  const named = parseReported(target.reference);
  const image = named ? model.imageByReference(named) : undefined;
  if (!image) throw new Error(`no image has the reference ${target.reference}`);
  return image;
}

/**
 * The parents that go with `image`, nearest first: each while it has no name and no child
 * but the one going before it (libimage's IsDangling, asked once that child is gone).
 */
function parentsThatGo(model: EngineModel, image: ModelImage): ModelImage[] {
  const going: ModelImage[] = [];
  let child = image;
  while (child.parentId !== null) {
    const parent = model.images.get(child.parentId);
    if (!parent || parent.refs.length > 0) break;
    const others = model.children(parent.id).filter((id) => id !== child.id);
    if (others.length > 0) break;
    going.push(parent);
    child = parent;
  }
  return going;
}

function hex(id: string): string {
  return id.replace(/^sha256:/, '');
}

function byIdConflict(image: ModelImage): DeleteConflict {
  const names = image.refs.map(fullString).join(' ');
  return {
    kind: 'multiple-references',
    // Force would get past it, but Reclaim never forces on Podman (see above).
    hard: true,
    message: `unable to delete image "${hex(image.id)}" by ID with more than one tag ([${names}]): please force removal`,
  };
}

function inUseConflict(
  image: ModelImage,
  target: DeleteTarget,
  containerId: string,
  running: boolean,
): DeleteConflict {
  // Podman repeats the name it was sent; Reclaim sends an ID as `sha256:…`.
  const asked = target.kind === 'id' ? target.id : target.reference;
  return {
    kind: running ? 'running-container' : 'stopped-container',
    hard: true,
    message: `image ${asked} is in use: image used by ${hex(containerId)}: image is in use by a container: consider listing external containers and force-removing image`,
    containerId,
  };
}
