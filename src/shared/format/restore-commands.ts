import type { CliName } from '../core/plan/cli-name';
import type { ImageId } from '../model';
import type { PrunePlan, RunResult } from '../plan';

const DIGEST_REFERENCE = /@sha256:[0-9a-f]{64}$/;

/**
 * The `docker pull name@sha256:…` that brings back each image a run deleted. The digests come
 * from the engine's own `Untagged:` records (the classic store untags a digest the image
 * carried) and from `digestsBefore`, the images' RepoDigests as the plan saw them (the
 * containerd store prints no line for a digest). A digest names the exact content, so the
 * pull gives back the same image while a registry holds it. Targets the run only untagged
 * are left out: their image is still there.
 */
export function restoreCommands(
  result: RunResult,
  cli: CliName,
  digestsBefore: ReadonlyMap<ImageId, readonly string[]> = new Map(),
): string[] {
  const references = new Set<string>();
  for (const target of result.results) {
    if (target.status !== 'done') continue;
    const deleted = target.records.filter((record) => record.kind === 'deleted');
    if (deleted.length === 0) continue;
    for (const record of target.records) {
      if (record.kind === 'untagged' && DIGEST_REFERENCE.test(record.ref)) {
        references.add(record.ref);
      }
    }
    for (const id of [target.imageId, ...deleted.map((record) => record.ref)]) {
      for (const digest of digestsBefore.get(id) ?? []) {
        if (DIGEST_REFERENCE.test(digest)) references.add(digest);
      }
    }
  }
  return [...references].map((reference) => `${cli} pull ${reference}`);
}

/** The RepoDigests of each image a prune plan removes, as restoreCommands takes them. */
export function prunedDigests(plan: PrunePlan | null): Map<ImageId, readonly string[]> {
  return new Map((plan?.remove ?? []).map((image) => [image.imageId, image.repoDigests]));
}
