/**
 * Documentation Reclaim may open in the system browser. Anything else — including a link a
 * compromised page makes up — is refused, so openDocs cannot be used to launch arbitrary
 * URLs or local files through the OS.
 */
const ALLOWED: readonly { host: string; pathPrefix: string }[] = [
  { host: 'docs.docker.com', pathPrefix: '/' },
  { host: 'docs.podman.io', pathPrefix: '/' },
  { host: 'github.com', pathPrefix: '/reclaim-app/reclaim' },
];

/**
 * Whole path segments: `/reclaim-app/reclaim` covers itself and what lies below it, never
 * `/reclaim-app/reclaimer-evil`. The URL parser has already resolved `..` and `.` segments.
 */
function isUnderPath(pathname: string, prefix: string): boolean {
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return pathname === prefix || pathname.startsWith(base);
}

/**
 * The URL as the parser normalised it when it is on the allow-list, else null. Callers open
 * this normalised form, never the raw string: what is opened is exactly what was checked.
 */
export function allowedDocsUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const allowed = ALLOWED.some(
    (entry) => url.hostname === entry.host && isUnderPath(url.pathname, entry.pathPrefix),
  );
  return allowed ? url.href : null;
}

export function isAllowedDocsUrl(candidate: string): boolean {
  return allowedDocsUrl(candidate) !== null;
}
