/**
 * Preview benchmark: the pure planners over a generated inventory of 10,000 images (IMAGES
 * overrides), on both image stores. No engine: the previews are pure functions of the
 * inventory, so this measures exactly what a click on "Preview" costs once the inventory is
 * held. Budgets (issue 11): each preview under 50 ms; every strategy's estimate together
 * under 200 ms. Prints a Markdown table and writes it into BENCHMARKS.md.
 *
 * Run: `npx tsx scripts/bench-previews.ts` (part of `npm run bench`).
 */
import { DEFAULT_CLEANUP_PARAMETERS, type CleanupChoice } from '../src/shared/cleanup';
import { estimateCleanups, planCleanup } from '../src/shared/core/cleanup/cleanup-plan';
import { protectionOf } from '../src/shared/core/filters/protection';
import { planPrune } from '../src/shared/core/plan/prune';
import { planRemoval } from '../src/shared/core/plan/removal';
import type { Inventory } from '../src/shared/model';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import {
  containerdInventory,
  inventory,
  sha,
  testStamp,
  type ContainerSpec,
  type ImageSpec,
} from '../src/shared/testing/inventory-builders';
import { writeBenchmarkSection } from './benchmarks-file';

/** The sizes measured, smallest first; 10,000 is the size the budgets are set for. */
const SIZES = (process.env.IMAGES ?? '1000,2000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
/**
 * A preview slower than this at one size is not run at the next (it would take minutes):
 * its row says so, with the time it took where it was measured.
 */
const SKIP_ABOVE_MS = 3_000;
const DAY = 86_400;
const NOW = 1_800_000_000;

/** Bases of two layers; apps of two more on a base, in repositories of ten tags; dangling ones. */
function generatedImages(count: number): { images: ImageSpec[]; containers: ContainerSpec[] } {
  const bases = Math.max(1, Math.round(count / 10));
  const dangling = Math.round(count / 10);
  const apps = count - bases - dangling;
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  const images: ImageSpec[] = [];
  for (let b = 0; b < bases; b++) {
    images.push({
      id: sha(`b${hex(b)}`),
      tags: [`base${b}:1`],
      layers: [
        [`base-os-${b % 20}`, 30_000_000],
        [`base-lib-${b}`, 10_000_000],
      ],
      created: NOW - (b % 400) * DAY,
    });
  }
  for (let a = 0; a < apps; a++) {
    const b = a % bases;
    images.push({
      id: sha(`a${hex(a)}`),
      tags: [`app${Math.floor(a / 10)}:v${a % 10}`],
      layers: [
        [`base-os-${b % 20}`, 30_000_000],
        [`base-lib-${b}`, 10_000_000],
        [`app-${a}-deps`, 5_000_000],
        [`app-${a}-code`, 1_000_000],
      ],
      labels: a % 7 === 0 ? { team: 'payments' } : {},
      created: NOW - (a % 300) * DAY,
    });
  }
  for (let d = 0; d < dangling; d++) {
    images.push({
      id: sha(`d${hex(d)}`),
      layers: [
        [`base-os-${d % 20}`, 30_000_000],
        [`old-${d}`, 2_000_000],
      ],
      created: NOW - (d % 500) * DAY,
    });
  }
  const containers: ContainerSpec[] = Array.from({ length: Math.round(count / 20) }, (_, c) => ({
    id: sha(`c${hex(c)}`),
    name: `c${c}`,
    image: sha(`a${hex((c * 13) % apps)}`),
    running: c % 2 === 0,
  }));
  return { images, containers };
}

/** Milliseconds per call: median and the spread (fastest–slowest) over ROUNDS. */
function measure(fn: () => unknown, rounds: number): { median: number; min: number; max: number } {
  // Warm-up (the first call also pays for JIT compilation), unless one call takes seconds.
  if (rounds > 1) fn();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return {
    median: times[Math.floor(times.length / 2)] ?? NaN,
    min: times[0] ?? NaN,
    max: times[times.length - 1] ?? NaN,
  };
}

const STRATEGIES: CleanupChoice[] = [
  { strategy: 'safe' },
  { strategy: 'unused-images' },
  { strategy: 'older-than', hours: 72 },
  { strategy: 'keep-newest', keep: 2 },
  { strategy: 'everything-unused', volumes: [] },
  { strategy: 'least-recently-used', maxBytes: 100_000_000_000 },
];

function previews(inv: Inventory): [string, () => unknown, number][] {
  const protection = protectionOf(DEFAULT_SETTINGS, inv.images);
  const stamp = testStamp(NOW * 1000);
  const tags = inv.images.flatMap((image) => image.repoTags).slice(0, 200);
  const rows: [string, () => unknown, number][] = [
    ['`image prune` (dangling)', () => planPrune(inv, { all: false }, protection, stamp), 50],
    ['`image prune -a`', () => planPrune(inv, { all: true }, protection, stamp), 50],
    [
      '`image prune -a --filter until=72h --filter label!=team=payments`',
      () =>
        planPrune(inv, { all: true, until: '72h', labelNot: ['team=payments'] }, protection, stamp),
      50,
    ],
    [
      '`rmi` of 200 references',
      () =>
        planRemoval(
          inv,
          tags,
          { force: false, removeStoppedContainers: false, childrenFirst: false },
          protection,
          stamp,
        ),
      50,
    ],
  ];
  for (const choice of STRATEGIES) {
    rows.push([
      `strategy ${choice.strategy}`,
      () => planCleanup(inv, choice, protection, () => stamp),
      50,
    ]);
  }
  rows.push([
    'every strategy estimated together',
    () => estimateCleanups(inv, DEFAULT_CLEANUP_PARAMETERS, protection, NOW * 1000),
    200,
  ]);
  return rows;
}

function main(): void {
  const lines = [
    `Generated inventories of ${SIZES.join(', ')} images (a tenth bases, a tenth dangling, the ` +
      `rest apps on shared bases; a container for every twentieth image); ${ROUNDS} rounds after ` +
      `a warm-up; Node ${process.versions.node}. The budgets apply at 10,000 images.`,
    '',
    '| images | store | preview | median ms | spread ms | budget ms | within |',
    '| ---: | --- | --- | ---: | --- | ---: | --- |',
  ];
  /** The median at the last size each row was measured at, to skip what would take minutes. */
  const last = new Map<string, { size: number; ms: number }>();
  for (const size of SIZES) {
    const { images, containers } = generatedImages(size);
    const stores: [string, Inventory][] = [
      ['classic', inventory(images, containers)],
      ['containerd', containerdInventory(images, containers)],
    ];
    for (const [store, inv] of stores) {
      for (const [name, fn, budget] of previews(inv)) {
        const key = `${store} ${name}`;
        const before = last.get(key);
        if (before && before.ms > SKIP_ABOVE_MS) {
          lines.push(
            `| ${size} | ${store} | ${name} | not run | ${before.ms.toFixed(0)} ms at ${before.size} | ${budget} | **no** |`,
          );
          continue;
        }
        const m = measure(fn, before === undefined || before.ms < 500 ? ROUNDS : 1);
        last.set(key, { size, ms: m.median });
        const within = size < 10_000 ? '' : m.median <= budget ? 'yes' : '**no**';
        lines.push(
          `| ${size} | ${store} | ${name} | ${m.median.toFixed(1)} | ${m.min.toFixed(1)}–${m.max.toFixed(1)} | ${budget} | ${within} |`,
        );
        console.log(lines[lines.length - 1]);
      }
    }
  }
  const table = lines.join('\n');
  console.log(table);
  writeBenchmarkSection('previews', 'Previews (pure planners over a generated inventory)', table);
}

main();
