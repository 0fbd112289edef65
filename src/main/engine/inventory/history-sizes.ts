import type { RawHistoryItem } from './raw-types';

/**
 * Per-layer sizes from `GET /images/{id}/history`.
 *
 * The history API drops the config's `empty_layer` flag: the daemon sends, newest first,
 * one entry per build step, with `Size` the layer's diff size for steps that made a layer
 * and 0 for steps that did not (ENV, LABEL, CMD…). A step that made a layer of 0 bytes also
 * shows 0, so when fewer entries have bytes than the image has layers, some 0-byte entries
 * must be counted as layers. Which ones matters only for where the non-zero sizes fall, so:
 *
 * 1. every entry with Size > 0 is a layer;
 * 2. the missing layers are taken from the 0-byte entries, preferring those whose command is
 *    not a metadata-only instruction (the legacy builder writes `#(nop) ENV …`, BuildKit
 *    `ENV …`), and among equals the oldest first;
 * 3. the result is accepted only if it has one size per layer and they add up to the image's
 *    Size; otherwise null, and the caller falls back to what image sizes alone prove.
 */

const METADATA_INSTRUCTION =
  /^(?:\/bin\/sh -c #\(nop\)\s*)?(ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|ARG|HEALTHCHECK|STOPSIGNAL|SHELL|ONBUILD|VOLUME|MAINTAINER)\b/i;

function looksMetadataOnly(createdBy: string | undefined): boolean {
  return METADATA_INSTRUCTION.test((createdBy ?? '').trim());
}

export function layerSizesFromHistory(
  historyNewestFirst: readonly RawHistoryItem[],
  layerCount: number,
  /** The image's Size the sizes must add up to; null where Size counts more (containerd, Podman). */
  imageSize: number | null,
): number[] | null {
  const oldestFirst = [...historyNewestFirst].reverse();
  const withBytes = oldestFirst.filter((entry) => entry.Size > 0).length;
  let missing = layerCount - withBytes;
  if (missing < 0) return null;

  const zeroIndexes = oldestFirst
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.Size <= 0);
  const ranked = [
    ...zeroIndexes.filter(({ entry }) => !looksMetadataOnly(entry.CreatedBy)),
    ...zeroIndexes.filter(({ entry }) => looksMetadataOnly(entry.CreatedBy)),
  ];
  const zeroLayers = new Set<number>();
  for (const { index } of ranked) {
    if (missing === 0) break;
    zeroLayers.add(index);
    missing--;
  }
  if (missing > 0) return null;

  const sizes = oldestFirst
    .filter((entry, index) => entry.Size > 0 || zeroLayers.has(index))
    .map((entry) => Math.max(entry.Size, 0));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return sizes.length === layerCount && (imageSize === null || total === imageSize) ? sizes : null;
}
