import {
  isReclaimError,
  reclaimError,
  ReclaimFailure,
  type ReclaimError,
} from '../../../shared/errors';
import type { Endpoint } from '../../../shared/model';
import { permissionHint, startHint } from '../connect/fix-hints';
import { engineWords, factsOf, type ThrownFacts } from './thrown-facts';

/**
 * Turns anything a connection or an engine call throws (Node socket errors, TLS errors, ssh2
 * errors, dockerode HTTP errors) into a ReclaimError: a code, a cause and the values its
 * words need, with the system's or the engine's own words kept verbatim in `detail`.
 */

const NOT_RUNNING_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
]);
const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const UNKNOWN_HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']);

/** Node's TLS verification failures and OpenSSL errors all mean "the TLS set-up is wrong". */
function isTlsFailure(facts: ThrownFacts): boolean {
  const code = facts.code ?? '';
  if (/^(ERR_SSL_|ERR_TLS_|ERR_OSSL_)/.test(code) || code === 'EPROTO') return true;
  if (/CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|LEAF_SIGNATURE/.test(code)) return true;
  return /\b(ssl|tls|certificate)\b/i.test(facts.message) && code !== 'ENOENT';
}

/** Go's net/http answers a plain request on a TLS port with this 400 text. */
const PLAIN_HTTP_TO_TLS = /client sent an http request to an https server/i;
/** moby before API 1.42 runs one `/system/df` at a time and refuses the next with a 500. */
const DISK_USAGE_BUSY = /disk usage operation is already running/;

/** moby's refusal of a client version below its minimum. */
const CLIENT_TOO_OLD = /client version (\S+) is too old\. minimum supported api version is (\S+)/i;

function hostText(endpoint: Endpoint | string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  return typeof endpoint === 'string' ? endpoint : endpoint.host;
}

/** An HTTP error of any engine call: the answers that mean the same whatever was asked. */
function fromHttp(facts: ThrownFacts & { statusCode: number }, host: string | undefined) {
  const detail = engineWords(facts);
  const where = { detail, ...(host ? { endpoint: host } : {}) };
  if (PLAIN_HTTP_TO_TLS.test(detail)) {
    return reclaimError('TLS_FAILED', { cause: 'plain-http-to-tls', ...where });
  }
  const tooOld = CLIENT_TOO_OLD.exec(detail);
  if (tooOld) {
    return reclaimError('API_TOO_OLD', {
      cause: 'client-version-refused',
      ...where,
      values: { clientVersion: tooOld[1] ?? '', minimum: (tooOld[2] ?? '').replace(/[.,;]+$/, '') },
    });
  }
  if (DISK_USAGE_BUSY.test(detail)) {
    return reclaimError('CONFLICT', { cause: 'disk-usage-busy', ...where });
  }
  if (facts.statusCode === 404) {
    return reclaimError('NOT_FOUND', { cause: 'engine-not-found', ...where });
  }
  if (facts.statusCode === 409) {
    return reclaimError('CONFLICT', { cause: 'engine-conflict', ...where });
  }
  return reclaimError('ENGINE_ERROR', {
    cause: 'http-error',
    ...where,
    values: { status: facts.statusCode },
  });
}

function fromSocket(
  facts: ThrownFacts,
  host: string | undefined,
  platform: NodeJS.Platform,
): ReclaimError | undefined {
  const where = { detail: facts.message, ...(host ? { endpoint: host } : {}) };
  const code = facts.code ?? '';
  if (facts.level === 'client-authentication' || PERMISSION_CODES.has(code)) {
    return reclaimError('PERMISSION_DENIED', {
      cause: facts.level === 'client-authentication' ? 'ssh-auth-failed' : 'access-denied',
      ...where,
      ...(host ? { values: permissionHint(host, platform) } : {}),
    });
  }
  if (facts.level === 'client-timeout' || TIMEOUT_CODES.has(code)) {
    return reclaimError('TIMEOUT', { cause: 'no-answer', ...where });
  }
  if (UNKNOWN_HOST_CODES.has(code)) {
    return reclaimError('ENDPOINT_INVALID', { cause: 'host-unknown', ...where });
  }
  if (NOT_RUNNING_CODES.has(code)) {
    const cause =
      code === 'ENOENT'
        ? host?.startsWith('npipe://')
          ? 'pipe-missing'
          : 'socket-missing'
        : code === 'ECONNREFUSED'
          ? 'connection-refused'
          : 'connection-cut';
    return reclaimError('ENGINE_NOT_RUNNING', {
      cause,
      ...where,
      ...(host ? { values: startHint(host, platform) } : {}),
    });
  }
  if (isTlsFailure(facts)) return reclaimError('TLS_FAILED', { cause: 'tls-handshake', ...where });
  return undefined;
}

/**
 * Maps `thrown` to a ReclaimError. `endpoint` is the engine involved; `platform` decides which
 * fix is suggested (`values.hint`: systemctl on Linux, Docker Desktop elsewhere).
 */
export function toReclaimError(
  thrown: unknown,
  endpoint?: Endpoint | string,
  platform: NodeJS.Platform = process.platform,
): ReclaimError {
  if (thrown instanceof ReclaimFailure) return thrown.error;
  if (isReclaimError(thrown)) return thrown;
  const host = hostText(endpoint);
  const facts = factsOf(thrown);
  if (facts.statusCode !== undefined && facts.statusCode >= 400) {
    return fromHttp({ ...facts, statusCode: facts.statusCode }, host);
  }
  const mapped = fromSocket(facts, host, platform);
  if (mapped) return mapped;
  return facts.code
    ? reclaimError('ENGINE_ERROR', {
        cause: 'connection-failed',
        detail: facts.message,
        ...(host ? { endpoint: host } : {}),
        values: { errno: facts.code },
      })
    : unexpectedError(thrown);
}

/** Throws `thrown` as a ReclaimFailure, for code paths that rethrow. */
export function toReclaimFailure(thrown: unknown, endpoint?: Endpoint | string): ReclaimFailure {
  return thrown instanceof ReclaimFailure
    ? thrown
    : new ReclaimFailure(toReclaimError(thrown, endpoint));
}

/**
 * Anything thrown outside an engine call (a settings file, a bug): a ReclaimError stays as it
 * is, anything else is INTERNAL, so a file's EACCES is never worded as the engine's socket.
 */
export function unexpectedError(thrown: unknown): ReclaimError {
  if (thrown instanceof ReclaimFailure) return thrown.error;
  if (isReclaimError(thrown)) return thrown;
  return reclaimError('INTERNAL', { cause: 'unexpected', detail: factsOf(thrown).message });
}
