import type { ChildProcess } from 'node:child_process';
import { readFile, readdir, readlink, rm } from 'node:fs/promises';
import { run } from './run';

/** Mount points at or below `dir`, deepest first so parents unmount after their children. */
async function mountsUnder(dir: string): Promise<string[]> {
  const table = await readFile('/proc/self/mountinfo', 'utf8');
  const points = table
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((point): point is string => point !== undefined)
    // mountinfo escapes spaces and friends as octal (\040); decode before comparing.
    .map((point) =>
      point.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))),
    )
    .filter((point) => point === dir || point.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** Unmounts everything an engine left under `dir` (lazily, so a busy mount cannot block). */
async function unmountAll(dir: string): Promise<void> {
  for (const point of await mountsUnder(dir)) {
    await run('umount', ['-l', point], { timeoutMs: 10_000 });
  }
}

/** Process IDs whose command line mentions `dir`: shims and helpers an engine left behind. */
async function processesMentioning(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => '');
      // `dir/` or `dir` as a whole argument: another engine's folder may share a prefix.
      const named = cmdline.includes(`${dir}/`) || cmdline.split('\0').includes(dir);
      if (named || cwd === dir || cwd.startsWith(`${dir}/`)) found.push(pid);
    } catch {
      // The process ended while we looked: nothing to clean.
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Processes inside the given containers, found by their cgroup (which names the container
 * ID): a container's PID 1 mentions neither the engine's folder nor its socket.
 */
export async function processesInContainers(containerIds: string[]): Promise<number[]> {
  if (containerIds.length === 0) return [];
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cgroup = await readFile(`/proc/${entry}/cgroup`, 'utf8').catch(() => '');
    if (containerIds.some((id) => cgroup.includes(id))) found.push(Number(entry));
  }
  return found;
}

/**
 * Kills leftovers (helpers naming `dir`, and processes of `containerIds`), unmounts, then
 * removes `dir`; safe to call twice.
 */
export async function removeEngineDir(dir: string, containerIds: string[] = []): Promise<void> {
  const leftovers = [
    ...(await processesMentioning(dir)),
    ...(await processesInContainers(containerIds)),
  ];
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await unmountAll(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Signals a whole process group (a detached child and what it spawned), else the one process. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Children still running when this test process exits, killed so none outlives the run. */
const leftovers = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of leftovers) {
    if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
  }
});

/** Kills `child` if this process exits first; call the returned function once it is stopped. */
export function killOnExit(child: ChildProcess): () => void {
  leftovers.add(child);
  return () => leftovers.delete(child);
}
