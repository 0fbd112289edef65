import { homedir } from 'node:os';
import type { Endpoint } from '../../../shared/model';
import type { DiscoveryOptions } from './discover';

/**
 * Discovery options for this process and machine: the one place that reads the real
 * environment, so discovery itself stays a function of its inputs.
 */
export function systemDiscoveryOptions(settingsEndpoint: Endpoint | null): DiscoveryOptions {
  const uid = process.getuid?.();
  return {
    env: { ...process.env },
    homedir: homedir(),
    platform: process.platform,
    settingsEndpoint,
    ...(uid !== undefined ? { uid } : {}),
  };
}
