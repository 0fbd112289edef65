// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrunePlan, RunResult } from '../../../../shared/plan';
import RunResultPanel from './RunResultPanel.svelte';

beforeAll(setupComponentTests);

const ID = `sha256:${'a'.repeat(64)}`;
const DIGEST = `registry.local/app@sha256:${'d'.repeat(64)}`;
const result: RunResult = {
  planId: 'p',
  cancelled: false,
  bytesReclaimed: 1000,
  results: [
    {
      input: 'registry.local/app:1',
      imageId: ID,
      status: 'done',
      records: [
        { kind: 'untagged', ref: 'registry.local/app:1' },
        { kind: 'deleted', ref: ID },
      ],
      bytesReclaimed: 1000,
    },
  ],
};

describe('RunResultPanel', () => {
  it('offers the docker pull by digest that brings a deleted image back', () => {
    const prune = { remove: [{ imageId: ID, repoDigests: [DIGEST] }] } as unknown as PrunePlan;
    render(RunResultPanel, { result, command: 'prune', cli: 'docker', prune });
    expect(screen.getByTestId('run-restore').textContent).toBe(`docker pull ${DIGEST}`);
  });

  it('offers nothing when no deleted image had a digest', () => {
    render(RunResultPanel, { result, command: 'rmi', cli: 'docker' });
    expect(screen.queryByTestId('run-restore')).toBeNull();
  });
});
