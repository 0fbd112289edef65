import type { ImageInfo } from '../model';
import { matchesAllLabels } from './labels';
import { referenceMatcher } from './reference-match';

export interface Protection {
  /** Reference patterns (Docker's `reference=` rules): `postgres:*`, `team/*`. */
  patterns: string[];
  /** `key` or `key=value`. */
  label: string | null;
}

/**
 * The user's protected images: batch strategies never select them. A bad pattern protects
 * nothing by itself but must not unprotect the rest, so patterns are compiled one by one.
 */
export function protectionTest(protection: Protection): (image: ImageInfo) => string | null {
  const matchers = protection.patterns.flatMap((pattern) => {
    try {
      return [{ pattern, matches: referenceMatcher([pattern]) }];
    } catch {
      return [];
    }
  });
  return (image) => {
    const refs = [...image.repoTags, ...image.repoDigests];
    const hit = matchers.find((m) => m.matches(refs));
    if (hit) return `protected by the pattern ${hit.pattern}`;
    if (protection.label !== null && matchesAllLabels([protection.label], image.labels)) {
      return `protected by the label ${protection.label}`;
    }
    return null;
  };
}
