import type { Connection } from '../connect/connection';
import type { DfType } from '../disk-usage/system-df-rows';
import { apiAtLeast } from '../connect/api-version';
import { ReclaimFailure } from '../../../shared/errors';
import { getJsonOrNull } from './local-socket-get';
import type {
  RawContainer,
  RawHistoryItem,
  RawImageInspect,
  RawImageSummary,
  RawSystemDf,
} from './raw-types';

/** The raw reads the inventory makes, one function per engine call. */

/**
 * Calls that walk every container's writable layer or every volume (`size=1`,
 * `/system/df`) can take minutes on a busy engine: they get minutes, not the connection's
 * default of seconds, so a slow engine yields late figures rather than none.
 */
export const SLOW_CALL_TIMEOUT_MS = 5 * 60_000;

export function listImages(connection: Connection): Promise<RawImageSummary[]> {
  return connection.request<RawImageSummary[]>({
    method: 'GET',
    path: '/images/json',
    query: { all: '1', ...(listsManifests(connection) ? { manifests: '1' } : {}) },
  });
}

/** Docker lists each image's platforms from API 1.47, on the containerd store. */
function listsManifests(connection: Connection): boolean {
  return (
    connection.engine.imageStore === 'containerd' &&
    apiAtLeast(connection.engine.apiVersion, '1.47')
  );
}

/** null when the image is gone (removed since it was listed). */
export function inspectImage(connection: Connection, id: string): Promise<RawImageInspect | null> {
  return getJsonOrNull<RawImageInspect>(connection, `/images/${id}/json`);
}

export function imageHistory(connection: Connection, id: string): Promise<RawHistoryItem[] | null> {
  return getJsonOrNull<RawHistoryItem[]>(connection, `/images/${id}/history`);
}

/**
 * Every container with its writable-layer size (`size=1` makes the daemon walk each
 * container's layer, the costly part of `docker system df`). `ids` narrows it to those;
 * `withSize: false` skips the walk (sizes then read 0).
 */
export function listContainers(
  connection: Connection,
  ids?: string[],
  withSize = true,
): Promise<RawContainer[]> {
  const query: Record<string, string> = { all: '1' };
  if (withSize) query.size = '1';
  if (ids) query.filters = JSON.stringify({ id: ids });
  return connection.request<RawContainer[]>({
    method: 'GET',
    path: '/containers/json',
    query,
    ...(withSize ? { timeoutMs: SLOW_CALL_TIMEOUT_MS } : {}),
  });
}

/** Whether `/system/df` accepts `type=` on this connection (API 1.42+). */
export function systemDfNarrows(connection: Connection): boolean {
  return apiAtLeast(connection.engine.apiVersion, '1.42');
}

/**
 * How often `/system/df` is asked again when it answers 404. The route always exists; Docker
 * 28 on the containerd store answers "snapshot … does not exist" when a snapshot it is
 * walking goes meanwhile (a build or a removal finishing), and the next call succeeds.
 */
const DF_VANISHED_RETRIES = 3;
const DF_RETRY_MS = 100;
/**
 * Engines before API 1.42 refuse a second `/system/df` while another client's runs ("a disk
 * usage operation is already running", e.g. the user's own `docker system df`): wait for it,
 * up to about ten seconds, rather than fail the read.
 */
const DF_BUSY_RETRIES = 40;
const DF_BUSY_MS = 250;

/**
 * `GET /system/df`, narrowed to `types` where the API allows it; on older APIs the whole
 * answer (the caller reads what it needs).
 */
export async function systemDf(
  connection: Connection,
  types?: readonly DfType[],
): Promise<RawSystemDf> {
  const narrow = types !== undefined && systemDfNarrows(connection);
  for (let attempt = 0; ; attempt++) {
    try {
      return await connection.request<RawSystemDf>({
        method: 'GET',
        path: '/system/df',
        query: narrow ? { type: [...types] } : {},
        timeoutMs: SLOW_CALL_TIMEOUT_MS,
      });
    } catch (error) {
      const failure = error instanceof ReclaimFailure ? error.error : null;
      const vanished = failure?.code === 'NOT_FOUND' && attempt < DF_VANISHED_RETRIES;
      const busy = failure?.cause === 'disk-usage-busy' && attempt < DF_BUSY_RETRIES;
      if (!vanished && !busy) throw error;
      await new Promise((resolve) => setTimeout(resolve, busy ? DF_BUSY_MS : DF_RETRY_MS));
    }
  }
}
