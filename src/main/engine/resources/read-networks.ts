import type { NetworkInfo } from '../../../shared/resource-plan';
import type { Connection } from '../connect/connection';

interface RawNetwork {
  Id: string;
  Name?: string;
  Driver?: string;
  Scope?: string;
  Labels?: Record<string, string> | null;
}

/**
 * The engine's networks (`GET /networks`). Read when a plan needs them, not kept in the live
 * inventory: they hold no bytes, and only the plans that may remove them look at them.
 */
export async function readNetworks(connection: Connection): Promise<NetworkInfo[]> {
  const raw = await connection.request<RawNetwork[] | null>({ method: 'GET', path: '/networks' });
  return (raw ?? []).map((network) => ({
    id: network.Id,
    name: network.Name ?? network.Id.slice(0, 12),
    driver: network.Driver ?? '',
    scope: network.Scope ?? 'local',
    labels: network.Labels ?? {},
  }));
}
