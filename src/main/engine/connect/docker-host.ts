import path from 'node:path';
import type { Endpoint } from '../../../shared/model';
import { fileExists } from './file-exists';
import { formatHost, parseHost } from './host-url';

export type Env = Readonly<Record<string, string | undefined>>;

/** The CLI's configuration folder: `DOCKER_CONFIG`, else `~/.docker`. */
export function cliConfigDir(env: Env, homedir: string): string {
  return env.DOCKER_CONFIG || path.join(homedir, '.docker');
}

/**
 * TLS as the CLI derives it from the environment: on when `DOCKER_TLS_VERIFY` (verify the
 * engine) or `DOCKER_TLS` (encrypt only) is non-empty; files from `DOCKER_CERT_PATH`, else
 * the config folder. Like the CLI, the CA path is always kept (a missing CA is an error the
 * user must see) while a missing client cert or key is simply not sent.
 */
async function tlsFromEnv(env: Env, configDir: string): Promise<Endpoint['tls']> {
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return undefined;
  const certDir = env.DOCKER_CERT_PATH || configDir;
  const certPath = path.join(certDir, 'cert.pem');
  const keyPath = path.join(certDir, 'key.pem');
  return {
    verify,
    caPath: path.join(certDir, 'ca.pem'),
    ...((await fileExists(certPath)) ? { certPath } : {}),
    ...((await fileExists(keyPath)) ? { keyPath } : {}),
  };
}

/**
 * The endpoint `DOCKER_HOST` names, or undefined when it is unset or empty. Throws a
 * ReclaimFailure (ENDPOINT_INVALID) when it cannot be parsed.
 */
export async function endpointFromDockerHost(
  env: Env,
  configDir: string,
): Promise<Endpoint | undefined> {
  const raw = env.DOCKER_HOST?.trim();
  if (!raw) return undefined;
  const tls = await tlsFromEnv(env, configDir);
  const parsed = parseHost(raw, tls !== undefined);
  // TLS only means something on tcp: unix sockets and pipes are local, ssh brings its own.
  if (parsed.scheme !== 'tcp' || !tls) return { host: formatHost(parsed) };
  return { host: formatHost(parsed), tls };
}
