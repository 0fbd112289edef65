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
  return parent && parent.length > 0 ? parent : null;
}
