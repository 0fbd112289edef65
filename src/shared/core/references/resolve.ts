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
  engine: Pick<EngineInfo, 'imageStore'> & Partial<Pick<EngineInfo, 'kind'>>;
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
  const podman = inv.engine.kind === 'podman';
  if (podman && !typedDomain(input, parsed)) {
    const short = resolvePodmanShortName(inv, input, parsed);
    if (short) return short;
  } else {
    const byName = findByReference(inv, parsed);
    if (byName) {
      return {
        input,
        kind: parsed.digest !== null ? 'digest' : 'name-tag',
        imageId: byName.id,
        reference: podman ? podmanReference(parsed) : familiarString(parsed),
      };
    }
  }
  // A hex word that names no image may still be an ID prefix (`docker rmi 501`).
  if (idForm?.[1] !== undefined) return resolveIdPrefix(inv, input, idForm[1]);
  throw notFound(input);
}

/** Whether the user typed a registry: the grammar found one, or Docker Hub was named. */
function typedDomain(input: string, parsed: ParsedReference): boolean {
  return parsed.domain !== 'docker.io' || /^(docker\.io|index\.docker\.io)\//.test(input);
}

/**
 * Podman's short names (libimage LookupImage): a name typed without a registry is first
 * `localhost/<name>`, then whichever stored name ends in `/<name>`. Podman would try its
 * search registries in their configured order, which Reclaim cannot read, so a name several
 * registries hold is answered as ambiguous: the user names the registry. The reference to
 * execute by is the stored name, as Podman prints it.
 */
function resolvePodmanShortName(
  inv: ImageIndex,
  input: string,
  parsed: ParsedReference,
): ResolvedReference | null {
  const typedPath = input.startsWith('library/')
    ? parsed.path
    : parsed.path.replace(/^library\//, '');
  const suffix = fullString({ ...parsed, domain: '', path: typedPath }).replace(/^\//, '');
  const named = (image: ImageInfo): ParsedReference[] =>
    referencesOf(image).filter((ref) => parsed.digest !== null || ref.digest === null);
  const local = inv.images.flatMap((image) =>
    named(image)
      .filter((ref) => fullString(ref) === `localhost/${suffix}`)
      .map((ref) => ({ image, ref })),
  );
  const matches =
    local.length > 0
      ? local
      : inv.images.flatMap((image) =>
          named(image)
            .filter((ref) => fullString(ref).endsWith(`/${suffix}`))
            .map((ref) => ({ image, ref })),
        );
  const ids = new Set(matches.map((match) => match.image.id));
  if (ids.size > 1) {
    throw new ReclaimFailure(
      reclaimError('AMBIGUOUS_REFERENCE', { subject: input, candidates: [...ids] }),
    );
  }
  const [first] = matches;
  if (!first) return null;
  return {
    input,
    kind: parsed.digest !== null ? 'digest' : 'name-tag',
    imageId: first.image.id,
    reference: podmanReference(first.ref),
  };
}

/**
 * What Reclaim sends Podman for a name: the name as Podman stores it (it resolves short
 * names its own way), or for a digest the image's ID. Podman keeps digests apart from names
 * and deletes `repo@sha256:…` as it deletes the ID: the image if that is its only name,
 * refused if it has several.
 */
function podmanReference(ref: ParsedReference): string | null {
  return ref.digest !== null ? null : fullString(ref);
}
