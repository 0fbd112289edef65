import type { RunRecord } from '../../../shared/plan';
import type { Connection } from '../connect/connection';
import { withDigestPrefix } from '../inventory/image-names';

/** One record of `DELETE /images/{name}`, as the engine sends it. */
interface DeleteRecord {
  Untagged?: string;
  Deleted?: string;
}

/**
 * `DELETE /images/{name}?force=&noprune=`: the engine's records in its order. Rejects with
 * the engine's error (see the engine error mapper).
 */
export async function deleteImage(
  conn: Connection,
  name: string,
  opts: { force: boolean; noprune: boolean },
): Promise<RunRecord[]> {
  const answer: unknown = await conn.docker
    .getImage(name)
    .remove({ force: opts.force, noprune: opts.noprune });
  const records: DeleteRecord[] = Array.isArray(answer) ? (answer as DeleteRecord[]) : [];
  return records.flatMap((record): RunRecord[] => [
    ...(record.Untagged ? [{ kind: 'untagged' as const, ref: record.Untagged }] : []),
    // Podman answers with bare hex: recorded as Docker does, so records compare as IDs.
    ...(record.Deleted
      ? [{ kind: 'deleted' as const, ref: withDigestPrefix(record.Deleted) }]
      : []),
  ]);
}

/** `DELETE /containers/{id}` without `v`: named volumes are never touched here. */
export async function removeContainer(conn: Connection, id: string): Promise<void> {
  await conn.docker.getContainer(id).remove({ v: false, force: false });
}

/** The IDs the records delete, in the `sha256:` form (Podman answers with bare hex). */
export function deletedIds(records: readonly RunRecord[]): string[] {
  return records.filter((r) => r.kind === 'deleted').map((r) => withDigestPrefix(r.ref));
}

/** Whether the records already hold this one (an earlier call did the work). */
export function hasRecord(
  records: readonly RunRecord[],
  kind: RunRecord['kind'],
  ref: string,
): boolean {
  if (kind === 'deleted') return deletedIds(records).includes(withDigestPrefix(ref));
  return records.some((r) => r.kind === kind && r.ref === ref);
}
