// `npm test`'s last step: every vitest project on the default engine (Docker 20.10, classic
// store), then the engine project again on each further engine of the matrix that is
// prepared here (scripts/prepare-engines.sh), one engine at a time: two engines and their
// fixture loads would fight for this machine's 2 cores. Ends with one plain line over all
// runs ("vitest: N passed, N failed, N skipped"), the form CI reads.
//
// RECLAIM_TEST_MATRIX picks the further engines (comma-separated names, or "none"); by
// default, the engines and files of MATRIX_IN_CI below.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { engineCacheDir, matrix } from '../test/engine/engines';

/**
 * The further engines `npm test` runs, in order, and which engine test files each runs: the
 * whole engine project (Podman's files aside, which run once with the default engine), or a
 * list of files. Every engine of the matrix runs the whole project: where a store or release
 * differs, the test says so and checks that engine's own answer.
 */
const MATRIX_IN_CI: Record<string, 'all' | string[]> = {
  'docker-28.5-classic': 'all',
  'docker-28.5-containerd': 'all',
  'docker-26.1-containerd': 'all',
};

function wantedEngines(): string[] {
  const asked = process.env.RECLAIM_TEST_MATRIX;
  if (asked === 'none') return [];
  const names = asked ? asked.split(',').map((name) => name.trim()) : Object.keys(MATRIX_IN_CI);
  return names.filter((name) => {
    const spec = matrix().find((candidate) => candidate.name === name);
    if (spec === undefined) throw new Error(`RECLAIM_TEST_MATRIX: unknown engine ${name}`);
    const present = existsSync(spec.dockerd);
    if (!present) {
      const missing = `engine ${name} is not prepared in ${engineCacheDir()} (run scripts/prepare-engines.sh)`;
      if (process.env.CI === 'true') throw new Error(`CI=true but ${missing}`);
      console.warn(`\n*** SKIPPING the engine matrix run on ${name}: ${missing}. ***\n`);
    }
    return present;
  });
}

function vitest(args: string[], env: Record<string, string>, report: string): number {
  rmSync(report, { force: true });
  const result = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

const runs: { name: string; report: string; args: string[] }[] = [
  { name: 'docker-20.10-classic', report: 'test-results/vitest.json', args: [] },
];
for (const name of wantedEngines()) {
  // Podman is an engine of its own: its files run once, with the default engine. An engine
  // asked for by RECLAIM_TEST_MATRIX but not listed runs the whole engine project.
  const files = MATRIX_IN_CI[name] ?? 'all';
  runs.push({
    name,
    report: `test-results/vitest-${name}.json`,
    args: [
      '--project',
      'engine',
      '--exclude',
      '**/*podman.engine.test.ts',
      ...(files === 'all' ? [] : files),
    ],
  });
}

let status = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const run of runs) {
  const spec = matrix().find((candidate) => candidate.name === run.name);
  const version = spec ? spawnSync(spec.dockerd, ['--version'], { encoding: 'utf8' }).stdout : '';
  console.log(
    `\n==> vitest ${run.args.join(' ') || '(every project)'} on ${run.name}: ${version.trim()}\n`,
  );
  // Every run runs, even after one failed: CI's log must show each engine's results.
  const exitCode = vitest(run.args, { RECLAIM_TEST_ENGINE: run.name }, run.report);
  status ||= exitCode;
  let report: VitestReport;
  try {
    report = JSON.parse(readFileSync(run.report, 'utf8')) as VitestReport;
  } catch (error) {
    console.error(`No test report at ${run.report}: ${String(error)}`);
    status = 1;
    continue;
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(
    `${run.name}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed, ${skipped} skipped`,
  );
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += skipped;
}
if (totals.skipped > 0) {
  console.warn(`WARNING: ${totals.skipped} tests were skipped (see the messages above for why).`);
}
console.log(`vitest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status || (totals.failed > 0 ? 1 : 0));
