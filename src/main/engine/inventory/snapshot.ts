import type { Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { assembleInventory, type EngineState } from './assemble';
import { LayerFacts } from './layer-facts';
import type { ImageRecord } from './records';
import { readContainers, readImages, readStores, storesCarryContainers } from './state-reads';

/** A snapshot read under way: the images part ends first and can be used on its own. */
export interface StateRead {
  images: Promise<ImageRecord[]>;
  state: Promise<EngineState>;
}

/**
 * Starts every read a snapshot needs, all in parallel: images (and the layer facts of images
 * not seen before), containers with their writable-layer sizes, volumes and build cache.
 * Pass the same `facts` again and a refresh reads layer facts only for new images.
 */
export function startStateRead(connection: Connection, facts: LayerFacts): StateRead {
  const images = readImages(connection, facts);
  const storesRead = readStores(connection);
  const containersRead = storesCarryContainers(connection)
    ? storesRead.then((stores) => stores.containers ?? [])
    : readContainers(connection);
  const state = Promise.all([images, storesRead, containersRead]).then(
    ([imageList, stores, containers]): EngineState => {
      facts.forgetExcept(new Set(imageList.map((image) => image.id)));
      return {
        engine: connection.engine,
        images: imageList,
        containers,
        volumes: stores.volumes,
        buildCache: stores.buildCache,
        engineRows: stores.engineRows,
      };
    },
  );
  // The images part is also awaited on its own; its failure is reported through `state`.
  images.catch(() => undefined);
  // And `state` may fail (an engine stopping mid-read) while a caller still awaits the
  // images: the caller awaits it next, so meanwhile it must not count as unhandled.
  state.catch(() => undefined);
  return { images, state };
}

function readEngineState(connection: Connection, facts: LayerFacts): Promise<EngineState> {
  return startStateRead(connection, facts).state;
}

/** One consistent snapshot of the engine. */
export async function readInventory(
  connection: Connection,
  facts: LayerFacts = new LayerFacts(),
): Promise<Inventory> {
  const state = await readEngineState(connection, facts);
  return assembleInventory(state, facts, Date.now());
}
