/**
 * Docker before API 1.44 lists an image without names as `RepoTags: ["<none>:<none>"]`
 * and `RepoDigests: ["<none>@<none>"]` (moby fills these in for the CLI's table); Podman
 * may send null. The inventory keeps only real references.
 */
export function realTags(tags: readonly string[] | null | undefined): string[] {
  return (tags ?? []).filter((tag) => tag !== '<none>:<none>' && !tag.startsWith('<none>'));
}

export function realDigests(digests: readonly string[] | null | undefined): string[] {
  return (digests ?? []).filter(
    (digest) => digest !== '<none>@<none>' && !digest.startsWith('<none>'),
  );
}

/** Docker sends `""` for "no parent"; the model says null. */
export function parentOrNull(parent: string | null | undefined): string | null {
  if (!parent || parent.length === 0) return null;
  // Podman writes the parent as bare hex, while its image IDs carry `sha256:`: without the
  // prefix the parent would match no image, and its untagged parents would look dangling.
  return withDigestPrefix(parent);
}

/** A bare 64-hex ID (as Podman answers some fields) in the `sha256:` form image IDs use. */
export function withDigestPrefix(id: string): string {
  return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}
