import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../../../test/engine/run';

/** A throwaway PKI for a TLS engine test: one CA, a server cert for 127.0.0.1, a client pair. */
export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  const result = await run('openssl', args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd },
    timeoutMs: 30_000,
  });
  if (result.code !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${result.stderr}`);
}

/** EC keys: generating them takes milliseconds where RSA would take seconds on this machine. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function signedPair(
  dir: string,
  name: string,
  ca: { cert: string; key: string },
  extensions: string,
): Promise<{ cert: string; key: string }> {
  const key = path.join(dir, `${name}-key.pem`);
  const csr = path.join(dir, `${name}.csr`);
  const cert = path.join(dir, `${name}-cert.pem`);
  const ext = path.join(dir, `${name}.ext`);
  await writeFile(ext, extensions);
  await openssl(['req', ...EC_KEY, '-keyout', key, '-out', csr, '-subj', `/CN=${name}`], dir);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      cert,
      '-extfile',
      ext,
    ],
    dir,
  );
  return { cert, key };
}

/** Writes a CA plus server and client certificates into `dir` (the `prefix` names the CA). */
export async function createTestPki(dir: string, prefix = 'reclaim-test'): Promise<TestPki> {
  const ca = { cert: path.join(dir, 'ca.pem'), key: path.join(dir, 'ca-key.pem') };
  await openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      ca.key,
      '-out',
      ca.cert,
      '-days',
      '2',
      '-subj',
      `/CN=${prefix}-ca`,
    ],
    dir,
  );
  const server = await signedPair(
    dir,
    'server',
    ca,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  const client = await signedPair(dir, 'client', ca, 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    caCert: ca.cert,
    serverCert: server.cert,
    serverKey: server.key,
    clientCert: client.cert,
    clientKey: client.key,
  };
}
