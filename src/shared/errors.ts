/**
 * Errors are values with a fix. They cross IPC and HTTP intact, so the UI never parses
 * error strings: it shows `message`, then `fix`, and may branch on `code`.
 */
export type ErrorCode =
  | 'ENGINE_NOT_RUNNING'
  | 'PERMISSION_DENIED'
  | 'TIMEOUT'
  | 'TLS_FAILED'
  | 'API_TOO_OLD'
  | 'ENDPOINT_INVALID'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_REFERENCE'
  | 'INVALID_REFERENCE'
  | 'INVALID_FILTER'
  | 'CONFLICT'
  | 'PRUNE_RUNNING'
  | 'VALIDATION'
  | 'CHANGED_SINCE_PREVIEW'
  | 'CANCELLED'
  | 'NOT_CONNECTED'
  | 'ENGINE_ERROR'
  | 'INTERNAL';

export interface ReclaimError {
  code: ErrorCode;
  /** What happened, in one sentence a user understands. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The endpoint involved, when there is one (`unix:///var/run/docker.sock`). */
  endpoint?: string;
  /** The engine's own words, verbatim, when the engine said something. */
  detail?: string;
  /** Extra facts for the UI (e.g. the candidate IDs of an ambiguous reference). */
  candidates?: string[];
}

/** Builds a ReclaimError; keeps call sites short and uniform. */
export function reclaimError(
  code: ErrorCode,
  message: string,
  fix: string,
  extra: Partial<Pick<ReclaimError, 'endpoint' | 'detail' | 'candidates'>> = {},
): ReclaimError {
  return { code, message, fix, ...extra };
}

/** A thrown ReclaimError, for code paths that throw rather than return. */
export class ReclaimFailure extends Error {
  constructor(readonly error: ReclaimError) {
    super(error.message);
    this.name = 'ReclaimFailure';
  }
}

export function isReclaimError(value: unknown): value is ReclaimError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReclaimError).code === 'string' &&
    typeof (value as ReclaimError).message === 'string' &&
    typeof (value as ReclaimError).fix === 'string'
  );
}
