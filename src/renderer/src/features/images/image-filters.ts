/**
 * Docker's `docker images --filter` rules, applied to the inventory in the renderer so the
 * list answers as you type, and the equivalent command shown beside it.
 */
import { ReclaimFailure } from '../../../../shared/errors';
import { passesLabelFilters } from '../../../../shared/core/filters/labels';
import { BadPatternError, referenceMatcher } from '../../../../shared/core/filters/reference-match';
import { parseUntil } from '../../../../shared/core/filters/until';
import type { ImageInfo, ImageStore } from '../../../../shared/model';
import { resolveReference } from '../../../../shared/core/references/resolve';
import type { ImageRow } from './image-rows';

export const FILTER_KINDS = [
  'dangling',
  'before',
  'since',
  'label',
  'labelNot',
  'reference',
  'until',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

export interface ImageFilter {
  kind: FilterKind;
  value: string;
}

/** Why a filter cannot apply; the UI words it (`reason` is an i18n key plus its values). */
export interface FilterProblem {
  filter: ImageFilter;
  reason:
    'unknownImage' | 'ambiguousImage' | 'badUntil' | 'badDangling' | 'badLabel' | 'badReference';
}

/** The name Docker uses on the command line (`label!` for labelNot). */
export function dockerFilterName(kind: FilterKind): string {
  return kind === 'labelNot' ? 'label!' : kind;
}

/** Quotes a shell word only when it needs it (`'*:latest'`). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./!-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function filterArgument(filter: ImageFilter): string {
  return `--filter ${shellWord(`${dockerFilterName(filter.kind)}=${filter.value}`)}`;
}

/** `docker images --filter dangling=true --filter 'reference=*:latest'`. */
export function dockerImagesCommand(filters: readonly ImageFilter[]): string {
  return ['docker images', ...filters.map(filterArgument)].join(' ');
}

type RowTest = (row: ImageRow) => boolean;

/** The reference a row stands for: `name:tag`, else `name@digest`, else the name. */
function rowReference(row: ImageRow): string | null {
  if (row.repository === null) return null;
  if (row.tag !== null) return `${row.repository}:${row.tag}`;
  return row.digest === null ? row.repository : `${row.repository}@${row.digest}`;
}

/** The `before=`/`since=` image, resolved as the engine (and the prune planner) does. */
function anchorCreated(
  filter: ImageFilter,
  value: string,
  images: readonly ImageInfo[],
  imageStore: ImageStore,
): number | FilterProblem {
  try {
    const { imageId } = resolveReference({ images, engine: { imageStore } }, value);
    return images.find((image) => image.id === imageId)?.created ?? 0;
  } catch (error) {
    if (!(error instanceof ReclaimFailure)) throw error;
    const ambiguous = error.error.code === 'AMBIGUOUS_REFERENCE';
    return { filter, reason: ambiguous ? 'ambiguousImage' : 'unknownImage' };
  }
}

function compile(
  filter: ImageFilter,
  images: readonly ImageInfo[],
  nowMs: number,
  imageStore: ImageStore,
): RowTest | FilterProblem {
  const value = filter.value.trim();
  switch (filter.kind) {
    case 'dangling':
      if (value !== 'true' && value !== 'false' && value !== '1' && value !== '0') {
        return { filter, reason: 'badDangling' };
      }
      return (row) => row.image.dangling === (value === 'true' || value === '1');
    case 'before':
    case 'since': {
      const anchor = anchorCreated(filter, value, images, imageStore);
      if (typeof anchor !== 'number') return anchor;
      return filter.kind === 'before'
        ? (row) => row.image.created < anchor
        : (row) => row.image.created > anchor;
    }
    case 'label':
    case 'labelNot':
      // Both kinds are applied together below: `label!` excludes only when ALL its values match.
      return value.startsWith('=') ? { filter, reason: 'badLabel' } : () => true;
    case 'reference': {
      let matches: (refs: readonly string[]) => boolean;
      try {
        matches = referenceMatcher([value]);
      } catch (error) {
        if (error instanceof BadPatternError) return { filter, reason: 'badReference' };
        throw error;
      }
      return (row) => {
        const reference = rowReference(row);
        return reference !== null && matches([reference]);
      };
    }
    case 'until': {
      const cutoff = parseUntil(value, nowMs);
      if (cutoff === null) return { filter, reason: 'badUntil' };
      return (row) => row.image.created * 1000 <= cutoff;
    }
  }
}

/** The label and label! filters together, by Docker's rule for each. */
function labelTest(filters: readonly ImageFilter[]): RowTest {
  const values = (kind: FilterKind): string[] =>
    filters.filter((f) => f.kind === kind).map((f) => f.value.trim());
  const include = values('label');
  const exclude = values('labelNot');
  return (row) => passesLabelFilters(include, exclude, row.image.labels);
}

/**
 * Rows every filter keeps (Docker ANDs different filters), plus the filters that cannot apply.
 * `imageStore` decides how short a `before=`/`since=` ID prefix may be.
 */
export function applyFilters(
  rows: readonly ImageRow[],
  images: readonly ImageInfo[],
  filters: readonly ImageFilter[],
  nowMs: number,
  imageStore: ImageStore = 'classic',
): { rows: ImageRow[]; problems: FilterProblem[] } {
  const tests: RowTest[] = [];
  const problems: FilterProblem[] = [];
  const applicable: ImageFilter[] = [];
  for (const filter of filters) {
    if (!filter.value.trim()) continue;
    const compiled = compile(filter, images, nowMs, imageStore);
    if (typeof compiled === 'function') {
      tests.push(compiled);
      applicable.push(filter);
    } else problems.push(compiled);
  }
  tests.push(labelTest(applicable));
  return { rows: rows.filter((row) => tests.every((test) => test(row))), problems };
}
