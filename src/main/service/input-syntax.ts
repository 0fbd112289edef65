import { reclaimError, ReclaimFailure, type ErrorFacts } from '../../shared/errors';
import { BadPatternError, referenceMatcher } from '../../shared/core/filters/reference-match';
import { parseUntil } from '../../shared/core/filters/until';
import type { PruneOptions } from '../../shared/plan';
import { resolveReference, type ImageIndex } from '../../shared/core/references/resolve';

/**
 * Syntax checks that need no engine, run before the service waits for an inventory: a
 * malformed reference or filter gets its own error (INVALID_REFERENCE, INVALID_FILTER) even
 * with no engine connected, instead of NOT_CONNECTED or a wait for the first read. The
 * planners check the same rules again against the inventory; these only come first.
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

function invalidFilter(facts: ErrorFacts): ReclaimFailure {
  return new ReclaimFailure(reclaimError('INVALID_FILTER', facts));
}

/** Throws INVALID_FILTER for a prune filter value the engine (or the planner) would refuse. */
export function checkPruneSyntax(options: PruneOptions, now: number = Date.now()): void {
  if (options.until !== undefined && parseUntil(options.until, now) === null) {
    throw invalidFilter({ cause: 'until-invalid', subject: options.until });
  }
  checkLabels('label', options.label ?? []);
  checkLabels('label!', options.labelNot ?? []);
  checkPatterns([
    ...(options.reference ?? []),
    ...(options.repository ? [options.repository] : []),
  ]);
  for (const [kind, input] of [
    ['before', options.before],
    ['since', options.since],
  ] as const) {
    if (input !== undefined) checkImageFilter(kind, input);
  }
}

function checkLabels(kind: string, values: readonly string[]): void {
  const keyless = values.find((value) => value.length === 0 || value.startsWith('='));
  if (keyless !== undefined) {
    throw invalidFilter({ cause: 'label-without-key', subject: keyless, values: { filter: kind } });
  }
}

function checkPatterns(patterns: readonly string[]): void {
  try {
    referenceMatcher(patterns);
  } catch (error) {
    if (!(error instanceof BadPatternError)) throw error;
    throw invalidFilter({ cause: 'pattern-invalid', detail: error.message });
  }
}

function checkImageFilter(kind: 'before' | 'since', input: string): void {
  try {
    checkReferenceSyntax(input);
  } catch (error) {
    if (!(error instanceof ReclaimFailure)) throw error;
    throw invalidFilter({
      cause: 'anchor-not-found',
      subject: input,
      values: { filter: kind },
      // The grammar's words for why it is not a reference, when it said any.
      ...(error.error.detail ? { detail: error.error.detail } : {}),
    });
  }
}
