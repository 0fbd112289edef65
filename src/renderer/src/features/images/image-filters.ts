/**
 * Docker's `docker images --filter` rules, applied to the inventory in the renderer so the
 * list answers as you type, and the equivalent command shown beside it.
 */
import type { ImageInfo } from '../../../../shared/model';
import { referenceMatches } from './glob';
import { untilCutoff } from './go-duration';
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
  reason: 'unknownImage' | 'badUntil' | 'badDangling';
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

/** Finds the image `before=`/`since=` name: `name[:tag]`, a digest or an ID prefix. */
export function findImage(images: readonly ImageInfo[], ref: string): ImageInfo | undefined {
  const withTag = ref.includes('@') || /:[^/]+$/.test(ref) ? ref : `${ref}:latest`;
  const hex = ref.replace(/^sha256:/, '');
  return (
    images.find((i) => i.repoTags.includes(withTag) || i.repoDigests.includes(ref)) ??
    (/^[0-9a-f]+$/.test(hex) ? images.find((i) => i.id.slice(7).startsWith(hex)) : undefined)
  );
}

function labelMatches(image: ImageInfo, spec: string): boolean {
  const at = spec.indexOf('=');
  if (at === -1) return spec in image.labels;
  return image.labels[spec.slice(0, at)] === spec.slice(at + 1);
}

type RowTest = (row: ImageRow) => boolean;

function compile(
  filter: ImageFilter,
  images: readonly ImageInfo[],
  nowMs: number,
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
      const anchor = findImage(images, value);
      if (!anchor) return { filter, reason: 'unknownImage' };
      return filter.kind === 'before'
        ? (row) => row.image.created < anchor.created
        : (row) => row.image.created > anchor.created;
    }
    case 'label':
      return (row) => labelMatches(row.image, value);
    case 'labelNot':
      return (row) => !labelMatches(row.image, value);
    case 'reference':
      return (row) =>
        row.repository !== null &&
        referenceMatches(value, row.tag === null ? row.repository : `${row.repository}:${row.tag}`);
    case 'until': {
      const cutoff = untilCutoff(value, nowMs);
      if (cutoff === null) return { filter, reason: 'badUntil' };
      return (row) => row.image.created < cutoff;
    }
  }
}

/** Rows every filter keeps (Docker ANDs different filters), plus the filters that cannot apply. */
export function applyFilters(
  rows: readonly ImageRow[],
  images: readonly ImageInfo[],
  filters: readonly ImageFilter[],
  nowMs: number,
): { rows: ImageRow[]; problems: FilterProblem[] } {
  const tests: RowTest[] = [];
  const problems: FilterProblem[] = [];
  for (const filter of filters) {
    if (!filter.value.trim()) continue;
    const compiled = compile(filter, images, nowMs);
    if (typeof compiled === 'function') tests.push(compiled);
    else problems.push(compiled);
  }
  return { rows: rows.filter((row) => tests.every((test) => test(row))), problems };
}
