import { reclaimError, ReclaimFailure } from '../../shared/errors';
import { compileFilters } from '../../shared/core/plan/prune-filters';
import type { PruneOptions } from '../../shared/plan';
import { resolveReference, type ImageIndex } from '../../shared/core/references/resolve';

/**
 * Syntax checks that need no engine, run before the service waits for an inventory: a
 * malformed reference or filter gets its own error (INVALID_REFERENCE, INVALID_FILTER) even
 * with no engine connected, instead of NOT_CONNECTED or a wait for the first read. They are
 * the planners' own checks, run first over no images.
 */

/** Resolving against no images reaches the grammar and stops at "not found" when it passes. */
const NO_IMAGES: ImageIndex = { images: [], engine: { imageStore: 'classic' } };

/** Throws INVALID_REFERENCE when `input` is not a reference, ID or ID prefix at all. */
export function checkReferenceSyntax(input: string): void {
  try {
    resolveReference(NO_IMAGES, input);
  } catch (error) {
    if (error instanceof ReclaimFailure && error.error.code !== 'INVALID_REFERENCE') return;
    throw error;
  }
}

/**
 * Throws INVALID_FILTER for a prune filter value the engine (or the planner) would refuse:
 * the planner's own filter checks, over no images. `before`/`since` name images, so only
 * their reference syntax can be checked before an inventory.
 */
export function checkPruneSyntax(options: PruneOptions, now: number = Date.now()): void {
  const { before, since, ...rest } = options;
  compileFilters(NO_IMAGES, rest, now);
  for (const [kind, input] of [
    ['before', before],
    ['since', since],
  ] as const) {
    if (input !== undefined) checkImageFilter(kind, input);
  }
}

function checkImageFilter(kind: 'before' | 'since', input: string): void {
  try {
    checkReferenceSyntax(input);
  } catch (error) {
    if (!(error instanceof ReclaimFailure)) throw error;
    throw new ReclaimFailure(
      reclaimError('INVALID_FILTER', {
        cause: 'anchor-not-found',
        subject: input,
        values: { filter: kind },
        // The grammar's words for why it is not a reference, when it said any.
        ...(error.error.detail ? { detail: error.error.detail } : {}),
      }),
    );
  }
}
