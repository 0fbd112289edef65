/**
 * What can be read off anything thrown by a connection or an engine call: Node's errno code,
 * dockerode's HTTP status and answer body, ssh2's `level`. Read once here, so the mappers
 * never guess at shapes.
 */
export interface ThrownFacts {
  /** Node's errno or OpenSSL code (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`). */
  code?: string;
  /** The system's or the library's own words. */
  message: string;
  statusCode?: number;
  /** The engine's answer body: dockerode's `.json` (parsed JSON, or a Buffer/string). */
  body?: unknown;
  /** ssh2 tags its errors with where they happened (`client-authentication`…). */
  level?: string;
}

export function factsOf(thrown: unknown): ThrownFacts {
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

/** The HTTP status dockerode attached to a failed call, if it got that far. */
export function statusOf(thrown: unknown): number | undefined {
  return factsOf(thrown).statusCode;
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

/** The engine's words for a failed HTTP call, or the library's when the body has none. */
export function engineWords(facts: ThrownFacts): string {
  return engineMessage(facts.body, facts.message);
}
