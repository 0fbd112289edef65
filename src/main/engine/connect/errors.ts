import {
  isReclaimError,
  reclaimError,
  ReclaimFailure,
  type ReclaimError,
} from '../../../shared/errors';
import type { Endpoint } from '../../../shared/model';
import { permissionHint, startHint } from './fix-hints';

/**
 * Turns anything a connection or an engine call throws (Node socket errors, TLS errors,
 * ssh2 errors, dockerode HTTP errors) into a ReclaimError a user can act on. Other engine
 * modules reuse it for their own calls, so HTTP statuses map here once.
 */

interface ErrorFacts {
  code?: string;
  message: string;
  statusCode?: number;
  /** The engine's answer body: dockerode's `.json` (parsed JSON, or a Buffer/string). */
  body?: unknown;
  /** ssh2 tags its errors with where they happened (`client-authentication`…). */
  level?: string;
}

function factsOf(thrown: unknown): ErrorFacts {
  if (typeof thrown !== 'object' || thrown === null) return { message: String(thrown) };
  const record = thrown as Record<string, unknown>;
  return {
    message: typeof record.message === 'string' ? record.message : String(thrown),
    ...(typeof record.code === 'string' ? { code: record.code } : {}),
    ...(typeof record.statusCode === 'number' ? { statusCode: record.statusCode } : {}),
    ...('json' in record ? { body: record.json } : {}),
    ...(typeof record.level === 'string' ? { level: record.level } : {}),
  };
}

/** The engine's own words from an HTTP error body: `{"message": …}`, or plain text. */
export function engineMessage(body: unknown, fallback: string): string {
  if (typeof body === 'string') return body.trim() || fallback;
  if (Buffer.isBuffer(body)) return body.toString('utf8').trim() || fallback;
  if (typeof body === 'object' && body !== null) {
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return fallback;
}

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
function isTlsFailure(facts: ErrorFacts): boolean {
  const code = facts.code ?? '';
  if (/^(ERR_SSL_|ERR_TLS_|ERR_OSSL_)/.test(code) || code === 'EPROTO') return true;
  if (/CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|LEAF_SIGNATURE/.test(code)) return true;
  return /\b(ssl|tls|certificate)\b/i.test(facts.message) && code !== 'ENOENT';
}

/** Go's net/http answers a plain request on a TLS port with this 400 text. */
const PLAIN_HTTP_TO_TLS = /client sent an http request to an https server/i;
/** moby's refusal of a client version below its minimum. */
const CLIENT_TOO_OLD = /client version (\S+) is too old\. minimum supported api version is (\S+)/i;

function hostText(endpoint: Endpoint | string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  return typeof endpoint === 'string' ? endpoint : endpoint.host;
}

function fromHttp(
  facts: ErrorFacts & { statusCode: number },
  host: string | undefined,
): ReclaimError {
  const said = engineMessage(facts.body, facts.message);
  const extra = { detail: said, ...(host ? { endpoint: host } : {}) };
  if (PLAIN_HTTP_TO_TLS.test(said)) {
    return reclaimError(
      'TLS_FAILED',
      `The engine at ${host ?? 'this address'} only accepts TLS connections.`,
      'Turn TLS on for this endpoint: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder ' +
        'holding ca.pem, cert.pem and key.pem, or use a docker context that has them.',
      extra,
    );
  }
  const tooOld = CLIENT_TOO_OLD.exec(said);
  if (tooOld) {
    return reclaimError(
      'API_TOO_OLD',
      `The engine refuses API ${tooOld[1]}; it needs at least ${tooOld[2]}.`,
      "Update Reclaim to a version that speaks this engine's API.",
      extra,
    );
  }
  if (facts.statusCode === 404) {
    return reclaimError(
      'NOT_FOUND',
      `The engine says: ${said}`,
      'Refresh: it may have been removed already.',
      extra,
    );
  }
  if (facts.statusCode === 409) {
    return reclaimError(
      'CONFLICT',
      `The engine refused: ${said}`,
      "Read the engine's reason above; resolve what it names, then try again.",
      extra,
    );
  }
  return reclaimError(
    'ENGINE_ERROR',
    `The engine answered with an error (HTTP ${facts.statusCode}): ${said}`,
    "Try again; if it keeps failing, check the engine's own logs.",
    extra,
  );
}

function fromSocket(
  facts: ErrorFacts,
  host: string | undefined,
  platform: NodeJS.Platform,
): ReclaimError | undefined {
  const where = host ?? 'the engine';
  const extra = { detail: facts.message, ...(host ? { endpoint: host } : {}) };
  const code = facts.code ?? '';
  if (facts.level === 'client-authentication' || PERMISSION_CODES.has(code)) {
    return reclaimError(
      'PERMISSION_DENIED',
      `Permission denied when connecting to ${where}.`,
      permissionHint(host ?? '', platform),
      extra,
    );
  }
  if (facts.level === 'client-timeout' || TIMEOUT_CODES.has(code)) {
    return reclaimError(
      'TIMEOUT',
      `${where} did not answer in time.`,
      'Check that the engine is running and not overloaded, then try again.',
      extra,
    );
  }
  if (UNKNOWN_HOST_CODES.has(code)) {
    return reclaimError(
      'ENDPOINT_INVALID',
      `The host name in ${where} cannot be resolved.`,
      'Check the address for typos, or your network and DNS.',
      extra,
    );
  }
  if (NOT_RUNNING_CODES.has(code)) {
    const why =
      code === 'ENOENT'
        ? host?.startsWith('npipe://')
          ? 'the named pipe does not exist'
          : 'there is no socket there'
        : code === 'ECONNREFUSED'
          ? 'nothing is listening there'
          : 'the connection was cut';
    return reclaimError(
      'ENGINE_NOT_RUNNING',
      `No engine is running at ${where} (${why}).`,
      startHint(host ?? '', platform),
      extra,
    );
  }
  if (isTlsFailure(facts)) {
    return reclaimError(
      'TLS_FAILED',
      `The TLS connection to ${where} failed: ${facts.message}`,
      "Check that ca.pem matches the engine's certificate and that cert.pem and key.pem are the client pair it trusts (DOCKER_CERT_PATH or the context's TLS files).",
      extra,
    );
  }
  return undefined;
}

/**
 * Maps `thrown` to a ReclaimError. `endpoint` names the engine in the message; `platform`
 * decides how the fix is worded (systemctl on Linux, Docker Desktop elsewhere).
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
  return reclaimError(
    facts.code ? 'ENGINE_ERROR' : 'INTERNAL',
    facts.code
      ? `Talking to ${host ?? 'the engine'} failed.`
      : 'Reclaim hit an unexpected problem talking to the engine.',
    'Try again; if it keeps happening, report it with the details shown.',
    { detail: facts.message, ...(host ? { endpoint: host } : {}) },
  );
}

/** Throws `thrown` as a ReclaimFailure, for code paths that rethrow. */
export function toReclaimFailure(thrown: unknown, endpoint?: Endpoint | string): ReclaimFailure {
  return thrown instanceof ReclaimFailure
    ? thrown
    : new ReclaimFailure(toReclaimError(thrown, endpoint));
}
