import { reclaimError, ReclaimFailure } from '../../errors';
import type { ImageInfo } from '../../model';
import type { ErrorCause } from '../../error-causes';
import type { KeepReason, PruneFilterName, PruneOptions } from '../../plan';
import { passesContainerdLabelFilters, passesLabelFilters } from '../filters/labels';
import { BadPatternError, referenceMatcher } from '../filters/reference-match';
import { parseUntil } from '../filters/until';
import { resolveReference, type ImageIndex } from '../references/resolve';

/** Why an image does not pass the filters, or null when it passes. */
export type FilterVerdict = {
  reason: Extract<KeepReason, 'too-new' | 'not-matching'>;
  filter: PruneFilterName;
} | null;

/** INVALID_FILTER for `filter=value`, with the cause and, when there is one, the grammar's words. */
function invalidFilter(
  cause: ErrorCause,
  filter: string,
  value: string,
  detail?: string,
): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError('INVALID_FILTER', {
      cause,
      subject: value,
      values: { filter },
      ...(detail === undefined ? {} : { detail }),
    }),
  );
}

/**
 * The prune filters (`until`, `label`, `label!`) and the list selectors (`before`, `since`,
 * `reference`, repository), validated once (INVALID_FILTER for values the engine would
 * refuse) and compiled into one test.
 */
export function compileFilters(
  inv: ImageIndex,
  options: PruneOptions,
  now: number,
): (image: ImageInfo) => FilterVerdict {
  const until = options.until === undefined ? null : parseUntilOrThrow(options.until, now);
  const labels = validLabels('label', options.label ?? []);
  const labelsNot = validLabels('label!', options.labelNot ?? []);
  const before = options.before === undefined ? null : createdOf(inv, 'before', options.before);
  const since = options.since === undefined ? null : createdOf(inv, 'since', options.since);
  const reference = matcherOrThrow('reference', options.reference ?? []);
  const repository = options.repository ? matcherOrThrow('repository', [options.repository]) : null;

  return (image) => {
    if (until !== null && image.created * 1000 > until)
      return { reason: 'too-new', filter: 'until' };
    const labelsPass =
      inv.engine.imageStore === 'containerd'
        ? passesContainerdLabelFilters(labels, labelsNot, image.labels)
        : passesLabelFilters(labels, labelsNot, image.labels);
    if (!labelsPass) {
      return { reason: 'not-matching', filter: 'label' };
    }
    if (before !== null && !(image.created < before)) {
      return { reason: 'not-matching', filter: 'before' };
    }
    if (since !== null && !(image.created > since)) {
      return { reason: 'not-matching', filter: 'since' };
    }
    const refs = [...image.repoTags, ...image.repoDigests];
    if (reference && !reference(refs)) return { reason: 'not-matching', filter: 'reference' };
    if (repository && !repository(refs)) return { reason: 'not-matching', filter: 'repository' };
    return null;
  };
}

function parseUntilOrThrow(value: string, now: number): number {
  const instant = parseUntil(value, now);
  if (instant === null) {
    throw invalidFilter('until-invalid', 'until', value);
  }
  return instant;
}

function validLabels(kind: string, values: readonly string[]): string[] {
  for (const value of values) {
    if (value.length === 0 || value.startsWith('=')) {
      throw invalidFilter('label-without-key', kind, value);
    }
  }
  return [...values];
}

function createdOf(inv: ImageIndex, kind: string, input: string): number {
  try {
    const { imageId } = resolveReference(inv, input);
    return inv.images.find((image) => image.id === imageId)?.created ?? 0;
  } catch (error) {
    if (error instanceof ReclaimFailure) {
      const cause =
        error.error.code === 'AMBIGUOUS_REFERENCE' ? 'anchor-ambiguous' : 'anchor-not-found';
      throw invalidFilter(cause, kind, input, error.error.detail);
    }
    throw error;
  }
}

function matcherOrThrow(
  filter: 'reference' | 'repository',
  patterns: readonly string[],
): ((refs: readonly string[]) => boolean) | null {
  if (patterns.length === 0) return null;
  try {
    return referenceMatcher(patterns);
  } catch (error) {
    if (error instanceof BadPatternError) {
      throw invalidFilter('pattern-invalid', filter, patterns.join(','), error.message);
    }
    throw error;
  }
}
