import type { PrivateDocker } from './dockerd';
import { getJson } from './http';

/**
 * The engine's own total of image layer bytes (`LayersSize` of `GET /system/df`): the
 * yardstick for "deleting this frees N bytes" — read it before and after a removal.
 */
export async function layersSize(engine: PrivateDocker): Promise<number> {
  const df = await getJson<{ LayersSize?: number }>(engine.socketPath, '/system/df');
  if (typeof df.LayersSize !== 'number') throw new Error('GET /system/df has no LayersSize');
  return df.LayersSize;
}
