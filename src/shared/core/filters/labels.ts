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
