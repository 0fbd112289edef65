import { reclaimError, ReclaimFailure, type ErrorCause } from '../../errors';
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

/** INVALID_REFERENCE; `grammar` is the reference grammar's own words (Go's distribution/reference). */
function invalid(input: string, cause: ErrorCause, grammar?: string): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError('INVALID_REFERENCE', {
      cause,
      subject: input,
      ...(grammar === undefined ? {} : { detail: grammar }),
      ...(cause === 'id-prefix-too-short' ? { values: { min: CONTAINERD_MIN_PREFIX } } : {}),
    }),
  );
}

function notFound(input: string): ReclaimFailure {
  return new ReclaimFailure(
    reclaimError('NOT_FOUND', {
      cause: 'no-such-image',
      subject: input,
    }),
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
    throw invalid(input, 'id-prefix-too-short');
  }
  const matches = inv.images.filter((image) => image.id.replace(/^sha256:/, '').startsWith(hex));
  const [only] = matches;
  if (matches.length > 1) {
    throw new ReclaimFailure(
      reclaimError('AMBIGUOUS_REFERENCE', {
        subject: input,
        candidates: matches.map((image) => image.id),
      }),
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
  if (input.length === 0) throw invalid(rawInput, 'reference-empty');
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
    if (error instanceof ReferenceSyntaxError)
      throw invalid(input, 'reference-syntax', error.message);
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
