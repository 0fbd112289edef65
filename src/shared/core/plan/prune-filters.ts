import { reclaimError, ReclaimFailure } from '../../errors';
import type { ImageInfo, Inventory } from '../../model';
import type { PruneOptions } from '../../plan';
import { passesLabelFilters } from '../filters/labels';
import { BadPatternError, referenceMatcher } from '../filters/reference-match';
import { parseUntil } from '../filters/until';
import { resolveReference } from '../references/resolve';

/** Why an image does not pass the filters, or null when it passes. */
export type FilterVerdict = { reason: 'too-new' | 'not-matching'; explanation: string } | null;

function invalidFilter(message: string, fix: string): ReclaimFailure {
  return new ReclaimFailure(reclaimError('INVALID_FILTER', message, fix));
}

/**
 * The prune filters (`until`, `label`, `label!`) and the list selectors (`before`, `since`,
 * `reference`, repository), validated once (INVALID_FILTER for values the engine would
 * refuse) and compiled into one test.
 */
export function compileFilters(
  inv: Inventory,
  options: PruneOptions,
  now: number,
): (image: ImageInfo) => FilterVerdict {
  const until = options.until === undefined ? null : parseUntilOrThrow(options.until, now);
  const labels = validLabels('label', options.label ?? []);
  const labelsNot = validLabels('label!', options.labelNot ?? []);
  const before = options.before === undefined ? null : createdOf(inv, 'before', options.before);
  const since = options.since === undefined ? null : createdOf(inv, 'since', options.since);
  const reference = matcherOrThrow(options.reference ?? []);
  const repository = options.repository ? matcherOrThrow([options.repository]) : null;

  return (image) => {
    if (until !== null && image.created * 1000 > until) {
      return { reason: 'too-new', explanation: `created after until=${options.until}` };
    }
    if (!passesLabelFilters(labels, labelsNot, image.labels)) {
      return { reason: 'not-matching', explanation: 'its labels do not match the label filters' };
    }
    if (before !== null && !(image.created < before)) {
      return { reason: 'not-matching', explanation: `not created before ${options.before}` };
    }
    if (since !== null && !(image.created > since)) {
      return { reason: 'not-matching', explanation: `not created since ${options.since}` };
    }
    const refs = [...image.repoTags, ...image.repoDigests];
    if (reference && !reference(refs)) {
      return { reason: 'not-matching', explanation: 'no reference matches the reference filter' };
    }
    if (repository && !repository(refs)) {
      return { reason: 'not-matching', explanation: `not in repository ${options.repository}` };
    }
    return null;
  };
}

function parseUntilOrThrow(value: string, now: number): number {
  const instant = parseUntil(value, now);
  if (instant === null) {
    throw invalidFilter(
      `invalid value for 'until' filter: "${value}" is neither a duration, a timestamp nor Unix seconds.`,
      'Use a duration such as 72h or 1h30m (there is no "d" unit: 3 days is 72h), a date such as 2024-01-31 or 2024-01-31T12:00:00Z, or Unix seconds.',
    );
  }
  return instant;
}

function validLabels(kind: string, values: readonly string[]): string[] {
  for (const value of values) {
    if (value.length === 0 || value.startsWith('=')) {
      throw invalidFilter(
        `invalid ${kind} filter "${value}": a label key is needed.`,
        `Write ${kind}=key or ${kind}=key=value.`,
      );
    }
  }
  return [...values];
}

function createdOf(inv: Inventory, kind: string, input: string): number {
  try {
    const { imageId } = resolveReference(inv, input);
    return inv.images.find((image) => image.id === imageId)?.created ?? 0;
  } catch (error) {
    if (error instanceof ReclaimFailure) {
      throw invalidFilter(
        `${kind}=${input}: ${error.error.message}`,
        `Give ${kind}= an image that exists (name:tag or ID). ${error.error.fix}`,
      );
    }
    throw error;
  }
}

function matcherOrThrow(
  patterns: readonly string[],
): ((refs: readonly string[]) => boolean) | null {
  if (patterns.length === 0) return null;
  try {
    return referenceMatcher(patterns);
  } catch (error) {
    if (error instanceof BadPatternError) {
      throw invalidFilter(
        `invalid reference filter: ${error.message}`,
        "Use Docker's pattern rules: * and ? (never across /), [a-z] classes, e.g. '*:latest' or 'team/*'.",
      );
    }
    throw error;
  }
}
