import { createHash } from 'node:crypto';

/**
 * Layer chain IDs from diff IDs (the image config's `rootfs.diff_ids`, which
 * `/images/{id}/json` returns as `RootFS.Layers`): chain0 = diff0, chainN =
 * sha256(chainN-1 + " " + diffN). A chain ID names a layer together with everything below
 * it, so two images share a layer exactly when they share its chain ID; it is also the ID
 * `docker rmi` prints as `Deleted:` for layers on the classic store.
 */
export function chainIds(diffIds: readonly string[]): string[] {
  const chains: string[] = [];
  let previous: string | undefined;
  for (const diffId of diffIds) {
    const chain =
      previous === undefined
        ? diffId
        : `sha256:${createHash('sha256').update(`${previous} ${diffId}`).digest('hex')}`;
    chains.push(chain);
    previous = chain;
  }
  return chains;
}
