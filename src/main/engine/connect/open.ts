import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { Endpoint, EngineInfo } from '../../../shared/model';
import { isApiVersion, negotiateApiVersion } from './api-version';
import type { Connection, EngineRequest } from './connection';
import { createDockerClient } from './docker-client';
import { dialEngine } from './engine-request';
import {
  engineKind,
  imageStore,
  productVersion,
  type InfoAnswer,
  type VersionAnswer,
} from './engine-identity';
import { toReclaimFailure } from '../errors';
import { formatHost, parseHost } from './host-url';
import { loadTlsMaterial } from './tls-material';
import {
  defaultKnownHostsFiles,
  hostKeyCheck,
  hostKeyFailure,
  readKnownHosts,
  type HostKeyCheck,
} from './ssh/host-key-check';

export interface OpenOptions {
  /** How long each call may take before it fails with TIMEOUT; 10 s by default. */
  timeoutMs?: number;
  /** The ssh agent for ssh endpoints; defaults to this process's SSH_AUTH_SOCK. */
  sshAuthSock?: string;
  /** Where ssh engines' host keys are looked up; `ssh`'s own files by default. */
  knownHostsFiles?: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

function notAnEngine(host: string, answer: unknown): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError('ENGINE_ERROR', {
      cause: 'not-an-engine',
      endpoint: host,
      // What answered, in its own words: the user can tell a web server from a proxy.
      detail: Buffer.isBuffer(answer)
        ? answer.toString('utf8').slice(0, 200)
        : JSON.stringify(answer)?.slice(0, 200),
    }),
  );
}

/**
 * Connects to `endpoint`: reads its TLS files, asks `GET /version` without a version prefix,
 * negotiates the API version (the lower of the engine's and ours; refuses engines older than
 * we support), tells Docker from Podman and the classic store from containerd's, and returns
 * a Connection pinned to that version. Every failure is a ReclaimFailure naming the endpoint.
 */
export async function openConnection(
  endpoint: Endpoint,
  opts: OpenOptions = {},
): Promise<Connection> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sshAuthSock = opts.sshAuthSock ?? process.env.SSH_AUTH_SOCK;
  let sshCheck: { check: HostKeyCheck; failure: (refused: unknown) => unknown } | undefined;
  try {
    const parsed = parseHost(endpoint.host, endpoint.tls !== undefined);
    const host = formatHost(parsed);
    const tls = parsed.scheme === 'tcp' ? await loadTlsMaterial(endpoint) : undefined;
    if (parsed.scheme === 'ssh') {
      const entries = await readKnownHosts(opts.knownHostsFiles ?? defaultKnownHostsFiles());
      const check = hostKeyCheck(entries, parsed.hostname, parsed.port);
      // A refused host key reaches us as ssh2's bare "Host denied": say which key, and why.
      const failure = (thrown: unknown): unknown => {
        const refusal = check.refusal();
        // Only ssh2's own refusal of the handshake is ours to explain; any other failure of a
        // later call (a conflict, a timeout) stays what it is.
        const words =
          thrown instanceof ReclaimFailure
            ? `${thrown.error.detail ?? ''} ${thrown.message}`
            : thrown instanceof Error
              ? thrown.message
              : '';
        const handshakeRefused = /host denied|verification failed/i.test(words);
        return refusal && handshakeRefused
          ? hostKeyFailure(refusal, host, parsed.hostname, parsed.port, parsed.user)
          : thrown;
      };
      sshCheck = { check, failure };
    }
    const settings = {
      ...(tls ? { tls } : {}),
      ...(sshAuthSock ? { sshAuthSock } : {}),
      ...(sshCheck ? { sshHostKey: sshCheck.check } : {}),
    };
    const probe = createDockerClient(parsed, settings);
    // /info answers the same at any version: ask both at once to save a round trip.
    const [version, info] = await Promise.all([
      dialEngine<VersionAnswer>(probe, { method: 'GET', path: '/version' }, timeoutMs, host),
      dialEngine<InfoAnswer>(probe, { method: 'GET', path: '/info' }, timeoutMs, host),
    ]);
    if (typeof version !== 'object' || version === null || !isApiVersion(version.ApiVersion)) {
      throw notAnEngine(host, version);
    }
    const maxApiVersion = version.ApiVersion;
    const minApiVersion = isApiVersion(version.MinAPIVersion)
      ? version.MinAPIVersion
      : maxApiVersion;
    const apiVersion = negotiateApiVersion(maxApiVersion, minApiVersion, host);
    const docker = createDockerClient(parsed, { ...settings, version: `v${apiVersion}` });
    const engine: EngineInfo = {
      endpoint: { ...endpoint, host },
      kind: engineKind(version),
      version: productVersion(version),
      apiVersion,
      maxApiVersion,
      minApiVersion,
      imageStore: imageStore(info),
      ...(typeof info?.ID === 'string' && info.ID.length > 0 ? { engineId: info.ID } : {}),
      os: version.Os ?? 'unknown',
      arch: version.Arch ?? 'unknown',
    };
    const abandoned = new AbortController();
    return {
      docker,
      engine,
      request: <T>(req: EngineRequest) =>
        dialEngine<T>(docker, req, timeoutMs, host, abandoned.signal).catch((error: unknown) => {
          throw sshCheck ? sshCheck.failure(error) : error;
        }),
      abandon: (failure) => abandoned.abort(failure),
    };
  } catch (error) {
    throw toReclaimFailure(sshCheck ? sshCheck.failure(error) : error, endpoint.host);
  }
}
