import { describe, expect, it } from 'vitest';
import type { DiskUsageRow } from '../../../shared/model';
import { recorded } from '../inventory/recorded/docker-20.10';
import { humanSize, reclaimableCell } from '../../../shared/format/human-size';
import { rowsFromSystemDf } from './system-df-rows';

/** The CLI's table, as the recorded `docker system df` printed it. */
function cliTable(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n').slice(1)) {
    const cells = line.split(/\s{2,}/).filter((cell) => cell.length > 0);
    const [type, ...rest] = cells;
    if (type) rows.set(type, rest);
  }
  return rows;
}

function asCli(row: DiskUsageRow, withPercent = true): string[] {
  return [
    String(row.total),
    String(row.active),
    humanSize(row.size),
    reclaimableCell(row.reclaimable, row.size, withPercent),
  ];
}

describe('rowsFromSystemDf', () => {
  const rows = rowsFromSystemDf(recorded.systemDf);
  const table = cliTable(recorded.cliSystemDf);

  it('prints exactly what the recorded `docker system df` printed', () => {
    expect(rows.images && asCli(rows.images)).toEqual(table.get('Images'));
    expect(rows.containers && asCli(rows.containers)).toEqual(table.get('Containers'));
    expect(rows.volumes && asCli(rows.volumes)).toEqual(table.get('Local Volumes'));
    expect(rows.buildCache && asCli(rows.buildCache, false)).toEqual(table.get('Build Cache'));
  });

  it('leaves out the intermediate build step, as the daemon does, but keeps its layers once', () => {
    expect(rows.images?.total).toBe(recorded.defaultListIds.length);
    expect(rows.images?.size).toBe(recorded.systemDf.LayersSize);
  });

  it('reads only the rows asked for from a narrowed answer', () => {
    const narrowed = rowsFromSystemDf({ Volumes: [], BuildCache: null }, ['volume', 'build-cache']);
    expect(Object.keys(narrowed).sort()).toEqual(['buildCache', 'volumes']);
    expect(narrowed.buildCache).toEqual({ total: 0, active: 0, size: 0, reclaimable: 0 });
  });

  it('takes the rows the engine computed itself from API 1.52', () => {
    const usage = { ActiveCount: 1, TotalCount: 3, TotalSize: 300, Reclaimable: 120 };
    expect(rowsFromSystemDf({ ImageUsage: usage }, ['image']).images).toEqual({
      total: 3,
      active: 1,
      size: 300,
      reclaimable: 120,
    });
  });
});
