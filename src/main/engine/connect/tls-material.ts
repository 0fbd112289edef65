import { readFile } from 'node:fs/promises';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { Endpoint } from '../../../shared/model';

/** The TLS files of an endpoint, read into memory. */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  verify: boolean;
}

async function readPem(file: string, what: string, host: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable'
          : 'cannot be read';
    throw new ReclaimFailure(
      reclaimError(
        'TLS_FAILED',
        `The TLS ${what} ${file} ${why}, so Reclaim cannot connect to ${host} securely.`,
        "Point DOCKER_CERT_PATH (or the context's TLS files, or Settings) at the folder holding " +
          'ca.pem, cert.pem and key.pem for this engine.',
        { endpoint: host, detail: (error as Error).message },
      ),
    );
  }
}

/** Loads the files an endpoint names; a missing or unreadable file is a TLS_FAILED error. */
export async function loadTlsMaterial(endpoint: Endpoint): Promise<TlsMaterial | undefined> {
  const tls = endpoint.tls;
  if (!tls) return undefined;
  const [ca, cert, key] = await Promise.all([
    tls.caPath ? readPem(tls.caPath, 'CA certificate', endpoint.host) : undefined,
    tls.certPath ? readPem(tls.certPath, 'client certificate', endpoint.host) : undefined,
    tls.keyPath ? readPem(tls.keyPath, 'client key', endpoint.host) : undefined,
  ]);
  if ((cert === undefined) !== (key === undefined)) {
    throw new ReclaimFailure(
      reclaimError(
        'TLS_FAILED',
        `The TLS set-up for ${endpoint.host} has a client ${cert ? 'certificate without its key' : 'key without its certificate'}.`,
        'Provide both cert.pem and key.pem (or neither) next to ca.pem.',
        { endpoint: endpoint.host },
      ),
    );
  }
  return {
    verify: tls.verify,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}
