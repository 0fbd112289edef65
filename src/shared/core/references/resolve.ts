import { reclaimError, ReclaimFailure } from '../../errors';
import type { EngineInfo, ImageInfo } from '../../model';
import type { ResolvedReference } from '../../plan';
import {
  familiarString,
  FULL_HEX_ID_RE,
  fullString,
  parseNormalizedNamed,
  parseReported,
  ReferenceSyntaxError,
  withDefaultTag,
  type ParsedReference,
} from './reference-grammar';

/**
 * What resolving needs from an inventory: its images, and the store holding them (the
 * shortest ID prefix the engine accepts depends on it).
 */
export interface ImageIndex {
  images: readonly ImageInfo[];
  engine: Pick<EngineInfo, 'imageStore'>;
}

/** The containerd store refuses shorter ID prefixes ("ambiguous"/"not found"). */
const CONTAINERD_MIN_PREFIX = 4;
const ID_PREFIX_RE = /^(?:sha256:)?([0-9a-f]{1,64})$/;

function invalid(input: string, why: string): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError(
      'INVALID_REFERENCE',
      `"${input}" is not a valid image reference (${why}).`,
      'Give an image ID (or its first characters), name:tag such as redis:alpine, or name@sha256:<digest>.',
    ),
  );
}

function notFound(input: string): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError(
      'NOT_FOUND',
      `No such image: ${input}`,
      'Check the name and tag (docker images lists them), or refresh: it may have been removed already.',
    ),
  );
}

/** Every reference an image carries, parsed, with the familiar form the engine reported. */
function referencesOf(image: ImageInfo): ParsedReference[] {
  return [...image.repoTags, ...image.repoDigests]
    .map(parseReported)
    .filter((ref): ref is ParsedReference => ref !== null);
}

function findByReference(inv: ImageIndex, wanted: ParsedReference): ImageInfo | undefined {
  const key = fullString(wanted);
  return inv.images.find((image) => referencesOf(image).some((ref) => fullString(ref) === key));
}

function resolveIdPrefix(inv: ImageIndex, input: string, hex: string): ResolvedReference {
  if (inv.engine.imageStore === 'containerd' && hex.length < CONTAINERD_MIN_PREFIX) {
    throw invalid(
      input,
      `the containerd image store needs at least ${CONTAINERD_MIN_PREFIX} characters of an ID`,
    );
  }
  const matches = inv.images.filter((image) => image.id.replace(/^sha256:/, '').startsWith(hex));
  const [only] = matches;
  if (matches.length > 1) {
    throw new ReclaimFailure(
      reclaimError(
        'AMBIGUOUS_REFERENCE',
        `"${input}" is the start of ${matches.length} image IDs.`,
        'Type more characters of the ID, or pick one of the candidates.',
        { candidates: matches.map((image) => image.id) },
      ),
    );
  }
  if (!only) throw notFound(input);
  return {
    input,
    kind: hex.length === 64 ? 'full-id' : 'short-id',
    imageId: only.id,
    reference: null,
  };
}

/**
 * Resolves what a user typed the way the engine does (GetImage): a full ID; else a name, if
 * that name exists; else an ID prefix. Throws ReclaimFailure: INVALID_REFERENCE (before any
 * engine call), NOT_FOUND or AMBIGUOUS_REFERENCE (with the candidate IDs).
 */
export function resolveReference(inv: ImageIndex, rawInput: string): ResolvedReference {
  const input = rawInput.trim();
  if (input.length === 0) throw invalid(rawInput, 'it is empty');
  const idForm = ID_PREFIX_RE.exec(input);
  if (
    idForm?.[1] !== undefined &&
    (FULL_HEX_ID_RE.test(idForm[1]) || input.startsWith('sha256:'))
  ) {
    return resolveIdPrefix(inv, input, idForm[1]);
  }
  let parsed: ParsedReference;
  try {
    parsed = withDefaultTag(parseNormalizedNamed(input));
  } catch (error) {
    if (error instanceof ReferenceSyntaxError) throw invalid(input, error.message);
    throw error;
  }
  const byName = findByReference(inv, parsed);
  if (byName) {
    return {
      input,
      kind: parsed.digest !== null ? 'digest' : 'name-tag',
      imageId: byName.id,
      reference: familiarString(parsed),
    };
  }
  // A hex word that names no image may still be an ID prefix (`docker rmi 501`).
  if (idForm?.[1] !== undefined) return resolveIdPrefix(inv, input, idForm[1]);
  throw notFound(input);
}
