import type { Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { assembleInventory, type EngineState } from './assemble';
import { LayerFacts } from './layer-facts';
import {
  readContainers,
  readEngineImagesRow,
  readImages,
  readStores,
  storesCarryContainers,
} from './state-reads';

/**
 * Reads everything a snapshot needs, all calls in parallel: images (and the layer facts of
 * images not seen before), containers with their writable-layer sizes, volumes and build
 * cache. Pass the same `facts` again and a refresh reads layer facts only for new images.
 */
export async function readEngineState(
  connection: Connection,
  facts: LayerFacts,
): Promise<EngineState> {
  const storesRead = readStores(connection);
  const containersRead = storesCarryContainers(connection)
    ? storesRead.then((stores) => stores.containers ?? [])
    : readContainers(connection);
  const [images, stores, containers, imagesRow] = await Promise.all([
    readImages(connection, facts),
    storesRead,
    containersRead,
    readEngineImagesRow(connection),
  ]);
  facts.forgetExcept(new Set(images.map((image) => image.id)));
  return {
    engine: connection.engine,
    images,
    containers,
    volumes: stores.volumes,
    buildCache: stores.buildCache,
    engineRows: { ...stores.engineRows, ...imagesRow },
  };
}

/** One consistent snapshot of the engine. */
export async function readInventory(
  connection: Connection,
  facts: LayerFacts = new LayerFacts(),
): Promise<Inventory> {
  const state = await readEngineState(connection, facts);
  return assembleInventory(state, facts, Date.now());
}
