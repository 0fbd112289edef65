import { reclaimError, ReclaimFailure } from '../../errors';
import type { ContainerInfo, Inventory, VolumeInfo } from '../../model';
import type {
  KeptResource,
  NetworkInfo,
  PlannedResource,
  ResourcePlan,
  ResourceRequest,
} from '../../resource-plan';
import { planEngine, type PlanStamp } from '../plan/plan-stamp';

/** Docker's own networks (`docker network prune` never takes them) and Podman's default. */
const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none', 'podman']);

/**
 * Plans containers, networks and volumes as `docker container prune`, `network prune` and
 * `volume rm` would take them, but stricter where those lose something a container needs:
 * a network or volume stays while any container that stays refers to it (the engine's
 * prune removes a network a stopped container is attached to, which that container then
 * cannot start without). A running container never goes. Unknown IDs or names are bad
 * input: NOT_FOUND, and nothing is planned.
 */
export function planResources(
  inv: Pick<Inventory, 'engine' | 'containers' | 'volumes'>,
  networks: readonly NetworkInfo[],
  request: ResourceRequest,
  stamp: PlanStamp,
): ResourcePlan {
  const unticked = new Set(request.unticked);
  const remove: PlannedResource[] = [];
  const keep: KeptResource[] = [];

  const goingContainers = new Set<string>();
  const named = request.containers === 'stopped' ? null : new Set(request.containers);
  if (named)
    requireKnown(
      named,
      inv.containers.map((c) => c.id),
      'container-not-found',
    );
  for (const container of inv.containers) {
    if (named && !named.has(container.id)) continue;
    const item = containerItem(container);
    if (container.running) keep.push({ ...item, reason: 'running' });
    else if (unticked.has(container.id)) keep.push({ ...item, reason: 'unticked' });
    else {
      remove.push(item);
      goingContainers.add(container.id);
    }
  }
  const staying = inv.containers.filter((container) => !goingContainers.has(container.id));

  if (request.networks) {
    for (const network of networks) {
      const item: PlannedResource = {
        kind: 'network',
        id: network.id,
        name: network.name,
        bytes: 0,
      };
      // A container whose networks the engine did not list may use any: none goes then.
      const user = staying.find(
        (container) =>
          container.networkNames === undefined || container.networkNames.includes(network.name),
      );
      if (PREDEFINED_NETWORKS.has(network.name)) keep.push({ ...item, reason: 'predefined' });
      else if (network.scope !== 'local') keep.push({ ...item, reason: 'not-local' });
      else if (user) keep.push({ ...item, reason: 'in-use', by: user.name });
      else if (unticked.has(network.id)) keep.push({ ...item, reason: 'unticked' });
      else remove.push(item);
    }
  }

  const ticked = new Set(request.volumes);
  requireKnown(
    ticked,
    inv.volumes.map((volume) => volume.name),
    'volume-not-found',
  );
  // By name: the engine lists volumes in no fixed order, and a plan reads the same each time.
  const volumes = [...inv.volumes].sort((a, b) => a.name.localeCompare(b.name));
  for (const volume of volumes) {
    const item = volumeItem(volume);
    const user = volumeUser(volume, staying);
    // A used volume nobody asked for is no part of the plan; an unused one is offered.
    if (user !== null) {
      if (ticked.has(volume.name)) keep.push({ ...item, reason: 'in-use', by: user });
    } else if (ticked.has(volume.name)) remove.push(item);
    else keep.push({ ...item, reason: 'not-ticked' });
  }

  return {
    kind: 'resources',
    id: stamp.id,
    createdAt: stamp.createdAt,
    engine: planEngine(inv),
    request: { ...request, unticked: [...request.unticked] },
    remove,
    keep,
    bytesFreed: remove.reduce((sum, item) => sum + (item.bytes ?? 0), 0),
    commands: resourceCommands(remove, planEngine(inv).cli),
  };
}

/**
 * The name of a container that stays and mounts `volume`, '' when one does but the engine
 * did not say which (no mounts listed, yet a reference count), or null when none does.
 */
function volumeUser(volume: VolumeInfo, staying: readonly ContainerInfo[]): string | null {
  const user = staying.find((container) => container.volumeNames?.includes(volume.name));
  if (user) return user.name;
  const mountsKnown = staying.every((container) => container.volumeNames !== undefined);
  return !mountsKnown && volume.refCount > 0 ? '' : null;
}

function containerItem(container: ContainerInfo): PlannedResource {
  return {
    kind: 'container',
    id: container.id,
    name: container.name,
    bytes: container.sizeRw,
    image: container.image,
  };
}

function volumeItem(volume: VolumeInfo): PlannedResource {
  return {
    kind: 'volume',
    id: volume.name,
    name: volume.name,
    bytes: volume.size < 0 ? null : volume.size,
    anonymous: isAnonymousVolume(volume),
  };
}

/**
 * Docker 23 and later label the volumes they make for an image's VOLUME; older engines and
 * Podman name them by a random 64-hex ID, which is what the user sees either way.
 */
export function isAnonymousVolume(volume: Pick<VolumeInfo, 'name' | 'labels'>): boolean {
  return 'com.docker.volume.anonymous' in volume.labels || /^[0-9a-f]{64}$/.test(volume.name);
}

function requireKnown(
  asked: ReadonlySet<string>,
  known: readonly string[],
  cause: 'container-not-found' | 'volume-not-found',
): void {
  const present = new Set(known);
  const missing = [...asked].find((id) => !present.has(id));
  if (missing !== undefined) {
    throw new ReclaimFailure(
      reclaimError('NOT_FOUND', {
        cause,
        subject: cause === 'container-not-found' ? missing.slice(0, 12) : missing,
      }),
    );
  }
}

/** One explicit command per kind, so it removes exactly the listed items. */
function resourceCommands(remove: readonly PlannedResource[], cli: string): string[] {
  const line = (kind: PlannedResource['kind'], verb: string): string[] => {
    const names = remove.filter((item) => item.kind === kind).map((item) => item.name);
    return names.length === 0 ? [] : [`${cli} ${verb} ${names.join(' ')}`];
  };
  return [
    ...line('container', 'container rm'),
    ...line('network', 'network rm'),
    ...line('volume', 'volume rm'),
  ];
}
