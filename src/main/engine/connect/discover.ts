import { stat } from 'node:fs/promises';
import { reclaimError, ReclaimFailure, type ReclaimError } from '../../../shared/errors';
import type { DiscoveredEndpoint, Endpoint, EndpointSource } from '../../../shared/model';
import { DEFAULT_CONTEXT, listContexts, readContext, currentContextName } from './contexts';
import { cliConfigDir, endpointFromDockerHost, type Env } from './docker-host';
import { DEFAULT_NAMED_PIPE, formatHost, parseHost, type ParsedHost } from './host-url';
import { wellKnownSockets, type WellKnownSocket } from './well-known-sockets';

/** Everything discovery reads from the machine is injected, so tests are hermetic. */
export interface DiscoveryOptions {
  env: Env;
  homedir: string;
  platform: NodeJS.Platform;
  /** The endpoint chosen in Settings; it overrides everything else, as `--host` does. */
  settingsEndpoint: Endpoint | null;
  /** For `/run/user/<uid>` when XDG_RUNTIME_DIR is unset. */
  uid?: number;
  /** Whether a unix socket or named pipe exists right now; defaults to the file system. */
  probe?: (host: ParsedHost) => Promise<boolean>;
}

/** Sources that, when present, decide the endpoint even if it turns out unusable. */
const EXPLICIT_SOURCES: ReadonlySet<EndpointSource> = new Set([
  'settings',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'config.json',
]);

/** A unix socket counts when a socket file is there; a pipe when Windows lists it. */
async function probeFileSystem(host: ParsedHost): Promise<boolean> {
  if (host.scheme !== 'unix' && host.scheme !== 'npipe') return false;
  // `//./pipe/x` is how Node spells `\\.\pipe\x`; stat works on named pipes there.
  const file = host.scheme === 'npipe' ? host.path.replace(/\//g, '\\') : host.path;
  try {
    const info = await stat(file);
    return host.scheme === 'npipe' || info.isSocket();
  } catch {
    return false;
  }
}

function problemOf(error: unknown): ReclaimError {
  if (error instanceof ReclaimFailure) return error.error;
  throw error;
}

/** Builds one entry: canonical host, presence, or the reason it cannot be used. */
async function entry(
  endpoint: Endpoint,
  source: EndpointSource,
  label: string,
  probe: (host: ParsedHost) => Promise<boolean>,
): Promise<DiscoveredEndpoint> {
  try {
    const parsed = parseHost(endpoint.host, endpoint.tls !== undefined);
    const canonical: Endpoint = { ...endpoint, host: formatHost(parsed) };
    // tcp and ssh have no file to look at: only connecting can tell, so list them as present.
    const local = parsed.scheme === 'unix' || parsed.scheme === 'npipe';
    return { endpoint: canonical, source, label, present: local ? await probe(parsed) : true };
  } catch (error) {
    return { endpoint, source, label, present: false, problem: problemOf(error) };
  }
}

function missingContext(name: string, source: EndpointSource, configDir: string) {
  return {
    endpoint: { host: '' },
    source,
    label: `context "${name}"`,
    present: false,
    problem: reclaimError('ENDPOINT_INVALID', {
      cause: 'context-missing',
      subject: name,
      // Where the name came from (DOCKER_CONTEXT or config.json) and where contexts live.
      values: { source, configDir },
    }),
  } satisfies DiscoveredEndpoint;
}

/** The CLI's built-in "default" context: the platform's default socket. */
function defaultContextEndpoint(platform: NodeJS.Platform): Endpoint {
  return {
    host: platform === 'win32' ? `npipe://${DEFAULT_NAMED_PIPE}` : 'unix:///var/run/docker.sock',
  };
}

async function contextEntry(
  name: string,
  source: 'DOCKER_CONTEXT' | 'config.json',
  configDir: string,
  opts: DiscoveryOptions,
  probe: (host: ParsedHost) => Promise<boolean>,
): Promise<DiscoveredEndpoint> {
  const label = `context "${name}"`;
  if (name === DEFAULT_CONTEXT) {
    return entry(defaultContextEndpoint(opts.platform), source, label, probe);
  }
  const context = await readContext(configDir, name);
  if (!context) return missingContext(name, source, configDir);
  return entry(context.endpoint, source, label, probe);
}

async function explicitEntries(
  opts: DiscoveryOptions,
  configDir: string,
  probe: (host: ParsedHost) => Promise<boolean>,
): Promise<DiscoveredEndpoint[]> {
  const found: DiscoveredEndpoint[] = [];
  if (opts.settingsEndpoint) {
    found.push(await entry(opts.settingsEndpoint, 'settings', 'Chosen in Settings', probe));
  }
  try {
    const fromHost = await endpointFromDockerHost(opts.env, configDir);
    if (fromHost) found.push(await entry(fromHost, 'DOCKER_HOST', 'DOCKER_HOST', probe));
  } catch (error) {
    const raw = opts.env.DOCKER_HOST ?? '';
    found.push({
      endpoint: { host: raw },
      source: 'DOCKER_HOST',
      label: 'DOCKER_HOST',
      present: false,
      problem: problemOf(error),
    });
  }
  const fromEnv = opts.env.DOCKER_CONTEXT?.trim();
  if (fromEnv) found.push(await contextEntry(fromEnv, 'DOCKER_CONTEXT', configDir, opts, probe));
  const current = await currentContextName(configDir);
  // `docker context use default` clears currentContext; an explicit "default" means the same.
  if (current && current !== DEFAULT_CONTEXT) {
    found.push(await contextEntry(current, 'config.json', configDir, opts, probe));
  }
  return found;
}

/** `DOCKER_HOST (Colima)`: an explicit source that points at a known product says which. */
function withProduct(item: DiscoveredEndpoint, known: WellKnownSocket[]): DiscoveredEndpoint {
  const product = known.find((socket) => socket.host === item.endpoint.host)?.label;
  return product ? { ...item, label: `${item.label} (${product})` } : item;
}

/** Keeps the first (highest-precedence) entry for each endpoint. */
function deduplicate(found: DiscoveredEndpoint[]): DiscoveredEndpoint[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = item.endpoint.host === '' ? `${item.source}|${item.label}` : item.endpoint.host;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every engine endpoint this machine points at, in the docker CLI's order of precedence:
 * Settings, `DOCKER_HOST`, `DOCKER_CONTEXT`, `currentContext` in config.json, then the
 * well-known sockets of each product, then the store's other contexts (for the picker).
 */
export async function discoverEndpoints(opts: DiscoveryOptions): Promise<DiscoveredEndpoint[]> {
  const probe = opts.probe ?? probeFileSystem;
  const configDir = cliConfigDir(opts.env, opts.homedir);
  const known = wellKnownSockets(opts);
  const explicit = (await explicitEntries(opts, configDir, probe)).map((item) =>
    withProduct(item, known),
  );
  const sockets = await Promise.all(
    known.map((socket) => entry({ host: socket.host }, 'well-known-socket', socket.label, probe)),
  );
  const contexts = await Promise.all(
    (await listContexts(configDir)).map((context) =>
      entry(context.endpoint, 'context', `context "${context.name}"`, probe),
    ),
  );
  return deduplicate([...explicit, ...sockets, ...contexts]);
}

/**
 * The endpoint to connect to, as the CLI would choose it: the first explicit source wins even
 * when its socket is missing or it is broken (the CLI never falls through past DOCKER_HOST
 * or a named context); without one, the first well-known socket that exists.
 */
export function pickEndpoint(found: DiscoveredEndpoint[]): Endpoint {
  const explicit = found.find((item) => EXPLICIT_SOURCES.has(item.source));
  if (explicit) {
    if (explicit.problem) throw new ReclaimFailure(explicit.problem);
    return explicit.endpoint;
  }
  const socket = found.find((item) => item.source === 'well-known-socket' && item.present);
  if (socket) return socket.endpoint;
  const tried = found.filter((item) => item.source === 'well-known-socket');
  throw new ReclaimFailure(
    reclaimError('ENGINE_NOT_RUNNING', {
      cause: 'no-engine-found',
      ...(tried[0] ? { endpoint: tried[0].endpoint.host } : {}),
      candidates: tried.map((item) => item.endpoint.host),
    }),
  );
}
