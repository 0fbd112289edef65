/**
 * Docker's image reference grammar and normalisation (the rules of distribution/reference),
 * written from its documented grammar: the same input must mean the same image here as in
 * `docker rmi`, or a preview could name a different image than the one removed.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] remainder
 *   familiar  := what the CLI prints: `docker.io/` and `library/` left out.
 */

/** A name with at most one tag and one digest, fully qualified. */
export interface ParsedReference {
  /** `docker.io`, `127.0.0.1:5000`, `localhost`… */
  domain: string;
  /** `library/redis`, `team/app`. */
  path: string;
  tag: string | null;
  digest: string | null;
}

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_MAX = 255;

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[[a-fA-F0-9:]+\\]';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})(?::[0-9]+)?`;

const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const SHA256_DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
export const FULL_HEX_ID_RE = /^[0-9a-f]{64}$/;

/** Why a reference is malformed; the engine's own words where it has them. */
export class ReferenceSyntaxError extends Error {}

/**
 * Splits `name` into domain and remainder the way the CLI does: the first component is a
 * domain only if it contains `.` or `:`, is `localhost`, or has upper-case letters.
 */
function splitDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const firstIsDomain =
    slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let domain = firstIsDomain ? first : DEFAULT_DOMAIN;
  let remainder = firstIsDomain ? name.slice(slash + 1) : name;
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = OFFICIAL_REPO_PREFIX + remainder;
  }
  return { domain, remainder };
}

/**
 * Parses what a user typed as a named reference (`redis`, `redis:alpine`,
 * `docker.io/library/redis:latest`, `host:5000/a/b@sha256:…`). Throws ReferenceSyntaxError.
 */
export function parseNormalizedNamed(input: string): ParsedReference {
  if (input.length === 0) throw new ReferenceSyntaxError('invalid reference format: empty');
  if (FULL_HEX_ID_RE.test(input)) {
    throw new ReferenceSyntaxError(
      'invalid repository name: cannot specify 64-byte hexadecimal strings',
    );
  }
  let rest = input;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) throw new ReferenceSyntaxError('invalid reference format');
    if (digest.startsWith('sha256:') && !SHA256_DIGEST_RE.test(digest)) {
      throw new ReferenceSyntaxError('invalid checksum digest format');
    }
  }
  let tag: string | null = null;
  const lastColon = rest.lastIndexOf(':');
  // A colon after the last slash separates the tag; one before it belongs to a port.
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG_RE.test(tag)) throw new ReferenceSyntaxError('invalid reference format');
  }
  const { domain, remainder } = splitDomain(rest);
  if (domain !== DEFAULT_DOMAIN && !DOMAIN_RE.test(domain)) {
    throw new ReferenceSyntaxError('invalid reference format');
  }
  if (remainder.toLowerCase() !== remainder) {
    throw new ReferenceSyntaxError('invalid reference format: repository name must be lowercase');
  }
  if (!PATH_RE.test(remainder)) throw new ReferenceSyntaxError('invalid reference format');
  if (`${domain}/${remainder}`.length > NAME_TOTAL_MAX) {
    throw new ReferenceSyntaxError(
      'invalid reference format: repository name must not be more than 255 characters',
    );
  }
  return { domain, path: remainder, tag, digest };
}

/** Adds `latest` when a reference has neither tag nor digest (TagNameOnly). */
export function withDefaultTag(ref: ParsedReference): ParsedReference {
  return ref.tag === null && ref.digest === null ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** `docker.io/library/redis`: the repository, fully qualified. */
export function fullName(ref: ParsedReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** `redis`, `team/app`, `127.0.0.1:5000/team/app`: the repository as the CLI prints it. */
export function familiarName(ref: ParsedReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  const official = ref.path.startsWith(OFFICIAL_REPO_PREFIX);
  const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
  return official && !rest.includes('/') ? rest : ref.path;
}

function suffix(ref: ParsedReference): string {
  return (ref.tag === null ? '' : `:${ref.tag}`) + (ref.digest === null ? '' : `@${ref.digest}`);
}

/** Fully qualified string (what the engine's reference store sorts by). */
export function fullString(ref: ParsedReference): string {
  return fullName(ref) + suffix(ref);
}

/** The familiar string, as `Untagged:` lines print it (`redis:alpine`). */
export function familiarString(ref: ParsedReference): string {
  return familiarName(ref) + suffix(ref);
}

/** Parses a reference the engine itself reported (RepoTags/RepoDigests); null if unparsable. */
export function parseReported(reference: string): ParsedReference | null {
  try {
    return parseNormalizedNamed(reference);
  } catch {
    return null;
  }
}
