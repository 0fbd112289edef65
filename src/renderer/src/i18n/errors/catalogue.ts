/**
 * The shape of the error words in every catalogue, derived from the code and cause unions:
 * each code has default words, and each cause has its own under the one code it belongs to.
 * Adding a code, a cause or a fix hint without words in both catalogues fails the typecheck.
 */
import type { ErrorCause } from '../../../../shared/error-causes';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/errors';
import type { FixHint } from '../../../../shared/fix-hints';

/** What the UI shows for an error: what happened, then what to do. */
export interface ErrorWords {
  message: string;
  fix: string;
}

/** Every error code, as the shared errors declare them. */
export { ERROR_CODES };

/** The code each cause belongs to: a Record over the union, so no cause can be left out. */
export const CAUSE_CODE = {
  // The pure core: references and filters.
  'reference-syntax': 'INVALID_REFERENCE',
  'id-prefix-too-short': 'INVALID_REFERENCE',
  'no-such-image': 'NOT_FOUND',
  'until-invalid': 'INVALID_FILTER',
  'cache-until-invalid': 'INVALID_FILTER',
  'label-without-key': 'INVALID_FILTER',
  'pattern-invalid': 'INVALID_FILTER',
  'anchor-not-found': 'INVALID_FILTER',
  'reference-empty': 'INVALID_REFERENCE',
  'blocked-in-preview': 'CONFLICT',
  'cache-record-gone': 'CHANGED_SINCE_PREVIEW',
  'resource-gone': 'CHANGED_SINCE_PREVIEW',
  'container-started': 'CHANGED_SINCE_PREVIEW',
  'resource-now-in-use': 'CHANGED_SINCE_PREVIEW',
  'cache-record-in-use': 'CHANGED_SINCE_PREVIEW',
  'cache-record-now-shared': 'CHANGED_SINCE_PREVIEW',
  'cache-record-used-since': 'CHANGED_SINCE_PREVIEW',
  'cache-record-engine-kept': 'CHANGED_SINCE_PREVIEW',
  'kept-protected-in-preview': 'CONFLICT',
  'anchor-ambiguous': 'INVALID_FILTER',
  'force-on-podman': 'VALIDATION',
  // The main process.
  'socket-missing': 'ENGINE_NOT_RUNNING',
  'pipe-missing': 'ENGINE_NOT_RUNNING',
  'connection-refused': 'ENGINE_NOT_RUNNING',
  'connection-cut': 'ENGINE_NOT_RUNNING',
  'no-engine-found': 'ENGINE_NOT_RUNNING',
  'access-denied': 'PERMISSION_DENIED',
  'ssh-auth-failed': 'PERMISSION_DENIED',
  'ssh-host-unknown': 'PERMISSION_DENIED',
  'ssh-host-changed': 'PERMISSION_DENIED',
  'ssh-host-revoked': 'PERMISSION_DENIED',
  'no-answer': 'TIMEOUT',
  'request-timed-out': 'TIMEOUT',
  'host-unknown': 'ENDPOINT_INVALID',
  'address-empty': 'ENDPOINT_INVALID',
  'address-port-not-number': 'ENDPOINT_INVALID',
  'address-port-out-of-range': 'ENDPOINT_INVALID',
  'address-ipv6-unclosed': 'ENDPOINT_INVALID',
  'address-after-ipv6': 'ENDPOINT_INVALID',
  'address-path': 'ENDPOINT_INVALID',
  'address-ssh-path': 'ENDPOINT_INVALID',
  'address-ssh-password': 'ENDPOINT_INVALID',
  'address-ssh-no-host': 'ENDPOINT_INVALID',
  'address-scheme': 'ENDPOINT_INVALID',
  'context-missing': 'ENDPOINT_INVALID',
  'plain-http-to-tls': 'TLS_FAILED',
  'tls-handshake': 'TLS_FAILED',
  'tls-file-missing': 'TLS_FAILED',
  'tls-file-unreadable': 'TLS_FAILED',
  'tls-cert-without-key': 'TLS_FAILED',
  'tls-key-without-cert': 'TLS_FAILED',
  'engine-api-too-old': 'API_TOO_OLD',
  'engine-api-too-new': 'API_TOO_OLD',
  'client-version-refused': 'API_TOO_OLD',
  'not-an-engine': 'ENGINE_ERROR',
  'http-error': 'ENGINE_ERROR',
  'connection-failed': 'ENGINE_ERROR',
  unexpected: 'INTERNAL',
  'engine-not-found': 'NOT_FOUND',
  'engine-conflict': 'CONFLICT',
  'image-used-by-running-container': 'CONFLICT',
  'image-used-by-stopped-container': 'CONFLICT',
  'image-has-dependent-children': 'CONFLICT',
  'image-has-several-tags': 'CONFLICT',
  'prune-already-running': 'CONFLICT',
  'disk-usage-busy': 'CONFLICT',
  'deletion-refused': 'CONFLICT',
  'preview-expired': 'NOT_FOUND',
  'preview-other-engine': 'NOT_FOUND',
  'container-not-found': 'NOT_FOUND',
  'container-running': 'CONFLICT',
  'container-removal-refused': 'CONFLICT',
  'container-removal-failed': 'ENGINE_ERROR',
  'volume-not-found': 'NOT_FOUND',
  'volume-in-use': 'CONFLICT',
  'volume-removal-refused': 'CONFLICT',
  'volume-removal-failed': 'ENGINE_ERROR',
  'network-not-found': 'NOT_FOUND',
  'network-removal-refused': 'CONFLICT',
  'network-removal-failed': 'ENGINE_ERROR',
  'not-connected-yet': 'NOT_CONNECTED',
  'still-connecting': 'NOT_CONNECTED',
  'engine-unavailable': 'NOT_CONNECTED',
  'unknown-method': 'VALIDATION',
  'malformed-arguments': 'VALIDATION',
  'arguments-not-json': 'VALIDATION',
  'arguments-too-large': 'VALIDATION',
  'untrusted-sender': 'VALIDATION',
  'docs-url-refused': 'VALIDATION',
  'settings-invalid': 'VALIDATION',
  'protected-pattern-invalid': 'VALIDATION',
  'protected-label-without-key': 'VALIDATION',
  'web-arguments-invalid': 'VALIDATION',
  'web-port-invalid': 'VALIDATION',
  'web-token-too-short': 'VALIDATION',
  'web-host-invalid': 'VALIDATION',
  'browser-server-unreachable': 'INTERNAL',
  'browser-token-refused': 'VALIDATION',
} as const satisfies Record<ErrorCause, ErrorCode>;

/** Every fix hint, once; the Record keeps it equal to the union. */
export const FIX_HINTS = {
  'start-podman-machine': true,
  'start-podman-service': true,
  'start-podman-user-service': true,
  'start-colima': true,
  'start-orbstack': true,
  'start-rancher-desktop': true,
  'start-docker-desktop': true,
  'start-docker-service': true,
  'start-default-socket-engine': true,
  'start-rootless-docker': true,
  'start-engine-at-socket': true,
  'check-tcp-engine': true,
  'check-ssh-engine': true,
  'join-docker-users': true,
  'load-ssh-key': true,
  'use-own-podman-socket': true,
  'join-docker-group': true,
  'own-socket': true,
} as const satisfies Record<FixHint, true>;

export function isFixHint(value: unknown): value is FixHint {
  return typeof value === 'string' && Object.hasOwn(FIX_HINTS, value);
}

type CauseMap = typeof CAUSE_CODE;
/** The causes that belong to `C`. */
export type CausesOf<C extends ErrorCode> = {
  [K in keyof CauseMap]: CauseMap[K] extends C ? K : never;
}[keyof CauseMap];

/** Words for every code (its default) and for every cause under its code. */
export type ErrorCatalogue = {
  [C in ErrorCode]: { default: ErrorWords } & { [K in CausesOf<C>]: ErrorWords };
};

/** The error section of a catalogue: per-code words, fix hints, and the engine when unnamed. */
export interface ErrorSection {
  codes: ErrorCatalogue;
  hints: Record<FixHint, string>;
  /** Stands for `{endpoint}` when an error names none. */
  anyEngine: string;
}
