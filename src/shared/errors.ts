/**
 * Errors are values: a code, the cause within that code, and the facts the words need. They
 * cross IPC and HTTP intact and carry no sentence meant for display: the renderer words each
 * code and cause in the user's language (i18n `errors.*`), and shows the engine's or the
 * system's own words, when there are any, quoted from `detail`. Nothing parses them back.
 */
import type { ErrorCause } from './error-causes';

export type { ErrorCause } from './error-causes';

/** Every error code, once: the union below is derived from it. */
export const ERROR_CODES = [
  'ENGINE_NOT_RUNNING',
  'PERMISSION_DENIED',
  'TIMEOUT',
  'TLS_FAILED',
  'API_TOO_OLD',
  'ENDPOINT_INVALID',
  'NOT_FOUND',
  'AMBIGUOUS_REFERENCE',
  'INVALID_REFERENCE',
  'INVALID_FILTER',
  'CONFLICT',
  'PRUNE_RUNNING',
  'VALIDATION',
  'CHANGED_SINCE_PREVIEW',
  'CANCELLED',
  'NOT_CONNECTED',
  'ENGINE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ReclaimError {
  code: ErrorCode;
  /** Which of the code's causes, where a code has several that are worded differently. */
  cause?: ErrorCause;
  /** The endpoint involved, when there is one (`unix:///var/run/docker.sock`). */
  endpoint?: string;
  /** The engine's (or the system's) own words, verbatim, shown quoted; never parsed. */
  detail?: string;
  /** The value at fault as the user gave it: an input, a filter value, a settings field. */
  subject?: string;
  /** Extra facts for the UI (e.g. the candidate IDs of an ambiguous reference). */
  candidates?: string[];
  /** Other plain values the words need (versions, an HTTP status, a count). */
  values?: Record<string, string | number>;
}

export type ErrorFacts = Omit<ReclaimError, 'code'>;

/** Builds a ReclaimError; keeps call sites short and uniform. */
export function reclaimError(code: ErrorCode, facts: ErrorFacts = {}): ReclaimError {
  return { code, ...facts };
}

/** A thrown ReclaimError, for code paths that throw rather than return. */
export class ReclaimFailure extends Error {
  constructor(readonly error: ReclaimError) {
    super(error.cause ? `${error.code} (${error.cause})` : error.code);
    this.name = 'ReclaimFailure';
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function isReclaimError(value: unknown): value is ReclaimError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReclaimError).code === 'string' &&
    KNOWN_CODES.has((value as ReclaimError).code)
  );
}
