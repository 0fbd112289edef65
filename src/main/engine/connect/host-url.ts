import type { MainErrorCause } from '../../../shared/error-causes';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';

/**
 * A parsed engine address. The docker CLI accepts these schemes for a client (`tcp`, `unix`,
 * `npipe`, `ssh`), and reads a bare `host:port` as tcp; we follow it so that whatever works
 * in `DOCKER_HOST` for the CLI works here.
 */
export type ParsedHost =
  | { scheme: 'unix'; path: string }
  | { scheme: 'npipe'; path: string }
  | { scheme: 'tcp'; hostname: string; port: number }
  | { scheme: 'ssh'; hostname: string; port: number; user?: string };

/** Where the CLI looks when `unix://` or `npipe://` carries no path. */
export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';

/** The engine's conventional ports: 2376 when TLS is on, 2375 otherwise (as the CLI). */
const DEFAULT_TCP_PORT = 2375;
const DEFAULT_TLS_PORT = 2376;
const DEFAULT_SSH_PORT = 22;

function invalid(
  raw: string,
  cause: MainErrorCause,
  facts: { subject?: string; values?: Record<string, string | number> } = {},
): ReclaimFailure {
  return new ReclaimFailure(reclaimError('ENDPOINT_INVALID', { cause, endpoint: raw, ...facts }));
}

function parsePort(raw: string, text: string, fallback: number): number {
  if (text === '') return fallback;
  if (!/^\d+$/.test(text)) throw invalid(raw, 'address-port-not-number', { subject: text });
  const port = Number(text);
  if (port < 1 || port > 65535)
    throw invalid(raw, 'address-port-out-of-range', { values: { port } });
  return port;
}

/** Splits `host:port` and `[v6]:port`; the port part is '' when absent. */
function splitHostPort(raw: string, authority: string): { hostname: string; port: string } {
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) throw invalid(raw, 'address-ipv6-unclosed');
    const rest = authority.slice(end + 1);
    if (rest !== '' && !rest.startsWith(':')) throw invalid(raw, 'address-after-ipv6');
    return { hostname: authority.slice(0, end + 1), port: rest.slice(1) };
  }
  const colon = authority.lastIndexOf(':');
  if (colon < 0) return { hostname: authority, port: '' };
  return { hostname: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

function parseTcp(raw: string, rest: string, tls: boolean): ParsedHost {
  // A trailing path (`tcp://h:2375/prefix`) is a rarely used API prefix; we do not support it.
  const authority = rest.replace(/\/+$/, '');
  if (authority.includes('/')) throw invalid(raw, 'address-path');
  const { hostname, port } = splitHostPort(raw, authority);
  return {
    scheme: 'tcp',
    // The CLI fills an empty host with localhost (`tcp://:2375`).
    hostname: hostname === '' ? 'localhost' : hostname,
    port: parsePort(raw, port, tls ? DEFAULT_TLS_PORT : DEFAULT_TCP_PORT),
  };
}

function parseSsh(raw: string, rest: string): ParsedHost {
  const authority = rest.replace(/\/+$/, '');
  if (authority.includes('/')) throw invalid(raw, 'address-ssh-path');
  const at = authority.lastIndexOf('@');
  const user = at >= 0 ? decodeURIComponent(authority.slice(0, at)) : undefined;
  if (user?.includes(':')) throw invalid(raw, 'address-ssh-password');
  const { hostname, port } = splitHostPort(raw, authority.slice(at + 1));
  if (hostname === '') throw invalid(raw, 'address-ssh-no-host');
  return {
    scheme: 'ssh',
    hostname,
    port: parsePort(raw, port, DEFAULT_SSH_PORT),
    ...(user ? { user } : {}),
  };
}

/**
 * Parses an engine address as the docker CLI does. `tls` only changes tcp's default port.
 * Throws a ReclaimFailure (ENDPOINT_INVALID) naming what is wrong.
 */
export function parseHost(raw: string, tls = false): ParsedHost {
  const text = raw.trim();
  if (text === '') throw invalid(raw, 'address-empty');
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text);
  // No scheme: the CLI reads `host:port` as tcp.
  if (!match) return parseTcp(raw, text, tls);
  const [, schemeText = '', rest = ''] = match;
  const scheme = schemeText.toLowerCase();
  switch (scheme) {
    case 'unix':
      return { scheme: 'unix', path: rest === '' ? DEFAULT_UNIX_SOCKET : rest };
    case 'npipe':
      return { scheme: 'npipe', path: rest === '' ? DEFAULT_NAMED_PIPE : rest };
    case 'tcp':
      return parseTcp(raw, rest, tls);
    case 'ssh':
      return parseSsh(raw, rest);
    default:
      throw invalid(raw, 'address-scheme', { values: { scheme } });
  }
}

/** The canonical text of a parsed address, so the same engine is listed only once. */
export function formatHost(host: ParsedHost): string {
  switch (host.scheme) {
    case 'unix':
      return `unix://${host.path}`;
    case 'npipe':
      return `npipe://${host.path}`;
    case 'tcp':
      return `tcp://${host.hostname}:${host.port}`;
    case 'ssh':
      return `ssh://${host.user ? `${encodeURIComponent(host.user)}@` : ''}${host.hostname}${
        host.port === DEFAULT_SSH_PORT ? '' : `:${host.port}`
      }`;
  }
}
