/** The 12-character short ID the docker CLI shows (`sha256:` dropped). */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
