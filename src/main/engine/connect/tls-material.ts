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

/** Which of an endpoint's TLS files: the CA certificate, the client certificate or its key. */
type TlsFile = 'ca' | 'cert' | 'key';

async function readPem(file: string, which: TlsFile, host: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ReclaimFailure(
      reclaimError('TLS_FAILED', {
        cause: missing ? 'tls-file-missing' : 'tls-file-unreadable',
        endpoint: host,
        subject: file,
        detail: (error as Error).message,
        values: { file: which },
      }),
    );
  }
}

/** Loads the files an endpoint names; a missing or unreadable file is a TLS_FAILED error. */
export async function loadTlsMaterial(endpoint: Endpoint): Promise<TlsMaterial | undefined> {
  const tls = endpoint.tls;
  if (!tls) return undefined;
  const [ca, cert, key] = await Promise.all([
    tls.caPath ? readPem(tls.caPath, 'ca', endpoint.host) : undefined,
    tls.certPath ? readPem(tls.certPath, 'cert', endpoint.host) : undefined,
    tls.keyPath ? readPem(tls.keyPath, 'key', endpoint.host) : undefined,
  ]);
  if ((cert === undefined) !== (key === undefined)) {
    throw new ReclaimFailure(
      reclaimError('TLS_FAILED', {
        cause: cert ? 'tls-cert-without-key' : 'tls-key-without-cert',
        endpoint: endpoint.host,
      }),
    );
  }
  return {
    verify: tls.verify,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}
