/**
 * Docker's label filters (filters.Args.MatchKVList): every `key` must be present and every
 * `key=value` must match exactly. `label!=` excludes an image only when ALL its values match,
 * which is how `docker image prune --filter label!=…` decides.
 */
export function matchesAllLabels(
  filters: readonly string[],
  labels: Record<string, string>,
): boolean {
  if (filters.length === 0) return true;
  return filters.every((filter) => {
    const equals = filter.indexOf('=');
    const key = equals === -1 ? filter : filter.slice(0, equals);
    if (!Object.hasOwn(labels, key)) return false;
    return equals === -1 || labels[key] === filter.slice(equals + 1);
  });
}

/** The prune rule: keep when `label` filters fail, or when given `label!` filters all match. */
export function passesLabelFilters(
  include: readonly string[],
  exclude: readonly string[],
  labels: Record<string, string>,
): boolean {
  if (!matchesAllLabels(include, labels)) return false;
  return exclude.length === 0 || !matchesAllLabels(exclude, labels);
}

/**
 * The containerd image store's rule (moby daemon/containerd/image_list.go, setupLabelFilter):
 * every check must hold on the image's config. `label=k` needs k, `label=k=v` needs k equal
 * to v; `label!=k` needs k absent, and `label!=k=v` needs k PRESENT with another value (an
 * image without k does not match, unlike the classic store). A key written `k!` flips it.
 */
export function passesContainerdLabelFilters(
  include: readonly string[],
  exclude: readonly string[],
  labels: Record<string, string>,
): boolean {
  const holds = (filter: string, negated: boolean): boolean => {
    const equals = filter.indexOf('=');
    let key = equals === -1 ? filter : filter.slice(0, equals);
    let negate = negated;
    if (key.endsWith('!')) {
      key = key.slice(0, -1);
      negate = !negate;
    }
    const exists = Object.hasOwn(labels, key);
    if (equals === -1) return negate ? !exists : exists;
    if (!exists) return false;
    return (labels[key] === filter.slice(equals + 1)) !== negate;
  };
  return include.every((f) => holds(f, false)) && exclude.every((f) => holds(f, true));
}
