import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server, utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../../../shared/errors';
import { openConnection } from '../open';
import { keyFingerprint } from './known-hosts';

/** A key pair as ssh2 makes it: the public half as a known_hosts `type base64` pair. */
function keyPair(type: 'ed25519' | 'ecdsa'): { private: string; publicLine: string } {
  const pair = utils.generateKeyPairSync(type, type === 'ecdsa' ? { bits: 256 } : {});
  return { private: pair.private, publicLine: pair.public.split(' ').slice(0, 2).join(' ') };
}

const blobOf = (publicLine: string): Buffer =>
  Buffer.from(publicLine.split(' ')[1] ?? '', 'base64');

/**
 * A real ssh server (ssh2's) on a loopback port, with host keys of its own: what Reclaim
 * does with the key it presents, before anything is sent to it.
 */
describe('an ssh engine’s host key is checked against known_hosts', () => {
  const ed25519 = keyPair('ed25519');
  const ecdsa = keyPair('ecdsa');
  let server: Server;
  let port: number;
  let dir: string;
  let authAttempts = 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-known-hosts-'));
    server = new Server({ hostKeys: [ed25519.private, ecdsa.private] }, (client) => {
      client.on('authentication', (context) => {
        authAttempts += 1;
        context.reject();
      });
      client.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  async function connectWith(knownHosts: string): Promise<ReclaimFailure> {
    const file = path.join(dir, `known_hosts-${Math.random().toString(36).slice(2)}`);
    await writeFile(file, knownHosts);
    const attempt = openConnection(
      { host: `ssh://me@127.0.0.1:${port}` },
      { knownHostsFiles: [file, path.join(dir, 'missing')], sshAuthSock: '', timeoutMs: 5_000 },
    );
    const failure = await attempt.then(
      () => new Error('connected'),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ReclaimFailure);
    return failure as ReclaimFailure;
  }

  it('refuses an unknown host before sending anything, naming its key and the ssh command', async () => {
    const before = authAttempts;
    const failure = await connectWith('');
    expect(failure.error).toEqual({
      code: 'PERMISSION_DENIED',
      cause: 'ssh-host-unknown',
      endpoint: `ssh://me@127.0.0.1:${port}`,
      values: {
        keyType: 'ssh-ed25519',
        fingerprint: keyFingerprint(blobOf(ed25519.publicLine)),
        command: `ssh -p ${port} me@127.0.0.1`,
      },
    });
    expect(authAttempts).toBe(before);
  });

  it('refuses a changed key, and says how to remove the old one', async () => {
    const before = authAttempts;
    const stranger = keyPair('ed25519');
    const failure = await connectWith(`[127.0.0.1]:${port} ${stranger.publicLine}\n`);
    expect(failure.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      cause: 'ssh-host-changed',
      values: {
        fingerprint: keyFingerprint(blobOf(ed25519.publicLine)),
        command: `ssh-keygen -R '[127.0.0.1]:${port}'`,
      },
    });
    expect(authAttempts).toBe(before);
  });

  it('refuses a key marked revoked', async () => {
    const failure = await connectWith(
      `[127.0.0.1]:${port} ${ecdsa.publicLine}\n@revoked [127.0.0.1]:${port} ${ecdsa.publicLine}\n`,
    );
    expect(failure.error).toMatchObject({ cause: 'ssh-host-revoked' });
  });

  it('goes on to log in with a known key, and asks for the key type the user accepted', async () => {
    const before = authAttempts;
    // The server has an ed25519 key too (ssh2's first choice): the known ecdsa one is asked for.
    const failure = await connectWith(
      `other.lan ${ed25519.publicLine}\n[127.0.0.1]:${port} ${ecdsa.publicLine}\n`,
    );
    expect(failure.error).toMatchObject({ code: 'PERMISSION_DENIED', cause: 'ssh-auth-failed' });
    expect(authAttempts).toBeGreaterThan(before);
  });

  it('does not take the key of the same host on port 22 for this port', async () => {
    const failure = await connectWith(`127.0.0.1 ${ed25519.publicLine}\n`);
    expect(failure.error).toMatchObject({ cause: 'ssh-host-unknown' });
  });
});
