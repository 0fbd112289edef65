import type { CliName } from './core/plan/cli-name';
/**
 * Previews (plans) and their results. A plan is computed from an inventory snapshot and
 * says exactly what a removal or prune will do; running it does that and nothing else.
 */
import type { ContainerRef, ImageId } from './model';
import type { ReclaimError } from './errors';
import type { Protection, ProtectionMatch } from './core/filters/protection';

/** Options of a removal, mirroring `docker rmi` plus Reclaim's guided fixes. */
export interface RemovalOptions {
  /** `docker rmi --force`. */
  force: boolean;
  /** Remove the stopped containers that use a target first (never running ones). */
  removeStoppedContainers: boolean;
  /** Remove child images first, deepest first (only those the user sees in the plan). */
  childrenFirst: boolean;
}

/** Plain `docker rmi`: no force, no guided fixes. What a removal preview starts from. */
export const PLAIN_REMOVAL_OPTIONS: Readonly<RemovalOptions> = Object.freeze({
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
});

/** What a user typed or selected, resolved to an immutable image. */
export interface ResolvedReference {
  /** What the user gave. */
  input: string;
  kind: 'short-id' | 'full-id' | 'name-tag' | 'digest';
  imageId: ImageId;
  /** For name:tag and digest: the exact reference in familiar form (`redis:latest`). */
  reference: string | null;
}

export type TargetOutcome =
  /** The image and its unshared layers are deleted. */
  | 'deleted'
  /** Only references are removed; other tags keep the image. */
  | 'untagged-only'
  /** Containers use it; see `containers` and `fixes`. */
  | 'blocked-by-containers'
  /** A running container uses it: even force cannot remove it. */
  | 'blocked-by-running-container'
  /** Child images depend on it. */
  | 'blocked-by-children'
  /** Removed by ID while several repositories reference it: must be forced. */
  | 'needs-force-multiple-tags'
  /**
   * Podman: the engine would delete untagged parents with it (it ignores `noprune`), and a
   * protected one among them (`protectedParents`): Reclaim refuses the target.
   */
  | 'blocked-by-protected-parent'
  /**
   * A protected image selected together with others: kept (never deleted by a multi-image
   * selection). Named alone, a protected image is planned normally, with `protectedBy` set.
   */
  | 'kept-protected';

export type FixKind = 'remove-stopped-containers' | 'force' | 'children-first';

/** A guided fix the preview offers; the UI words what it does and costs from the target. */
export interface Fix {
  kind: FixKind;
}

/** The conflicts of moby's checkImageDeleteConflict and ImageDelete, as codes. */
export type ConflictKind =
  | 'reference-in-use'
  | 'dependent-children'
  | 'running-container'
  | 'multiple-references'
  | 'stopped-container'
  /**
   * Podman only, and Reclaim's own refusal: the engine would delete the image's untagged
   * parents along with it (it ignores `noprune`), and one of them is protected.
   */
  | 'parent-would-go';

/** The 409 the engine would answer for a blocked target: its kind, and its words verbatim. */
export interface PredictedConflict {
  kind: ConflictKind;
  /**
   * The engine's own conflict text (`conflict: unable to delete …`), shown quoted; empty for
   * Reclaim's own refusal (`parent-would-go`), which the engine never gets to answer.
   */
  engineMessage: string;
}

/**
 * Facts behind a target's outcome that the outcome alone does not say; each is worded by the
 * UI. `already-removed`: an earlier target of the plan removes it. `child-blocked`: children
 * first stops at `child` (its own conflict is `conflict`, its containers and names here). `protected-child`: children first
 * would delete the protected `child`.
 */
export type TargetNote =
  | { kind: 'already-removed' }
  | {
      kind: 'child-blocked';
      child: ImageId;
      /** What blocks the child: its containers and its names. */
      containers: ContainerRef[];
      tags: string[];
    }
  | { kind: 'protected-child'; child: ImageId; protectedBy: ProtectionMatch };

/** A layer the plan keeps because something else uses it. */
export interface KeptLayer {
  chainId: string;
  size: number;
  /** Images (by their first name, or short ID) and containers (short ID) that still use it. */
  usedBy: LayerUser[];
}

export type LayerUser = { kind: 'image'; name: string } | { kind: 'container'; id: string };

export interface PlannedTarget {
  /** What the user asked for. */
  input: string;
  imageId: ImageId;
  /** Exact reference to execute by, or null to execute by ID. */
  reference: string | null;
  outcome: TargetOutcome;
  /** For a blocked target: the conflict the engine would answer. */
  conflict?: PredictedConflict;
  /** What else explains the outcome (see TargetNote). */
  note?: TargetNote;
  /** Predicted `Untagged: <ref>` references, in order. */
  untagged: string[];
  /** Predicted `Deleted: sha256:…` IDs (image IDs and layer chain IDs), in order. */
  deleted: string[];
  /**
   * How many of `deleted` are layers: the classic store names each layer it deletes; the
   * containerd store and Podman name images only (their layers go with them). Absent: 0.
   */
  deletedLayers?: number;
  /** Other tags that keep the image when only untagged. */
  otherTags: string[];
  containers: ContainerRef[];
  /** Child images blocking it. */
  children: ImageId[];
  keptLayers: KeptLayer[];
  bytesFreed: number;
  fixes: Fix[];
  /** Containers removed first (only with removeStoppedContainers). */
  containersRemovedFirst: ContainerRef[];
  /** Child images removed first (only with childrenFirst), in execution order. */
  childrenRemovedFirst: ImageId[];
  /**
   * Set when the same image and reference were already asked for by an earlier input (named
   * here): this target is a no-op, run as nothing and reported as such.
   */
  duplicateOf?: string;
  /** Which protection rule (user settings) covers the image, when one does. */
  protectedBy?: ProtectionMatch;
  /**
   * false: run with `noprune`, because the engine's pruning of untagged parents would delete
   * a protected image (named in `protectedParents`). Absent means true.
   */
  pruneParents?: boolean;
  /** The protected untagged parents that `noprune` keeps. */
  protectedParents?: ImageId[];
  /** `SizeRw` of each container in `containersRemovedFirst`, by container ID. */
  writableLayerBytes?: Record<string, number>;
}

/** The engine a plan was made on: it runs there and nowhere else. */
export interface PlanEngine {
  host: string;
  engineId: string | null;
  /** The CLI of that engine, for the commands the UI writes after a run (`docker pull …`). */
  cli: CliName;
}

export interface RemovalPlan {
  kind: 'removal';
  /** Random ID; run() takes it back. */
  id: string;
  createdAt: number;
  engine: PlanEngine;
  options: RemovalOptions;
  targets: PlannedTarget[];
  /** Bytes freed by the whole plan (shared layers inside the set counted once). */
  bytesFreed: number;
  /** The equivalent CLI, e.g. `docker rmi redis:alpine 501ad78535f0`. */
  command: string;
  /** The protection the plan was made with; the run's re-checks use the same. */
  protection?: Protection;
  /** Set when the prediction cannot be exact, saying why (see Approximation). */
  approximate?: Approximation;
}

/**
 * Why a plan is only an estimate; both are containerd image store facts. `containerd-bytes`:
 * the records (`Untagged:`/`Deleted:`) and the set of images are the store's own, but the
 * bytes freed are estimated: content and snapshots go by containerd's garbage collection,
 * and the engine reports no layer blob's size. `containerd-until`: that, and prune's `until`
 * compares when each name was made on this machine, which the engine does not report; the
 * plan compares the image's creation time.
 */
export type Approximation = 'containerd-bytes' | 'containerd-until';

/** `docker image prune` options, plus the list-only selectors Reclaim adds. */
export interface PruneOptions {
  /** false: dangling only (`docker image prune`); true: every unused image (`-a`). */
  all: boolean;
  /** `until=` values: Go duration, RFC 3339, date or Unix seconds. */
  until?: string;
  /** `label=key` or `label=key=value`. */
  label?: string[];
  /** `label!=key` or `label!=key=value`. */
  labelNot?: string[];
  /** List-only selectors (applied to the list, not sent to prune). */
  before?: string;
  since?: string;
  reference?: string[];
  repository?: string;
}

export type KeepReason =
  | 'in-use'
  | 'protected'
  | 'parent-of-kept'
  | 'too-new'
  | 'not-matching'
  | 'tagged'
  /** Podman: removing it would take a protected untagged parent along (`protectedParent`). */
  | 'takes-protected-parent';

export interface PruneCandidate {
  imageId: ImageId;
  repoTags: string[];
  created: number;
  size: number;
}

/** An image a prune plan removes, with what removing it prints and frees. */
export interface PrunedImage extends PruneCandidate {
  repoDigests: string[];
  /** Predicted `Untagged:` references of this image's deletion step. */
  untagged: string[];
  /** Predicted `Deleted:` IDs of this step (image, layers, and untagged parents pruned with it). */
  deleted: string[];
  bytesFreed: number;
  /**
   * Set when no call of its own removes this image: the engine prunes it as the untagged
   * parent of the image named here (its lines are that image's).
   */
  removedWith: ImageId | null;
  /** false: deleted with `noprune=1`, because pruning its parents would touch a protected image. */
  pruneParents: boolean;
}

/** The filter that keeps an image out of a prune (`too-new` is always `until`). */
export type PruneFilterName = 'until' | 'label' | 'before' | 'since' | 'reference' | 'repository';

export interface KeptImage extends PruneCandidate {
  reason: KeepReason;
  /** For `in-use`: the containers that use it, so the UI can name them in its own language. */
  containers?: ContainerRef[];
  /** For `in-use` when the engine itself would refuse: its conflict words, verbatim. */
  engineMessage?: string;
  /** For `protected`: the rule that protects it. */
  protectedBy?: ProtectionMatch;
  /** For `too-new` and `not-matching`: the filter it fails. */
  filter?: PruneFilterName;
  /** For `parent-of-kept`: why it is a parent that stays (see ParentKeep). */
  parent?: ParentKeep;
  /** For `takes-protected-parent`: the protected parent Podman would delete with it. */
  protectedParent?: ImageId;
}

/**
 * `untagged-parent`: an untagged parent of other images, removed only with them.
 * `has-children`: images are built on it, so it is not dangling. `of-kept`: the parent of
 * `child`, which stays.
 */
export type ParentKeep =
  { kind: 'untagged-parent' } | { kind: 'has-children' } | { kind: 'of-kept'; child: ImageId };

/** A kept image the CLI's own prune would still untag or delete (why the command is `rmi`). */
export interface CliWouldTouch {
  imageId: ImageId;
  name: string;
  reason: KeepReason;
}

export interface PrunePlan {
  kind: 'prune';
  id: string;
  createdAt: number;
  engine: PlanEngine;
  options: PruneOptions;
  /** Every image the run will remove, in execution order. */
  remove: PrunedImage[];
  keep: KeptImage[];
  /** Exact bytes freed by the set as a whole. */
  bytesFreed: number;
  /** The equivalent CLI, e.g. `docker image prune -a --filter until=72h`. */
  command: string;
  /**
   * Kept images `docker image prune` with the same filters would untag or delete: when there
   * are any, `command` is the explicit `docker rmi` list instead of the prune.
   */
  cliWouldTouch: CliWouldTouch[];
  /** The prune command the plan stands for, even when `command` is the explicit list. */
  pruneCommand: string;
  /** Set when the prediction cannot be exact, saying why. */
  approximate?: Approximation;
}

export type Plan = RemovalPlan | PrunePlan;

export type TargetStatus = 'done' | 'skipped-changed' | 'failed' | 'cancelled';

/** A container a run removed (with removeStoppedContainers) before its image. */
export interface ContainerRemoved {
  name: string;
  id: string;
}

/** One record of the engine's answer to `DELETE /images/…`, in the engine's order. */
export interface RunRecord {
  kind: 'untagged' | 'deleted';
  /** The reference untagged, or the image or layer ID deleted (`sha256:…`). */
  ref: string;
}

/**
 * What changed since the preview, for a target the run skipped. Each is worded by the UI.
 */
export type PreviewChange =
  | { kind: 'image-gone'; imageId: ImageId }
  | { kind: 'reference-gone'; reference: string }
  | { kind: 'reference-moved'; reference: string; imageId: ImageId; previewed: ImageId }
  | { kind: 'new-container'; container: string }
  | { kind: 'outcome-changed'; previewed: TargetOutcome; now: TargetOutcome }
  | {
      kind: 'effect-changed';
      what: 'untagged' | 'deleted' | 'containers-removed-first' | 'children-removed-first';
      added: string[];
      removed: string[];
    }
  | { kind: 'names-changed'; previewed: string[]; now: string[] }
  | { kind: 'engine-would-refuse'; engineMessage: string }
  | { kind: 'still-there'; removedWith: ImageId | null }
  | { kind: 'removed-meanwhile'; subject: RunSubject };

/** What one engine call of a target acts on: the target itself, a container, or a child. */
export type RunSubject =
  | { kind: 'target'; name: string }
  | { kind: 'container'; name: string }
  | { kind: 'child-image'; imageId: ImageId };

export interface TargetResult {
  input: string;
  imageId: ImageId;
  status: TargetStatus;
  /** Stopped containers removed before the image (`docker rm` prints their names first). */
  containersRemoved?: ContainerRemoved[];
  /** The engine's own records, in its order. */
  records: RunRecord[];
  /** For `skipped-changed`: what changed since the preview. */
  change?: PreviewChange;
  /** For `failed`: the engine call that failed, when it was not the target itself. */
  failedOn?: RunSubject;
  error?: ReclaimError;
  bytesReclaimed: number;
}

export interface RunProgress {
  planId: string;
  done: number;
  total: number;
  bytesReclaimed: number;
  /** The target being worked on, if any. */
  current: string | null;
}

export interface RunResult {
  planId: string;
  results: TargetResult[];
  bytesReclaimed: number;
  cancelled: boolean;
}
