import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Endpoint } from '../../../shared/model';
import { fileExists } from './file-exists';

/**
 * The docker CLI's context store, read the way the CLI reads it: `config.json` names the
 * current context; each context lives in `contexts/meta/<sha256(name)>/meta.json`, its TLS
 * files in `contexts/tls/<sha256(name)>/docker/`. dockerode knows none of this.
 */

/** The reserved name for "no context": the CLI's built-in default endpoint. */
export const DEFAULT_CONTEXT = 'default';

export interface ContextEndpoint {
  name: string;
  endpoint: Endpoint;
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** The CLI's folder name for a context: the hex SHA-256 of its name. */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `currentContext` from `config.json`, or undefined when unset, empty or unreadable (the CLI
 * only warns about an unreadable config file and carries on with its defaults).
 */
export async function currentContextName(configDir: string): Promise<string | undefined> {
  const config = await readJson(path.join(configDir, 'config.json'));
  if (typeof config !== 'object' || config === null) return undefined;
  const current = (config as { currentContext?: unknown }).currentContext;
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/**
 * The TLS material of a context. The CLI uses TLS when the context has TLS files or skips
 * verification; without either, a tcp context is plain HTTP.
 */
async function contextTls(
  configDir: string,
  name: string,
  skipVerify: boolean,
): Promise<Endpoint['tls']> {
  const dir = path.join(configDir, 'contexts', 'tls', contextDirName(name), 'docker');
  const [ca, cert, key] = await Promise.all(
    ['ca.pem', 'cert.pem', 'key.pem'].map(async (file) => {
      const full = path.join(dir, file);
      return (await fileExists(full)) ? full : undefined;
    }),
  );
  if (!ca && !cert && !key && !skipVerify) return undefined;
  return {
    verify: !skipVerify,
    ...(ca ? { caPath: ca } : {}),
    ...(cert ? { certPath: cert } : {}),
    ...(key ? { keyPath: key } : {}),
  };
}

function contextFromMeta(meta: unknown): { host: string; skipVerify: boolean } | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const docker = (meta as ContextMeta).Endpoints?.docker;
  if (typeof docker?.Host !== 'string' || docker.Host === '') return undefined;
  return { host: docker.Host, skipVerify: docker.SkipTLSVerify === true };
}

/** A named context's docker endpoint, or undefined when the store has no such context. */
export async function readContext(
  configDir: string,
  name: string,
): Promise<ContextEndpoint | undefined> {
  const metaFile = path.join(configDir, 'contexts', 'meta', contextDirName(name), 'meta.json');
  const found = contextFromMeta(await readJson(metaFile));
  if (!found) return undefined;
  const tls = await contextTls(configDir, name, found.skipVerify);
  return { name, endpoint: { host: found.host, ...(tls ? { tls } : {}) } };
}

/** Every context in the store with a docker endpoint, sorted by name (as `docker context ls`). */
export async function listContexts(configDir: string): Promise<ContextEndpoint[]> {
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = await readdir(metaRoot);
  } catch {
    return [];
  }
  const names = await Promise.all(
    dirs.map(async (dir) => {
      const meta = await readJson(path.join(metaRoot, dir, 'meta.json'));
      const name = (meta as ContextMeta | undefined)?.Name;
      // A folder whose name is not the hash of the context inside is not the CLI's: skip it.
      return typeof name === 'string' && contextDirName(name) === dir ? name : undefined;
    }),
  );
  const contexts = await Promise.all(
    names
      .filter((name): name is string => name !== undefined)
      .sort()
      .map((name) => readContext(configDir, name)),
  );
  return contexts.filter((context): context is ContextEndpoint => context !== undefined);
}
