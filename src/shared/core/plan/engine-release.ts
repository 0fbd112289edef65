/**
 * Whether a Docker Engine release (`/version`'s Version, `28.5.2`) is at least
 * `major.minor`: where releases of one API version differ (the containerd store's prune
 * changed in 27.3 and 28.4), the release decides. A version that does not parse (a
 * development build) counts as current.
 */
export function releaseAtLeast(version: string, major: number, minor: number): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (!match) return true;
  const [have, haveMinor] = [Number(match[1]), Number(match[2])];
  return have > major || (have === major && haveMinor >= minor);
}
