import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

const FILE = path.join(import.meta.dirname, '..', 'BENCHMARKS.md');

const HEADER = `# Benchmarks

Written by \`npm run bench\`; each section is replaced by the script that measures it. Ratios
compare Reclaim with the docker CLI on the same engine in the same run (lower is better).
A figure outside its budget is marked **no** and left as measured.
`;

/**
 * Replaces one section of BENCHMARKS.md (between its markers), keeping the others, with the
 * machine the figures were taken on.
 */
export function writeBenchmarkSection(id: string, title: string, body: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`;
  const section = `${start}\n## ${title}\n\nMachine: ${machine}.\n\n${body}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(text)
    ? text.replace(pattern, () => section)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}
