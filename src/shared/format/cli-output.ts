import type { RunRecord, RunResult, TargetResult } from '../plan';
import { humanSize } from './human-size';

/**
 * The one place that writes a run's output as the docker CLI prints it for the same work, so
 * a user sees what they would have seen in a terminal (and can paste it into a ticket). The
 * run itself carries records, never these lines.
 *
 * `docker rm` prints each container's name; `docker rmi` prints the engine's records as they
 * are: `Untagged: <ref>` and `Deleted: <id>`. `docker image prune` prints the same records in
 * lower case under a heading, then the total (checked against the CLI of Debian's engine 20.10):
 *
 *     Deleted Images:
 *     untagged: t:1
 *     deleted: sha256:875e…
 *
 *     Total reclaimed space: 200kB
 */
export type CliCommand = 'rmi' | 'prune';

const RMI_WORD: Record<RunRecord['kind'], string> = { untagged: 'Untagged', deleted: 'Deleted' };

/** One record as `docker rmi` prints it. */
export function rmiLine(record: RunRecord): string {
  return `${RMI_WORD[record.kind]}: ${record.ref}`;
}

/** One record as `docker image prune` prints it. */
export function pruneLine(record: RunRecord): string {
  return `${record.kind}: ${record.ref}`;
}

/** A target's `docker rm` names, then its `docker rmi` lines. */
function rmiLines(target: TargetResult): string[] {
  return [
    ...(target.containersRemoved ?? []).map((container) => container.name),
    ...target.records.map(rmiLine),
  ];
}

export function cliOutput(result: RunResult, command: CliCommand): string {
  if (command === 'rmi') return result.results.flatMap(rmiLines).join('\n');
  const deleted = result.results.flatMap((target) => target.records.map(pruneLine));
  const heading = deleted.length > 0 ? ['Deleted Images:', ...deleted, ''] : [];
  return [...heading, `Total reclaimed space: ${humanSize(result.bytesReclaimed)}`].join('\n');
}
