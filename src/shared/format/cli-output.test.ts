import { describe, expect, it } from 'vitest';
import type { RunResult, TargetResult } from '../plan';
import { cliOutput } from './cli-output';

const ID = `sha256:${'8'.repeat(64)}`;
const LAYER = `sha256:${'7'.repeat(64)}`;

function result(targets: Partial<TargetResult>[], bytesReclaimed: number): RunResult {
  return {
    planId: 'p1',
    cancelled: false,
    bytesReclaimed,
    results: targets.map((t) => ({
      input: ID,
      imageId: ID,
      status: 'done',
      records: [],
      bytesReclaimed: 0,
      ...t,
    })),
  };
}

describe('cliOutput', () => {
  const two = result(
    [
      {
        records: [
          { kind: 'untagged', ref: 't:1' },
          { kind: 'untagged', ref: 't:2' },
        ],
      },
      {
        records: [
          { kind: 'deleted', ref: ID },
          { kind: 'deleted', ref: LAYER },
        ],
      },
    ],
    200_000,
  );

  it('prints a removal as docker rmi does: the engine lines as they came', () => {
    expect(cliOutput(two, 'rmi')).toBe(
      ['Untagged: t:1', 'Untagged: t:2', `Deleted: ${ID}`, `Deleted: ${LAYER}`].join('\n'),
    );
  });

  it('prints a prune as docker image prune does: heading, lower-case records, blank line, total', () => {
    expect(cliOutput(two, 'prune')).toBe(
      [
        'Deleted Images:',
        'untagged: t:1',
        'untagged: t:2',
        `deleted: ${ID}`,
        `deleted: ${LAYER}`,
        '',
        'Total reclaimed space: 200kB',
      ].join('\n'),
    );
  });

  it('prints the containers a removal took first by name, as docker rm does, before the image', () => {
    const withContainer = result(
      [
        {
          containersRemoved: [{ name: 'old-db', id: 'c'.repeat(64) }],
          records: [{ kind: 'deleted', ref: ID }],
        },
      ],
      0,
    );
    expect(cliOutput(withContainer, 'rmi')).toBe(['old-db', `Deleted: ${ID}`].join('\n'));
  });

  it('prints only the total for a prune that removed nothing, as the CLI does', () => {
    expect(cliOutput(result([], 0), 'prune')).toBe('Total reclaimed space: 0B');
  });
});
