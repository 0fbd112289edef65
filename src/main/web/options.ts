import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reclaimError, ReclaimFailure, type ErrorFacts } from '../../shared/errors';
import type { Endpoint } from '../../shared/model';
import { endpointSchema } from '../settings/settings-schema';

export interface WebOptions {
  port: number;
  token: string;
  /** An explicit engine, used instead of settings and discovery (tests: the private engine). */
  endpoint: Endpoint | null;
  settingsDir: string;
}

/** The shortest RECLAIM_TOKEN accepted: shorter ones can be guessed. */
// As long as the random default (32 base64url characters): a guessable token would let any
// local process drive the engine.
const MIN_TOKEN_LENGTH = 32;

function invalid(facts: ErrorFacts): ReclaimFailure {
  return new ReclaimFailure(reclaimError('VALIDATION', facts));
}

/**
 * Where the desktop app keeps its settings (Electron's userData for productName "Reclaim"),
 * so browser mode and the app share one configuration.
 */
export function defaultSettingsDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32')
    return path.join(env['APPDATA'] ?? path.join(homedir(), 'AppData', 'Roaming'), 'Reclaim');
  if (platform === 'darwin')
    return path.join(homedir(), 'Library', 'Application Support', 'Reclaim');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(homedir(), '.config'), 'Reclaim');
}

/** Flags win over environment variables; a random token when none is given. */
export function readWebOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): WebOptions {
  let values: { port?: string; host?: string; 'settings-dir'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'settings-dir': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw invalid({
      cause: 'web-arguments-invalid',
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  const portText = values.port ?? env['RECLAIM_PORT'] ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw invalid({ cause: 'web-port-invalid', subject: portText });

  const token = env['RECLAIM_TOKEN'] || randomBytes(24).toString('base64url');
  if (token.length < MIN_TOKEN_LENGTH) {
    throw invalid({ cause: 'web-token-too-short', values: { minimum: MIN_TOKEN_LENGTH } });
  }

  const host = values.host ?? env['RECLAIM_DOCKER_HOST'];
  let endpoint: Endpoint | null = null;
  if (host) {
    const parsed = endpointSchema.safeParse({ host });
    if (!parsed.success) throw invalid({ cause: 'web-host-invalid', subject: host });
    endpoint = parsed.data;
  }

  return {
    port,
    token,
    endpoint,
    settingsDir:
      values['settings-dir'] ?? env['RECLAIM_SETTINGS_DIR'] ?? defaultSettingsDir(env, platform),
  };
}
