import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * OpenSSH's known_hosts, read the way `ssh` reads it when the docker CLI dials an ssh://
 * engine: one key per line, for host patterns that may be plain (`box`, `[box]:2222`),
 * wildcarded (`*.lan`, `10.0.0.?`), negated (`!bad.lan`) or hashed (`|1|salt|hmac`), with
 * optional `@revoked` and `@cert-authority` markers. Pure: the caller reads the files.
 */
export interface KnownHostEntry {
  marker: 'revoked' | 'cert-authority' | null;
  patterns: string;
  keyType: string;
  /** The key in SSH wire format: the bytes an ssh server presents. */
  key: Buffer;
}

export type HostKeyVerdict =
  | { verdict: 'known' }
  /** No line names this host: the user has never accepted a key for it. */
  | { verdict: 'unknown' }
  /** Lines name this host, none with the key it presented: it changed, or someone is between. */
  | { verdict: 'changed' }
  /** The key is listed as revoked. */
  | { verdict: 'revoked' };

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    const [patterns, keyType, keyText] = fields;
    if (!patterns || !keyType || !keyText || !/^[A-Za-z0-9+/]+={0,2}$/.test(keyText)) continue;
    entries.push({ marker, patterns, keyType, key: Buffer.from(keyText, 'base64') });
  }
  return entries;
}

/** The name ssh looks a host up by: `box` on port 22, `[box]:2222` elsewhere. */
export function knownHostName(hostname: string, port: number): string {
  // As ssh does: lower case, and an IPv6 address without the brackets a URL gives it.
  const name = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

function wildcardMatches(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

function hashedMatches(pattern: string, name: string): boolean {
  const [, kind, salt, hash] = pattern.split('|');
  if (kind !== '1' || !salt || !hash) return false;
  const expected = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  const given = Buffer.from(hash, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A line's patterns name `name` when one matches and no negated one does. */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatches(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatches(pattern.slice(1), name)) return false;
    } else if (wildcardMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** The lines that speak of this host (certificate authorities aside: Reclaim takes no certificates). */
export function entriesFor(
  entries: readonly KnownHostEntry[],
  hostname: string,
  port: number,
): KnownHostEntry[] {
  const name = knownHostName(hostname, port);
  return entries.filter(
    (entry) => entry.marker !== 'cert-authority' && patternsMatch(entry.patterns, name),
  );
}

export function hostKeyVerdict(
  entries: readonly KnownHostEntry[],
  hostname: string,
  port: number,
  presented: Buffer,
): HostKeyVerdict {
  const lines = entriesFor(entries, hostname, port);
  const sameKey = lines.filter((entry) => entry.key.equals(presented));
  if (sameKey.some((entry) => entry.marker === 'revoked')) return { verdict: 'revoked' };
  if (sameKey.length > 0) return { verdict: 'known' };
  return lines.some((entry) => entry.marker === null)
    ? { verdict: 'changed' }
    : { verdict: 'unknown' };
}

/** `SHA256:…`, as `ssh` prints a key's fingerprint: the user compares it with the server's. */
export function keyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside a wire-format key (`ssh-ed25519`, `ssh-rsa`, …). */
export function wireKeyType(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return length > 0 && length < 64 && key.length >= 4 + length
    ? key.subarray(4, 4 + length).toString('latin1')
    : 'unknown';
}
