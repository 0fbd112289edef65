import type { ImageRow } from './image-rows';

export type SortColumn =
  | 'repository'
  | 'tag'
  | 'id'
  | 'digest'
  | 'created'
  | 'size'
  | 'uniqueSize'
  | 'containers'
  | 'status';
export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

/**
 * The Status column in clean-up order: what can go first (dangling, intermediate, unused),
 * then images only stopped containers use, then those a running container uses.
 */
function statusRank(row: ImageRow): number {
  const { image } = row;
  if (image.dangling) return 0;
  if (image.intermediate) return 1;
  if (image.containers.length === 0) return 2;
  return image.containers.some((c) => c.running) ? 4 : 3;
}

function value(row: ImageRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'repository':
      return row.repository;
    case 'tag':
      return row.tag;
    case 'id':
      return row.image.id;
    case 'created':
      return row.image.created;
    case 'size':
      return row.image.size;
    case 'uniqueSize':
      return row.image.uniqueSize;
    case 'containers':
      return row.image.containers.length;
    case 'digest':
      return row.digest;
    case 'status':
      return statusRank(row);
  }
}

/**
 * A stable sort by one column; `<none>` stays last in either direction, and ties keep the
 * key order so rows never jump around.
 */
export function sortRows(rows: readonly ImageRow[], order: SortOrder): ImageRow[] {
  const direction = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = value(a, order.column);
    const right = value(b, order.column);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
      return a.key.localeCompare(b.key);
    }
    const byValue =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : String(left).localeCompare(String(right), undefined, { numeric: true });
    return byValue * direction || a.key.localeCompare(b.key);
  });
}

/** Case-insensitive search over repository, tag, ID and digest. */
export function searchRows(rows: readonly ImageRow[], text: string): ImageRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) =>
    [row.repository, row.tag, row.image.id.replace(/^sha256:/, ''), row.digest].some((field) =>
      field?.toLowerCase().includes(needle),
    ),
  );
}
