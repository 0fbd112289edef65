import type { ImageInfo } from '../../model';
import type { Settings } from '../../settings';
import { familiarString, fullString, parseReported } from '../references/reference-grammar';
import { matchesAllLabels } from './labels';
import { newestOfEachRepository } from './repository-ranking';
import { referenceMatcher } from './reference-match';

export interface Protection {
  /** Reference patterns (Docker's `reference=` rules): `postgres:*`, `team/*`. */
  patterns: string[];
  /** `key` or `key=value`. */
  label: string | null;
  /**
   * Images the user unticked in a cleanup's review: kept as protected by that review, so a
   * re-plan keeps them (and what they need) and the command names what still goes.
   */
  excludedImages?: readonly string[];
  /**
   * The setting "keep the newest N per repository", resolved against one inventory: N, and
   * the images it protects (see protectionFor).
   */
  newest?: { keep: number; imageIds: readonly string[] };
  /** Least recently used: the images kept as used too recently to go, with their last use. */
  recentlyUsed?: readonly LastUse[];
}

/**
 * When an image was last used, and what says so. `recorded`: Reclaim saw a container of it
 * exist or run at `at` (it keeps those sightings in its data folder). `created`: no use was
 * ever seen, so the image's own creation time stands in (as docuum does).
 */
export interface LastUse {
  imageId: string;
  /** Unix seconds. */
  at: number;
  evidence: 'recorded' | 'created';
}

/**
 * The protection the user's settings ask for (an empty label protects nothing). Without
 * `images`, the newest-per-repository rule protects nothing: it needs the inventory to rank.
 */
export function protectionOf(
  settings: Pick<Settings, 'protectedPatterns' | 'protectedLabel'> &
    Partial<Pick<Settings, 'protectedNewest'>>,
  images: readonly ImageInfo[] = [],
): Protection {
  const protection: Protection = {
    patterns: settings.protectedPatterns,
    label: settings.protectedLabel || null,
  };
  const keep = settings.protectedNewest ?? 0;
  if (keep > 0) protection.newest = { keep, imageIds: newestOfEachRepository(images, keep) };
  return protection;
}

/**
 * Which rule protects an image: a reference pattern (`valid: false` for a saved pattern that
 * does not compile, read conservatively; see below), the protected label, or the user's
 * unticking it in a cleanup's review.
 */
export type ProtectionMatch =
  | { by: 'pattern'; pattern: string; valid: boolean }
  | { by: 'label'; label: string }
  | { by: 'newest'; keep: number }
  | { by: 'review' }
  | { by: 'recently-used'; at: number; evidence: LastUse['evidence'] };

/**
 * The user's protected images: batch strategies never select them. Patterns are compiled one
 * by one so a bad pattern cannot unprotect the rest. Settings refuse a pattern that does not
 * compile, but one saved before that rule (or hand-edited) must never protect silently
 * nothing: it protects every image its literal part could have meant, and says so.
 */
export function protectionTest(
  protection: Protection,
): (image: ImageInfo) => ProtectionMatch | null {
  const matchers = protection.patterns.map(compile);
  const excluded = new Set(protection.excludedImages ?? []);
  const newest = new Set(protection.newest?.imageIds ?? []);
  const keep = protection.newest?.keep ?? 0;
  const recent = new Map((protection.recentlyUsed ?? []).map((use) => [use.imageId, use]));
  return (image) => {
    if (excluded.has(image.id)) return { by: 'review' };
    const refs = [...image.repoTags, ...image.repoDigests];
    const hit = matchers.find((m) => m.matches(refs));
    if (hit) return hit.match;
    if (protection.label !== null && matchesAllLabels([protection.label], image.labels)) {
      return { by: 'label', label: protection.label };
    }
    if (newest.has(image.id)) return { by: 'newest', keep };
    const use = recent.get(image.id);
    if (use) return { by: 'recently-used', at: use.at, evidence: use.evidence };
    return null;
  };
}

interface PatternMatcher {
  matches: (refs: readonly string[]) => boolean;
  match: ProtectionMatch;
}

function compile(pattern: string): PatternMatcher {
  try {
    return {
      matches: referenceMatcher([pattern]),
      match: { by: 'pattern', pattern, valid: true },
    };
  } catch {
    return {
      matches: literalPrefixMatcher(pattern),
      match: { by: 'pattern', pattern, valid: false },
    };
  }
}

/**
 * The conservative reading of an uncompilable pattern: the text before its first special
 * character, as a prefix of any spelling of the reference. `postgres:[` keeps every
 * `postgres:` image; `[` keeps everything. Too much kept is visible and harmless; too little
 * could delete what the user meant to keep.
 */
function literalPrefixMatcher(pattern: string): (refs: readonly string[]) => boolean {
  const special = pattern.search(/[*?[\\]/);
  const prefix = special === -1 ? pattern : pattern.slice(0, special);
  return (refs) =>
    refs.some((reported) => {
      const ref = parseReported(reported);
      const spellings =
        ref === null ? [reported] : [reported, familiarString(ref), fullString(ref)];
      return spellings.some((spelling) => spelling.startsWith(prefix));
    });
}
