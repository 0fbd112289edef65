import { reclaimError, ReclaimFailure } from '../../../shared/errors';

/**
 * The newest API Reclaim knows the shapes of (`/system/df` `…Usage` objects arrived in 1.52).
 * Against a newer engine we ask for this one, as the docker CLI pins its own maximum.
 */
export const CLIENT_MAX_API_VERSION = '1.52';

/**
 * The oldest API Reclaim accepts. Removal is only safe where its exact behaviour is proven,
 * and the tests prove it at 1.41 (Debian's Docker 20.10 and Podman 4 both speak 1.41); every
 * call the engine modules make exists there (label prune filters 1.29, `Components` in
 * `/version` 1.35, build cache in `/system/df`). Older engines are refused rather than guessed at.
 */
export const CLIENT_MIN_API_VERSION = '1.41';

/** Compares `1.9` < `1.41` numerically, as moby's versions.LessThan does. */
export function compareApiVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** True when `version` is `minimum` or newer ("1.100" is newer than "1.42"). */
export function apiAtLeast(version: string, minimum: string): boolean {
  return compareApiVersions(version, minimum) >= 0;
}

export function isApiVersion(text: unknown): text is string {
  return typeof text === 'string' && /^\d+\.\d+$/.test(text);
}

/**
 * The version to talk: the lower of ours and the engine's maximum, as the CLI negotiates it.
 * Refuses an engine older than our minimum, and one whose minimum is past our maximum.
 */
export function negotiateApiVersion(engineMax: string, engineMin: string, host: string): string {
  if (compareApiVersions(engineMax, CLIENT_MIN_API_VERSION) < 0) {
    throw new ReclaimFailure(
      reclaimError('API_TOO_OLD', {
        cause: 'engine-api-too-old',
        endpoint: host,
        values: { engineMin, engineMax, clientMin: CLIENT_MIN_API_VERSION },
      }),
    );
  }
  if (compareApiVersions(engineMin, CLIENT_MAX_API_VERSION) > 0) {
    throw new ReclaimFailure(
      reclaimError('API_TOO_OLD', {
        cause: 'engine-api-too-new',
        endpoint: host,
        values: { engineMin, engineMax, clientMax: CLIENT_MAX_API_VERSION },
      }),
    );
  }
  return compareApiVersions(engineMax, CLIENT_MAX_API_VERSION) < 0
    ? engineMax
    : CLIENT_MAX_API_VERSION;
}
