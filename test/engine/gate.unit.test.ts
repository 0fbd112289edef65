import { describe, expect, it } from 'vitest';
import { canStartEngine, engineTestsMustRun } from './gate';

const isRoot = process.getuid?.() === 0;

describe('canStartEngine', () => {
  it('names the missing program when the engine binary is absent', () => {
    const result = canStartEngine('docker', {
      ...process.env,
      RECLAIM_TEST_DOCKERD: '/nonexistent/dockerd',
    });
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(isRoot ? /\/nonexistent\/dockerd/ : /root/);
  });

  it('does the same for podman', () => {
    const result = canStartEngine('podman', {
      ...process.env,
      RECLAIM_TEST_PODMAN: 'no-such-podman',
    });
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(isRoot ? /no-such-podman/ : /root/);
  });
});

describe('engineTestsMustRun', () => {
  it('is true only for CI=true', () => {
    expect(engineTestsMustRun({ CI: 'true' })).toBe(true);
    expect(engineTestsMustRun({ CI: '1' })).toBe(false);
    expect(engineTestsMustRun({})).toBe(false);
  });
});
