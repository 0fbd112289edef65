import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { DEFAULT_ENGINE, selectedEngine } from './engines';

export type EngineKind = 'docker' | 'podman';

export interface EngineAvailability {
  ok: boolean;
  /** Why no private engine can be started here (empty when ok). */
  reason: string;
}

/** Programs each kind of private engine needs (fixtures need the registry and busybox). */
function requiredPrograms(kind: EngineKind, env: NodeJS.ProcessEnv): string[] {
  if (kind === 'podman') return [env.RECLAIM_TEST_PODMAN ?? 'podman'];
  return [
    selectedEngine(env).dockerd,
    env.RECLAIM_TEST_DOCKER_CLI ?? 'docker',
    env.RECLAIM_TEST_REGISTRY ?? '/usr/bin/docker-registry',
    env.RECLAIM_TEST_BUSYBOX ?? '/bin/busybox',
  ];
}

function findProgram(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .concat(['/usr/sbin', '/sbin'])
        .map((dir) => path.join(dir, name));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether this process can start a private engine of this kind, and if not, why. */
export function canStartEngine(
  kind: EngineKind = 'docker',
  env: NodeJS.ProcessEnv = process.env,
): EngineAvailability {
  if (process.platform !== 'linux') {
    return {
      ok: false,
      reason: `private ${kind} engines need Linux (this is ${process.platform})`,
    };
  }
  if (process.getuid?.() !== 0) {
    return { ok: false, reason: `private ${kind} engines need root (run the tests as root)` };
  }
  const missing = requiredPrograms(kind, env).filter(
    (program) => findProgram(program, env) === undefined,
  );
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `missing ${missing.join(', ')} (install the Debian packages listed in .ci/run)`,
    };
  }
  return { ok: true, reason: '' };
}

/** In CI a missing engine is a failure: silently skipped engine tests would prove nothing. */
export function engineTestsMustRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true';
}

/**
 * `describe` for tests that need a private engine. Where none can be started, the suite is
 * skipped with a loud message, except in CI (CI=true) where it fails with the reason.
 */
export function describeEngine(name: string, fn: () => void, kind: EngineKind = 'docker'): void {
  const availability = canStartEngine(kind);
  if (availability.ok) {
    describe(name, fn);
    return;
  }
  if (engineTestsMustRun()) {
    describe(name, () => {
      it(`needs a private ${kind} engine`, () => {
        throw new Error(`CI=true but no private ${kind} engine can start: ${availability.reason}`);
      });
    });
    return;
  }
  console.warn(
    `\n*** SKIPPING engine tests "${name}": ${availability.reason}. ` +
      'These tests prove Reclaim against a real engine; run them as root before trusting a change. ***\n',
  );
  describe.skip(name, fn);
}

/**
 * Same, for the Podman engine. Podman is an engine of its own, not a Docker release: its
 * tests run once, in the run on the default Docker engine, and the matrix's other runs leave
 * them out (scripts/test-all.ts excludes the Podman-only files too).
 */
export function describePodman(name: string, fn: () => void): void {
  if (selectedEngine().name !== DEFAULT_ENGINE) {
    console.info(`Podman suite "${name}" runs with ${DEFAULT_ENGINE} only.`);
    return;
  }
  describeEngine(name, fn, 'podman');
}
