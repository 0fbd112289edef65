import type { EngineSpec } from '../test/engine/engines';

/**
 * The engines a benchmark runs on: the classic and the containerd engine of the matrix by
 * default (BENCH_ENGINES names others). Each sets RECLAIM_TEST_ENGINE while it runs, so the
 * fixture builders predict the IDs that engine's store gives.
 */
export function benchEngines(prepared: EngineSpec[]): EngineSpec[] {
  const wanted = (process.env.BENCH_ENGINES ?? 'docker-20.10-classic,docker-28.5-containerd').split(
    ',',
  );
  const specs = wanted.map((name) => {
    const spec = prepared.find((candidate) => candidate.name === name);
    if (!spec) {
      const names = prepared.map((candidate) => candidate.name).join(', ');
      throw new Error(
        `BENCH_ENGINES names ${name}, which is not prepared here (prepared: ${names}); run scripts/prepare-engines.sh`,
      );
    }
    return spec;
  });
  return specs;
}

/** Runs `fn` with the fixture builders predicting IDs for `spec`'s store. */
export async function onEngine<T>(spec: EngineSpec, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.RECLAIM_TEST_ENGINE;
  process.env.RECLAIM_TEST_ENGINE = spec.name;
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.RECLAIM_TEST_ENGINE;
    else process.env.RECLAIM_TEST_ENGINE = previous;
  }
}
