/**
 * Simplified planning over the fixture inventory, close enough to the real planner's rules
 * (the brief's four-step flow) for component tests and screenshots. Test-only.
 */
import type { ContainerRef, ImageInfo, Inventory } from '../../../shared/model';
import type {
  Fix,
  PlannedTarget,
  PrunePlan,
  PruneOptions,
  RemovalOptions,
  RemovalPlan,
  ResolvedReference,
} from '../../../shared/plan';
import { reclaimError, type ReclaimError } from '../../../shared/errors';
import { shortId } from '../ui/format';

export function resolveIn(
  inv: Inventory,
  input: string,
): { ok: true; value: ResolvedReference } | { ok: false; error: ReclaimError } {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) {
    return {
      ok: false,
      error: reclaimError(
        'INVALID_REFERENCE',
        `"${input}" is not a valid reference.`,
        'Type a short ID, a full ID, name:tag or name@sha256:….',
      ),
    };
  }
  const hex = text.replace(/^sha256:/, '');
  if (/^[0-9a-f]+$/.test(hex)) {
    const matches = inv.images.filter((i) => i.id.replace(/^sha256:/, '').startsWith(hex));
    if (matches.length > 1) {
      return {
        ok: false,
        error: reclaimError(
          'AMBIGUOUS_REFERENCE',
          `"${text}" matches ${matches.length} images.`,
          'Type more characters of the ID.',
          { candidates: matches.map((m) => m.id) },
        ),
      };
    }
    const [only] = matches;
    if (matches.length === 1 && only) {
      return {
        ok: true,
        value: {
          input,
          kind: hex.length === 64 ? 'full-id' : 'short-id',
          imageId: only.id,
          reference: null,
        },
      };
    }
  }
  const withTag = text.includes('@') || /:[^/]+$/.test(text) ? text : `${text}:latest`;
  const byRef = inv.images.find(
    (i) => i.repoTags.includes(withTag) || i.repoDigests.includes(withTag),
  );
  if (byRef) {
    return {
      ok: true,
      value: {
        input,
        kind: text.includes('@') ? 'digest' : 'name-tag',
        imageId: byRef.id,
        reference: withTag,
      },
    };
  }
  return {
    ok: false,
    error: reclaimError(
      'NOT_FOUND',
      `No such image: ${text}`,
      'Check the name and tag with docker images, or pick the image from the list.',
    ),
  };
}

// Fix words as the real planner writes them (src/main/engine/plan/explain.ts); the UI words
// fixes itself from Fix.kind, but failures and fallbacks still show these.
const FORCE_STOPPED: Fix = {
  kind: 'force',
  explanation:
    'Force deletes the image anyway: the stopped container keeps its files (the image layers stay on disk for it, so little space comes back) and can still start, but no new container can be created from the image.',
};
const FORCE_RUNNING_BY_NAME: Fix = {
  kind: 'force',
  explanation:
    'Force removes only the name: the image stays (untagged, dangling) because a running container uses it. The container keeps running, but no new container can be created from the image by this name.',
};
const listOf = (containers: ContainerRef[]): string =>
  containers.map((c) => `${c.name} (${c.running ? 'running' : c.state})`).join(', ');

function planTarget(
  inv: Inventory,
  input: string,
  image: ImageInfo,
  reference: string | null,
  options: RemovalOptions,
): PlannedTarget {
  const otherTags = image.repoTags.filter((t) => t !== reference);
  const stopped = image.containers.filter((c) => !c.running);
  const running = image.containers.filter((c) => c.running);
  const base: PlannedTarget = {
    input,
    imageId: image.id,
    reference,
    outcome: 'deleted',
    reason: '',
    untagged: reference ? [reference] : [...image.repoTags, ...image.repoDigests],
    deleted: [image.id, ...image.layers],
    otherTags,
    containers: image.containers,
    children: [],
    keptLayers: [],
    bytesFreed: image.uniqueSize,
    fixes: [],
    containersRemovedFirst: [],
    childrenRemovedFirst: [],
  };
  if (reference && otherTags.length > 0) {
    return {
      ...base,
      outcome: 'untagged-only',
      reason: `Only untagged: other tags keep it (${otherTags.join(', ')}).`,
      deleted: [],
      bytesFreed: 0,
    };
  }
  // The real planner: by name, a running container makes it a reference conflict that force
  // resolves by untagging only; by ID, a running container blocks even force.
  if (running.length > 0 && reference && options.force) {
    return {
      ...base,
      outcome: 'untagged-only',
      reason: `Only untagged: a running container uses it (${running.map((c) => c.name).join(', ')}), so the image stays, untagged (dangling).`,
      deleted: [],
      bytesFreed: 0,
    };
  }
  if (running.length > 0 && reference) {
    return {
      ...base,
      outcome: 'blocked-by-running-container',
      reason: `Blocked: used by ${listOf(image.containers)}. The engine would answer: conflict: unable to remove repository reference "${reference}" (must force) - container ${shortId(running[0]?.id ?? '')} is using its referenced image ${shortId(image.id)}`,
      untagged: [],
      deleted: [],
      bytesFreed: 0,
      fixes: [FORCE_RUNNING_BY_NAME],
    };
  }
  if (running.length > 0) {
    return {
      ...base,
      outcome: 'blocked-by-running-container',
      reason: `Blocked: a running container uses it (${listOf(running)}); even force cannot remove it. Stop and remove the container first. The engine would answer: conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image is being used by running container ${shortId(running[0]?.id ?? '')}`,
      untagged: [],
      deleted: [],
      bytesFreed: 0,
    };
  }
  if (stopped.length > 0 && !options.force && !options.removeStoppedContainers) {
    const names = stopped.map((c) => c.name).join(' ');
    return {
      ...base,
      outcome: 'blocked-by-containers',
      reason: `Blocked: used by ${listOf(image.containers)}. The engine would answer: conflict: unable to delete ${shortId(image.id)} (must be forced) - image is being used by stopped container ${shortId(stopped[0]?.id ?? '')}`,
      untagged: [],
      deleted: [],
      bytesFreed: 0,
      fixes: [
        {
          kind: 'remove-stopped-containers',
          explanation: `Remove the stopped container${stopped.length > 1 ? 's' : ''} ${names} first (docker rm ${names}), then the image. The container's own files (its writable layer) are deleted with it.`,
        },
        FORCE_STOPPED,
      ],
    };
  }
  const children = image.childIds.filter((id) => inv.images.some((i) => i.id === id));
  if (children.length > 0 && !options.childrenFirst) {
    return {
      ...base,
      outcome: 'blocked-by-children',
      reason: `Blocked: it has child images built on it. The engine would answer: conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image has dependent child images`,
      untagged: [],
      deleted: [],
      bytesFreed: 0,
      children,
      fixes: [
        {
          kind: 'children-first',
          explanation: `Remove the child image${children.length > 1 ? 's' : ''} first, deepest first (${children.map(shortId).join(', ')}); an image other images are built on cannot be deleted, even by force.`,
        },
      ],
    };
  }
  const childBytes = options.childrenFirst
    ? children.reduce((s, id) => s + (inv.images.find((i) => i.id === id)?.uniqueSize ?? 0), 0)
    : 0;
  return {
    ...base,
    reason: 'No other tag and no container: the image and its unshared layers are deleted.',
    keptLayers:
      image.sharedSize > 0
        ? [
            {
              chainId: image.layers[0] ?? image.id,
              size: image.sharedSize,
              usedBy: ['team/app:1.4'],
            },
          ]
        : [],
    bytesFreed: image.uniqueSize + childBytes,
    containersRemovedFirst: options.removeStoppedContainers ? stopped : [],
    childrenRemovedFirst: options.childrenFirst ? children : [],
  };
}

export function planRemovalIn(
  inv: Inventory,
  inputs: string[],
  options: RemovalOptions,
  id: string,
): { ok: true; value: RemovalPlan } | { ok: false; error: ReclaimError } {
  const targets: PlannedTarget[] = [];
  // Targets run in order, as docker rmi does: a tag untagged by an earlier target no longer
  // keeps the image for a later one (both tags of an image selected delete it).
  const tagsLeft = new Map<string, string[]>();
  for (const input of inputs) {
    const resolved = resolveIn(inv, input);
    if (!resolved.ok) return resolved;
    const found = inv.images.find((i) => i.id === resolved.value.imageId) as ImageInfo;
    const image = { ...found, repoTags: tagsLeft.get(found.id) ?? found.repoTags };
    const { reference } = resolved.value;
    const target = planTarget(inv, input, image, reference, options);
    if (target.outcome === 'untagged-only' && reference) {
      tagsLeft.set(
        found.id,
        image.repoTags.filter((tag) => tag !== reference),
      );
    }
    targets.push(target);
  }
  const flags = options.force ? ' --force' : '';
  return {
    ok: true,
    value: {
      kind: 'removal',
      id,
      createdAt: Date.now(),
      options,
      targets,
      bytesFreed: targets.reduce((s, t) => s + t.bytesFreed, 0),
      command: `docker rmi${flags} ${inputs.join(' ')}`,
    },
  };
}

export function planPruneIn(inv: Inventory, options: PruneOptions, id: string): PrunePlan {
  const remove = [];
  const keep = [];
  for (const img of inv.images) {
    const candidate = {
      imageId: img.id,
      repoTags: img.repoTags,
      created: img.created,
      size: img.uniqueSize,
    };
    // What the run prints and frees for this image (the shape a prune plan's removals carry).
    const removal = {
      ...candidate,
      repoDigests: img.repoDigests,
      untagged: [...img.repoTags, ...img.repoDigests],
      deleted: [img.id, ...img.layers],
      bytesFreed: img.uniqueSize,
      removedWith: null,
      pruneParents: true,
    };
    if (img.containers.length > 0)
      keep.push({
        ...candidate,
        reason: 'in-use' as const,
        explanation: `used by ${img.containers.map((c) => c.name).join(', ')}`,
        containers: img.containers,
      });
    else if (img.labels['reclaim.protected'] === 'true')
      keep.push({
        ...candidate,
        reason: 'protected' as const,
        explanation: 'carries the protected label reclaim.protected=true',
      });
    else if (!options.all && !img.dangling)
      keep.push({
        ...candidate,
        reason: 'tagged' as const,
        explanation: 'tagged: only docker image prune -a removes it',
      });
    else if (img.childIds.length > 0)
      keep.push({
        ...candidate,
        reason: 'parent-of-kept' as const,
        explanation: 'other images are built on it',
      });
    else remove.push(removal);
  }
  const filters = [
    ...(options.until ? [`--filter until=${options.until}`] : []),
    ...(options.label ?? []).map((l) => `--filter label=${l}`),
    ...(options.labelNot ?? []).map((l) => `--filter label!=${l}`),
  ];
  return {
    kind: 'prune',
    id,
    createdAt: Date.now(),
    options,
    remove,
    keep,
    bytesFreed: remove.reduce((s, c) => s + c.size, 0),
    command: ['docker image prune', ...(options.all ? ['-a'] : []), ...filters].join(' '),
  };
}
