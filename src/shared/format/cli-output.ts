import type { RunResult } from '../plan';
import { humanSize } from './human-size';

/**
 * A run's output as the docker CLI prints it for the same work, so a user sees what they
 * would have seen in a terminal (and can paste it into a ticket).
 *
 * `docker rmi` prints the engine's answer as it is: `Untagged: <ref>` and `Deleted: <id>`.
 * `docker image prune` prints the same records in lower case under a heading, then the
 * total (checked against the CLI of Debian's engine 20.10):
 *
 *     Deleted Images:
 *     untagged: t:1
 *     deleted: sha256:875e…
 *
 *     Total reclaimed space: 200kB
 */
export type CliCommand = 'rmi' | 'prune';

export function cliOutput(result: RunResult, command: CliCommand): string {
  const lines = result.results.flatMap((target) => target.lines);
  if (command === 'rmi') return lines.join('\n');
  const deleted = lines.map(pruneLine);
  const heading = deleted.length > 0 ? ['Deleted Images:', ...deleted, ''] : [];
  return [...heading, `Total reclaimed space: ${humanSize(result.bytesReclaimed)}`].join('\n');
}

/** `Untagged: x` → `untagged: x`, `Deleted: x` → `deleted: x`: prune's spelling. */
export function pruneLine(line: string): string {
  return line.replace(/^(Untagged|Deleted): /, (prefix) => prefix.toLowerCase());
}
