import Docker from 'dockerode';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { Agent as HttpsAgent } from 'node:https';
import type { ParsedHost } from './host-url';
import type { TlsMaterial } from './tls-material';

/**
 * docker-modem fills its defaults from DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH… of
 * this process before applying ours: a tcp DOCKER_HOST would silently override a socketPath
 * we pass, and a missing DOCKER_CERT_PATH file would throw. Reclaim decides the endpoint
 * itself, so these variables are hidden while the client is built (synchronously: no other
 * code can observe the gap) and restored at once.
 */
const MODEM_ENV_VARIABLES = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_PATH_PREFIX',
  'DOCKER_CLIENT_TIMEOUT',
] as const;

function withoutDockerEnv<T>(build: () => T): T {
  const saved = MODEM_ENV_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return build();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

/** dockerode's options plus `agent`, which docker-modem honours but the types omit. */
type ClientOptions = Docker.DockerOptions & { agent?: HttpsAgent };

export interface ClientSettings {
  tls?: TlsMaterial;
  /** `v1.41`: every call is prefixed with it. Omitted only for the negotiation probe. */
  version?: string;
  /** The ssh agent socket for ssh endpoints (SSH_AUTH_SOCK). */
  sshAuthSock?: string;
  /** How an ssh engine's host key is checked (known_hosts); see ssh/host-key-check.ts. */
  sshHostKey?: {
    hostVerifier: (key: Buffer) => boolean;
    serverHostKey: ServerHostKeyAlgorithm[] | undefined;
  };
}

function tcpOptions(
  host: Extract<ParsedHost, { scheme: 'tcp' }>,
  tls?: TlsMaterial,
): ClientOptions {
  const base: ClientOptions = { host: host.hostname, port: host.port, socketPath: undefined };
  if (!tls) return { ...base, protocol: 'http' };
  return {
    ...base,
    protocol: 'https',
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    // SkipTLSVerify / DOCKER_TLS without _VERIFY: encrypt but do not check the engine.
    ...(tls.verify ? {} : { agent: new HttpsAgent({ rejectUnauthorized: false }) }),
  };
}

function transportOptions(host: ParsedHost, settings: ClientSettings): ClientOptions {
  switch (host.scheme) {
    case 'unix':
    case 'npipe':
      return { socketPath: host.path, host: undefined, port: undefined, protocol: 'http' };
    case 'tcp':
      return tcpOptions(host, settings.tls);
    case 'ssh':
      // docker-modem runs `docker system dial-stdio` on the remote host over ssh2.
      return {
        protocol: 'ssh',
        host: host.hostname,
        port: host.port,
        socketPath: undefined,
        ...(host.user ? { username: host.user } : {}),
        sshOptions: {
          ...(settings.sshAuthSock ? { agent: settings.sshAuthSock } : {}),
          ...(settings.sshHostKey
            ? {
                hostVerifier: settings.sshHostKey.hostVerifier,
                ...(settings.sshHostKey.serverHostKey
                  ? { algorithms: { serverHostKey: settings.sshHostKey.serverHostKey } }
                  : {}),
              }
            : {}),
        },
      };
  }
}

/** A dockerode client for exactly this endpoint, whatever this process's DOCKER_* say. */
export function createDockerClient(host: ParsedHost, settings: ClientSettings = {}): Docker {
  const options: ClientOptions = {
    ...transportOptions(host, settings),
    ...(settings.version ? { version: settings.version } : {}),
  };
  return withoutDockerEnv(() => new Docker(options));
}
