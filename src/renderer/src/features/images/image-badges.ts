import type { ImageInfo, PlatformInfo } from '../../../../shared/model';
import type { Settings } from '../../../../shared/settings';
import { protectionOf, protectionTest } from '../../../../shared/core/filters/protection';

export type BadgeKind =
  | 'dangling'
  | 'intermediate'
  | 'unused'
  | 'running'
  | 'stopped'
  | 'tags'
  | 'children'
  | 'protected'
  | 'platforms';

export interface BadgeView {
  kind: BadgeKind;
  tone: 'neutral' | 'ok' | 'warn' | 'danger' | 'info';
  /** Container names for the in-use badges, tag count for `tags`. */
  names?: string[];
  count?: number;
  /** The platforms of a multi-platform image, for `platforms`. */
  platforms?: PlatformInfo[];
}

/**
 * Which images settings protect from batch clean-ups (pattern, label, or among the newest N
 * of their repository, ranked over all of `images`), by the planner's own rule.
 */
export function protectedBySettings(
  settings: Pick<Settings, 'protectedPatterns' | 'protectedLabel'> &
    Partial<Pick<Settings, 'protectedNewest'>>,
  images: readonly ImageInfo[],
): (image: ImageInfo) => boolean {
  const test = protectionTest(protectionOf(settings, images));
  return (image) => test(image) !== null;
}

/** The badges a row shows, most important first. */
export function badgesFor(
  image: ImageInfo,
  isProtected: (image: ImageInfo) => boolean,
): BadgeView[] {
  const badges: BadgeView[] = [];
  if (image.dangling) badges.push({ kind: 'dangling', tone: 'warn' });
  if (image.intermediate) badges.push({ kind: 'intermediate', tone: 'neutral' });
  const running = image.containers.filter((c) => c.running).map((c) => c.name);
  const stopped = image.containers.filter((c) => !c.running).map((c) => c.name);
  if (running.length > 0) badges.push({ kind: 'running', tone: 'ok', names: running });
  if (stopped.length > 0) badges.push({ kind: 'stopped', tone: 'info', names: stopped });
  if (image.containers.length === 0 && !image.dangling && !image.intermediate)
    badges.push({ kind: 'unused', tone: 'neutral' });
  if (image.repoTags.length > 1)
    badges.push({ kind: 'tags', tone: 'neutral', count: image.repoTags.length });
  if (image.childIds.length > 0)
    badges.push({ kind: 'children', tone: 'neutral', count: image.childIds.length });
  if (isProtected(image)) badges.push({ kind: 'protected', tone: 'danger' });
  const platforms = image.platforms ?? [];
  if (platforms.length > 1) {
    badges.push({ kind: 'platforms', tone: 'info', count: platforms.length, platforms });
  }
  return badges;
}
