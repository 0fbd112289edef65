import { reclaimError } from '../../../shared/errors';
import type { Inventory } from '../../../shared/model';
import type {
  ContainerRemoved,
  RunRecord,
  RunSubject,
  Plan,
  PlannedTarget,
  PrunedImage,
  PrunePlan,
  RemovalPlan,
  RunProgress,
  RunResult,
  TargetResult,
} from '../../../shared/plan';
import type { Protection } from '../../../shared/core/filters/protection';
import type { Connection } from '../connect/connection';
import { shortId } from '../../../shared/format/short-id';
import { fullString, parseReported } from '../../../shared/core/references/reference-grammar';
import { deleteImage, hasRecord, removeContainer } from './delete-calls';
import { answeredAsPreviewed, collect, skipped, type EngineCall } from './engine-calls';
import { isBlocked } from '../../../shared/core/plan/planned-targets';
import { deletionError } from '../errors';
import { recheckPrunedImage, recheckRemovalTarget } from './recheck';

export interface RunDeps {
  /** A fresh read of the engine, taken before each target to re-check it. */
  reread: () => Promise<Inventory>;
  onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run between targets (never in the middle of one). */
  signal?: AbortSignal;
}

/** One unit of work: what to call the user's item, and how to run it after a fresh read. */
interface Step {
  input: string;
  imageId: string;
  run: (fresh: Inventory) => Promise<Omit<TargetResult, 'input' | 'imageId'>>;
}

/**
 * Runs exactly what a plan previewed: target after target, each re-checked against a fresh
 * read just before it runs (skipped with CHANGED_SINCE_PREVIEW if it changed), by immutable
 * ID or exact reference, never `POST /images/prune`. Continues past failures, reports
 * progress, stops between targets when cancelled, and returns the engine's own records.
 */
export async function runPlan(conn: Connection, plan: Plan, deps: RunDeps): Promise<RunResult> {
  const steps = plan.kind === 'removal' ? removalSteps(conn, plan) : pruneSteps(conn, plan);
  const results: TargetResult[] = [];
  let bytesReclaimed = 0;
  let cancelled = false;
  const progress = (current: string | null): void =>
    deps.onProgress?.({
      planId: plan.id,
      done: results.length,
      total: steps.length,
      bytesReclaimed,
      current,
    });

  for (const step of steps) {
    if (deps.signal?.aborted) cancelled = true;
    if (cancelled) {
      results.push({
        input: step.input,
        imageId: step.imageId,
        status: 'cancelled',
        records: [],
        bytesReclaimed: 0,
      });
      continue;
    }
    progress(step.input);
    let result: TargetResult;
    try {
      const fresh = await deps.reread();
      result = { input: step.input, imageId: step.imageId, ...(await step.run(fresh)) };
    } catch (error) {
      result = {
        input: step.input,
        imageId: step.imageId,
        status: 'failed',
        records: [],
        bytesReclaimed: 0,
        error: deletionError(error, step.input),
      };
    }
    bytesReclaimed += result.bytesReclaimed;
    results.push(result);
  }
  progress(null);
  return { planId: plan.id, results, bytesReclaimed, cancelled };
}

function removalSteps(conn: Connection, plan: RemovalPlan): Step[] {
  return plan.targets.map((target) => ({
    input: target.input,
    imageId: target.imageId,
    run: (fresh) => runRemovalTarget(conn, plan, target, fresh),
  }));
}

/** A target the run refuses before any engine call: nothing removed; the preview says why. */
function conflictUntouched(
  cause: 'blocked-in-preview' | 'kept-protected-in-preview',
): Omit<TargetResult, 'input' | 'imageId'> {
  return {
    status: 'failed',
    records: [],
    bytesReclaimed: 0,
    error: reclaimError('CONFLICT', { cause }),
  };
}

async function runRemovalTarget(
  conn: Connection,
  plan: RemovalPlan,
  target: PlannedTarget,
  fresh: Inventory,
): Promise<Omit<TargetResult, 'input' | 'imageId'>> {
  // A repeat of an earlier input: the earlier one did the work (or reported why not).
  if (target.duplicateOf !== undefined) return { status: 'done', records: [], bytesReclaimed: 0 };
  if (target.outcome === 'kept-protected') return conflictUntouched('kept-protected-in-preview');
  if (isBlocked(target)) return conflictUntouched('blocked-in-preview');
  if (target.note?.kind === 'already-removed') {
    // Previewed as already done by an earlier target: it must indeed be gone by now. (No
    // lines alone does not say so: Podman deletes an untagged image with children silently.)
    const stillThere = fresh.images.some((i) => i.id === target.imageId);
    return stillThere
      ? skipped({ kind: 'still-there', removedWith: null })
      : { status: 'done', records: [], bytesReclaimed: 0 };
  }
  const why = recheckRemovalTarget(fresh, target, plan.options, plan.protection ?? unprotected);
  if (why) return skipped(why);
  const force = plan.options.force;
  // Parent pruning stays off when it would reach a protected image (as previewed).
  const noprune = target.pruneParents === false;
  const what: RunSubject = { kind: 'target', name: target.reference ?? shortId(target.imageId) };
  const removed: ContainerRemoved[] = [];
  const calls: EngineCall[] = [
    // `docker rm` of each container first; its name leads the output (cli-output.ts).
    ...target.containersRemovedFirst.map((c): EngineCall => ({
      subject: { kind: 'container', name: c.name },
      run: async () => {
        await removeContainer(conn, c.id);
        removed.push({ name: c.name, id: c.id });
        return [];
      },
    })),
    ...target.childrenRemovedFirst.map((child): EngineCall => ({
      subject: { kind: 'child-image', imageId: child },
      run: () => deleteImage(conn, child, { force, noprune }),
    })),
    {
      subject: what,
      // Deleting the children may already have pruned an untagged target.
      run: async (recordsSoFar) =>
        hasRecord(recordsSoFar, 'deleted', target.imageId)
          ? []
          : deleteImage(conn, target.reference ?? target.imageId, { force, noprune }),
    },
  ];
  const result = await collect(fresh, calls, { ...target, goes: target.outcome === 'deleted' });
  if (answeredAsPreviewed(fresh, result, target)) {
    return {
      ...result,
      bytesReclaimed: target.bytesFreed,
      ...(removed.length > 0 ? { containersRemoved: removed } : {}),
    };
  }
  // A stopped container's writable layer cannot grow, so its previewed size is what went.
  const containerBytes = removed.reduce(
    (sum, c) => sum + (target.writableLayerBytes?.[c.id] ?? 0),
    0,
  );
  return {
    ...result,
    bytesReclaimed: result.bytesReclaimed + containerBytes,
    ...(removed.length > 0 ? { containersRemoved: removed } : {}),
  };
}

const unprotected: Protection = { patterns: [], label: null };

function pruneSteps(conn: Connection, plan: PrunePlan): Step[] {
  return plan.remove.map((entry) => ({
    input: entry.repoTags[0] ?? entry.repoDigests[0] ?? shortId(entry.imageId),
    imageId: entry.imageId,
    run: (fresh) => runPrunedImage(conn, entry, fresh),
  }));
}

async function runPrunedImage(
  conn: Connection,
  entry: PrunedImage,
  fresh: Inventory,
): Promise<Omit<TargetResult, 'input' | 'imageId'>> {
  if (entry.removedWith !== null) {
    const gone = !fresh.images.some((i) => i.id === entry.imageId);
    return gone
      ? { status: 'done', records: [], bytesReclaimed: 0 }
      : skipped({ kind: 'still-there', removedWith: entry.removedWith });
  }
  const why = recheckPrunedImage(fresh, entry);
  if (why) return skipped(why);
  const image = fresh.images.find((i) => i.id === entry.imageId);
  const refs = image ? [...image.repoTags, ...image.repoDigests] : [];
  const noprune = !entry.pruneParents;
  const what: RunSubject = { kind: 'target', name: entry.repoTags[0] ?? shortId(entry.imageId) };
  // Classic store. No name, or a single name the prune removes anyway: by the immutable ID,
  // which the engine answers with the same untagged/deleted records, so a tag re-pointed after
  // the re-check cannot send the call to another image. Several names: each in turn, as the
  // engine's prune does.
  const byId: EngineCall = {
    subject: what,
    run: () => deleteImage(conn, entry.imageId, { force: false, noprune }),
  };
  if (fresh.engine.imageStore === 'containerd') {
    // As the plan predicts it (deleteLikePrune): every name but the last, then by ID; a call
    // whose name or image an earlier one already took is not made.
    const gone = (records: readonly RunRecord[]): boolean =>
      hasRecord(records, 'deleted', entry.imageId);
    const untags = sortedLikeEngine(image?.repoTags ?? [])
      .slice(0, -1)
      .map((ref): EngineCall => ({
        subject: what,
        run: (recordsSoFar) =>
          gone(recordsSoFar) || hasRecord(recordsSoFar, 'untagged', ref)
            ? Promise.resolve([])
            : deleteImage(conn, ref, { force: false, noprune }),
      }));
    const last: EngineCall = {
      subject: what,
      run: (recordsSoFar) => (gone(recordsSoFar) ? Promise.resolve([]) : byId.run(recordsSoFar)),
    };
    return collect(fresh, [...untags, last]);
  }
  const calls: EngineCall[] =
    refs.length <= 1
      ? [byId]
      : sortedLikeEngine(refs).map((ref): EngineCall => ({
          subject: what,
          run: (recordsSoFar) => {
            // An earlier call may have removed this reference too (the last tag of a
            // repository takes its digests with it) or the whole image.
            const done =
              hasRecord(recordsSoFar, 'deleted', entry.imageId) ||
              hasRecord(recordsSoFar, 'untagged', ref);
            return done ? Promise.resolve([]) : deleteImage(conn, ref, { force: false, noprune });
          },
        }));
  return collect(fresh, calls, { ...entry, goes: true });
}

/** The engine's reference store lists references sorted by their fully qualified form. */
function sortedLikeEngine(refs: readonly string[]): string[] {
  const key = (ref: string): string => {
    const parsed = parseReported(ref);
    return parsed ? fullString(parsed) : ref;
  };
  return [...refs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
