import { describe, expect, it } from 'vitest';
import type { RunResult, TargetResult } from '../plan';
import { restoreCommands } from './restore-commands';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const target = (overrides: Partial<TargetResult>): TargetResult => ({
  input: 'x',
  imageId: `sha256:${'a'.repeat(64)}`,
  status: 'done',
  records: [],
  bytesReclaimed: 0,
  ...overrides,
});
const run = (results: TargetResult[]): RunResult => ({
  planId: 'p',
  results,
  bytesReclaimed: 0,
  cancelled: false,
});

describe('restoreCommands', () => {
  it('pulls back by digest each image the run deleted, once', () => {
    const deleted = target({
      records: [
        { kind: 'untagged', ref: 'registry.local:5000/app:1' },
        { kind: 'untagged', ref: `registry.local:5000/app@${DIGEST}` },
        { kind: 'deleted', ref: `sha256:${'a'.repeat(64)}` },
      ],
    });
    expect(restoreCommands(run([deleted, deleted]), 'docker')).toEqual([
      `docker pull registry.local:5000/app@${DIGEST}`,
    ]);
    expect(restoreCommands(run([deleted]), 'podman')).toEqual([
      `podman pull registry.local:5000/app@${DIGEST}`,
    ]);
  });

  it('leaves out images only untagged, never deleted, and targets that did not run', () => {
    const untagged = target({ records: [{ kind: 'untagged', ref: `app@${DIGEST}` }] });
    const failed = target({
      status: 'failed',
      records: [
        { kind: 'untagged', ref: `app@${DIGEST}` },
        { kind: 'deleted', ref: 'sha256:1' },
      ],
    });
    const noDigest = target({
      records: [
        { kind: 'untagged', ref: 'app:1' },
        { kind: 'deleted', ref: 'sha256:1' },
      ],
    });
    expect(restoreCommands(run([untagged, failed, noDigest]), 'docker')).toEqual([]);
  });

  it('adds the digests the plan saw, for a store that prints no line for them', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    const parent = `sha256:${'b'.repeat(64)}`;
    const deleted = target({
      imageId: id,
      records: [
        { kind: 'untagged', ref: 'app:1' },
        { kind: 'deleted', ref: id },
        { kind: 'deleted', ref: parent },
      ],
    });
    const before = new Map([
      [id, [`app@${DIGEST}`]],
      [parent, [`base@sha256:${'c'.repeat(64)}`]],
    ]);
    expect(restoreCommands(run([deleted]), 'docker', before)).toEqual([
      `docker pull app@${DIGEST}`,
      `docker pull base@sha256:${'c'.repeat(64)}`,
    ]);
  });
});
