import type { Connection } from '../connect/connection';

/** One record of `DELETE /images/{name}`. */
interface DeleteRecord {
  Untagged?: string;
  Deleted?: string;
}

/**
 * `DELETE /images/{name}?force=&noprune=`, answered as the CLI prints it: `Untagged: …` and
 * `Deleted: …` lines, in the engine's order. Rejects with the engine's error (see
 * engine-errors.ts).
 */
export async function deleteImage(
  conn: Connection,
  name: string,
  opts: { force: boolean; noprune: boolean },
): Promise<string[]> {
  const answer: unknown = await conn.docker
    .getImage(name)
    .remove({ force: opts.force, noprune: opts.noprune });
  const records: DeleteRecord[] = Array.isArray(answer) ? (answer as DeleteRecord[]) : [];
  return records.flatMap((record) => [
    ...(record.Untagged ? [`Untagged: ${record.Untagged}`] : []),
    ...(record.Deleted ? [`Deleted: ${record.Deleted}`] : []),
  ]);
}

/** `DELETE /containers/{id}` without `v`: named volumes are never touched here. */
export async function removeContainer(conn: Connection, id: string): Promise<void> {
  await conn.docker.getContainer(id).remove({ v: false, force: false });
}

export function deletedIds(lines: readonly string[]): string[] {
  return lines.filter((l) => l.startsWith('Deleted: ')).map((l) => l.slice('Deleted: '.length));
}

/** The lines a plan predicts, in the CLI's format. */
export function predictedLines(untagged: readonly string[], deleted: readonly string[]): string[] {
  return [...untagged.map((u) => `Untagged: ${u}`), ...deleted.map((d) => `Deleted: ${d}`)];
}
