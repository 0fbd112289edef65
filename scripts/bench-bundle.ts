/**
 * The renderer's JavaScript as a user's first screen loads it: the entry script and the
 * modules index.html preloads, gzipped (what a browser fetches), against the 250 kB budget;
 * and every JavaScript file of the build, loaded on demand or not. Reads the last build
 * (`npm run build` first). Writes its section of BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeBenchmarkSection } from './benchmarks-file';

const RENDERER = path.join(import.meta.dirname, '..', 'out', 'renderer');
const BUDGET_KB = 250;

const gzipKb = (file: string): number =>
  gzipSync(readFileSync(path.join(RENDERER, file)), { level: 9 }).length / 1024;

function main(): void {
  const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const firstScreen = [
    ...html.matchAll(/<script[^>]*src="\.\/([^"]+\.js)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  if (firstScreen.length === 0) {
    throw new Error(`No script found in ${RENDERER}/index.html: build first, or the page changed`);
  }
  const all = readdirSync(path.join(RENDERER, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `assets/${file}`);
  const first = firstScreen.reduce((sum, file) => sum + gzipKb(file), 0);
  const total = all.reduce((sum, file) => sum + gzipKb(file), 0);
  const table = [
    '| renderer JavaScript (gzip -9) | files | kB | budget kB | within |',
    '| --- | ---: | ---: | ---: | --- |',
    `| first screen (entry and its preloads) | ${firstScreen.length} | ${first.toFixed(1)} | ${BUDGET_KB} | ${first <= BUDGET_KB ? 'yes' : '**no**'} |`,
    `| everything, views loaded on demand included | ${all.length} | ${total.toFixed(1)} | | |`,
  ].join('\n');
  console.log(table);
  writeBenchmarkSection('bundle', 'Renderer bundle', table);
}

main();
