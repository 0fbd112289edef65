/**
 * Documentation Reclaim may open in the system browser. Anything else — including a link a
 * compromised page makes up — is refused, so openDocs cannot be used to launch arbitrary
 * URLs or local files through the OS.
 */
const ALLOWED: readonly { host: string; pathPrefix: string }[] = [
  { host: 'docs.docker.com', pathPrefix: '/' },
  { host: 'docs.podman.io', pathPrefix: '/' },
  { host: 'github.com', pathPrefix: '/reclaim' },
];

export function isAllowedDocsUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return ALLOWED.some(
    (allowed) => url.hostname === allowed.host && url.pathname.startsWith(allowed.pathPrefix),
  );
}
